import { describe, expect, it } from "vitest";
import { distortion, driveForLevel, referenceDesign } from "../../index.js";
import { handle } from "./handle.js";
import type { DistortionView, Reply } from "./protocol.js";
import { distortionFrequencies } from "./distortionCalls.js";

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}

const singleDd = referenceDesign("single-dd")!.design;

function distortionAt(design: unknown, levelDb: number): DistortionView {
  return value(handle("distortion", { design, levelDb, points: 21, fit: "" }));
}

describe("the distortion call (the designer's distortion view)", () => {
  it("sweeps 20 Hz–10 kHz log-spaced with 1 kHz among the points", () => {
    const sweep = distortionFrequencies(21);
    expect(sweep).toHaveLength(22);
    expect(sweep[0]).toBeCloseTo(20, 9);
    expect(sweep.at(-1)).toBeCloseTo(10_000, 6);
    expect(sweep).toContain(1000);
    expect([...sweep].sort((a, b) => a - b)).toEqual(sweep);
  });

  it("gives the library's THD, H2 and H3 for single-dd at 94 dB at the drum", () => {
    const view = distortionAt(singleDd, 94);
    const voltageRms = driveForLevel(singleDd, { levelDb: 94, frequencyHz: 1000, probe: "drum" });
    const direct = distortion(singleDd, { frequencies: view.frequencyHz, voltageRms });
    const drum = direct.probes.drum!;
    expect(view.probeId).toBe("drum");
    expect(view.linear).toBe(false);
    expect(view.voltageRms).toBe(voltageRms);
    expect(view.thdPercent).toEqual(drum.thdPercent);
    const at1k = view.frequencyHz.indexOf(1000);
    expect(view.thdAt1kHzPercent).toBe(drum.thdPercent[at1k]);
    // A dynamic driver at 94 dB: well under 1 % at 1 kHz, yet not zero.
    expect(view.thdAt1kHzPercent).toBeGreaterThan(0.001);
    expect(view.thdAt1kHzPercent).toBeLessThan(1);
    // H2 as % of the fundamental: 100·10^((H2 − H1)/20), and never above THD (H2 is part of it).
    const h2 = 100 * 10 ** ((drum.harmonicsDb["2"]![at1k]! - drum.fundamentalDb[at1k]!) / 20);
    expect(view.h2Percent[at1k]).toBeCloseTo(h2, 12);
    view.frequencyHz.forEach((_, j) => {
      expect(view.h2Percent[j] ?? 0).toBeLessThanOrEqual(view.thdPercent[j]! * (1 + 1e-9));
      expect(view.h3Percent[j] ?? 0).toBeLessThanOrEqual(view.thdPercent[j]! * (1 + 1e-9));
    });
  });

  it("rises with the level: 20 dB louder gives more THD at 1 kHz", () => {
    const at94 = distortionAt(singleDd, 94).thdAt1kHzPercent;
    const at114 = distortionAt(singleDd, 114).thdAt1kHzPercent;
    expect(at114).toBeGreaterThan(at94 * 3);
  });

  it("says a design without large-signal parameters is linear, with nothing to draw", () => {
    const linear = structuredClone(singleDd) as unknown as { elements: Record<string, unknown>[] };
    for (const element of linear.elements) {
      for (const key of Object.keys(element)) {
        if (/^(bl|kms|le)\d+$/.test(key)) delete element[key];
      }
    }
    const view = distortionAt(linear, 94);
    expect(view.linear).toBe(true);
    expect(view.thdPercent.every((v) => v === null)).toBe(true);
    expect(view.h2Percent.every((v) => v === null)).toBe(true);
  });

  it("answers a level that is not a number with an issue, not NaN", () => {
    const reply = handle("distortion", {
      design: singleDd,
      levelDb: Number.NaN,
      points: 5,
      fit: "",
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.message).toMatch(/level must be a number of dB/);
  });
});
