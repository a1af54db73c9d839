import { describe, expect, it } from "vitest";
import { DEVICE_PRESETS, devicePreset } from "./devicePresets.js";
import { checkConstraints, rangeOf } from "./eqConstraints.js";

describe("DEVICE_PRESETS", () => {
  it("have unique ids, a source each, and constraints valid at 44.1 and 48 kHz", () => {
    const ids = DEVICE_PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const preset of DEVICE_PRESETS) {
      expect(preset.source.length).toBeGreaterThan(20);
      expect(() => checkConstraints(preset.constraints, 44_100)).not.toThrow();
      expect(() => checkConstraints(preset.constraints, 48_000)).not.toThrow();
    }
  });

  it("the default is AutoEq's: shelves at 105 Hz and 10 kHz (Q 0.7), 8 peaking with Q 0.18248–6, +6 dB", () => {
    const { constraints } = devicePreset("parametric")!;
    expect(constraints.slots).toHaveLength(10);
    expect(constraints.maxBoostDb).toBe(6);
    expect(constraints.slots[0]).toMatchObject({ type: "low-shelf", fcHz: 105, q: 0.7 });
    expect(constraints.slots[1]).toMatchObject({ type: "high-shelf", fcHz: 10_000, q: 0.7 });
    for (const slot of constraints.slots.slice(2)) {
      expect(slot.type).toBe("peaking");
      expect(rangeOf(slot.q)).toEqual({ min: 0.18248, max: 6 });
      expect(rangeOf(slot.fcHz)).toEqual({ min: 20, max: 10_000 });
    }
  });

  it("graphic presets have fixed bands: 10 octave bands from 31.25 Hz, 31 third-octave bands from 20 Hz", () => {
    const ten = devicePreset("graphic-10")!.constraints.slots;
    expect(ten.map((slot) => slot.fcHz)).toEqual([
      31.25, 62.5, 125, 250, 500, 1000, 2000, 4000, 8000, 16_000,
    ]);
    const thirtyOne = devicePreset("graphic-31")!.constraints.slots;
    expect(thirtyOne).toHaveLength(31);
    expect(thirtyOne[30]!.fcHz).toBeCloseTo(20_480, 6);
    expect(devicePreset("spotify")!.constraints.slots.map((slot) => slot.fcHz)).toEqual([
      60, 150, 400, 1000, 2400, 15_000,
    ]);
  });
});
