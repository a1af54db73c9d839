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

  it("every preset's fit keeps its limits: slot count, types, fixed fc and Q, ranges and the boost limit", async () => {
    const { fitParametricEq } = await import("./fitParametricEq.js");
    const grid = Array.from({ length: 200 }, (_, i) => 20 * 1000 ** (i / 199));
    // A measurement with a bass dip, a presence peak and a treble roll-off.
    const values = grid.map(
      (f) =>
        -4 * Math.exp(-((Math.log2(f / 60) / 1) ** 2)) +
        5 * Math.exp(-((Math.log2(f / 3000) / 0.5) ** 2)) -
        (f > 8000 ? 6 : 0),
    );
    const measurement = { kind: "response" as const, frequencyHz: grid, values };
    const flat = { kind: "response" as const, frequencyHz: grid, values: grid.map(() => 0) };
    for (const preset of DEVICE_PRESETS) {
      const { constraints } = preset;
      const fit = fitParametricEq(measurement, flat, { constraints });
      expect(fit.filters).toHaveLength(constraints.slots.length);
      expect(fit.maxBoostDb).toBeLessThanOrEqual(constraints.maxBoostDb);
      fit.filters.forEach((filter, k) => {
        const slot = constraints.slots[k]!;
        expect(filter.type).toBe(slot.type);
        for (const [value, range] of [
          [filter.fcHz, rangeOf(slot.fcHz)],
          [filter.q, rangeOf(slot.q)],
          [filter.gainDb, slot.gainDb],
        ] as const) {
          expect(value).toBeGreaterThanOrEqual(range.min - 0.051 * Math.max(1, range.min));
          expect(value).toBeLessThanOrEqual(range.max + 0.051 * Math.max(1, range.max));
        }
      });
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
