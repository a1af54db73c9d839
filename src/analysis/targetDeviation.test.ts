import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { targetDeviation } from "./targetDeviation.js";

const grid = Array.from({ length: 301 }, (_, i) => 10 * 10 ** (i / 100));
const curve = (name: string, value: (f: number) => number): Curve => ({
  kind: "response",
  frequencyHz: grid,
  values: grid.map(value),
  name,
});

describe("targetDeviation", () => {
  it("ignores a level offset: only the shape counts after alignment at 1 kHz", () => {
    const target = curve("t", (f) => 3 * Math.log10(f));
    const shifted = curve("c", (f) => 3 * Math.log10(f) + 42);
    const deviation = targetDeviation(shifted, target);
    expect(deviation.worstDb).toBeLessThan(1e-9);
    expect(deviation.rmsDb).toBeLessThan(1e-9);
  });

  it("finds the worst point, its sign and the RMS of a known difference", () => {
    const target = curve("t", () => 0);
    // A tilt of 2 dB per decade about 1 kHz: −5.4 dB at 20 Hz, +2 dB at 10 kHz.
    const tilted = curve("c", (f) => 2 * Math.log10(f / 1000));
    const deviation = targetDeviation(tilted, target);
    expect(deviation.worstAtHz).toBeCloseTo(20, 6);
    expect(deviation.worstSignedDb).toBeCloseTo(2 * Math.log10(20 / 1000), 6);
    // RMS of a linear function of log f over [log 20, log 10k] on a uniform log grid.
    const a = Math.log10(20 / 1000);
    const b = Math.log10(10);
    const meanSquare = (4 * (b ** 3 - a ** 3)) / (3 * (b - a));
    expect(deviation.rmsDb).toBeCloseTo(Math.sqrt(meanSquare), 2);
  });
});
