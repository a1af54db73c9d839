import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "./interpolate.js";
import { logBandAverageDb } from "./logBandAverage.js";
import { normalize } from "./normalize.js";

const grid = Array.from({ length: 695 }, (_, i) => 20 * 1.01 ** i);
const tilt: Curve = {
  kind: "response",
  frequencyHz: grid,
  values: grid.map((f) => 95 - 2 * Math.log2(f / 1000)),
  phaseDeg: grid.map(() => 0),
  name: "tilt",
};

describe("normalize(curve, method)", () => {
  it("{ at } puts the interpolated level at that frequency at 0 dB, keeping shape, phase and name", () => {
    const normalized = normalize(tilt, { at: 1000 });
    expect(interpolateLogFrequency(normalized, [1000])[0]).toBeCloseTo(0, 10);
    expect(normalized.values[0]! - normalized.values[694]!).toBeCloseTo(
      tilt.values[0]! - tilt.values[694]!,
      10,
    );
    expect(normalized.phaseDeg).toBe(tilt.phaseDeg);
    expect(normalized.name).toBe("tilt");
    expect(normalized.frequencyHz).toBe(tilt.frequencyHz);
  });

  it("{ at: 500, level: 60 } sets 60 dB at 500 Hz, as squig.link does, between grid points too", () => {
    const curve: Curve = { kind: "response", frequencyHz: [100, 1000], values: [10, 20] };
    const normalized = normalize(curve, { at: 500, level: 60 });
    expect(interpolateLogFrequency(normalized, [500])[0]).toBeCloseTo(60, 12);
    expect(normalized.values[1]).toBeCloseTo(60 + 10 * (1 - Math.log10(5)), 12);
  });

  it('"midband" sets the log-f mean over 300–3000 Hz to 0 dB: for a tilt, its value at √(300·3000)', () => {
    const normalized = normalize(tilt, "midband");
    expect(interpolateLogFrequency(normalized, [Math.sqrt(300 * 3000)])[0]).toBeCloseTo(0, 10);
  });

  it('"loudness" sets the power average over 100 Hz–10 kHz to 0 dB', () => {
    // 0 dB over the lower decade and 10 dB over the upper: 10·log10((1 + 10)/2) = 7.40 dB.
    const step: Curve = {
      kind: "response",
      frequencyHz: [50, 1000, 1000.000001, 20_000],
      values: [0, 0, 10, 10],
    };
    expect(logBandAverageDb(step, 100, 10_000, "power")).toBeCloseTo(10 * Math.log10(5.5), 5);
    const normalized = normalize(step, "loudness");
    expect(normalized.values[0]).toBeCloseTo(-10 * Math.log10(5.5), 5);
    expect(normalize(tilt, "loudness").values.every(Number.isFinite)).toBe(true);
  });

  it("rejects impedances, frequencies and bands outside the curve, and bad levels", () => {
    const impedance: Curve = { kind: "impedance", frequencyHz: [20, 20_000], values: [16, 30] };
    expect(() => normalize(impedance, "midband")).toThrow(TympanError);
    expect(() => normalize(impedance, "midband")).toThrow(/impedance/);
    expect(() => normalize(tilt, { at: 25_000 })).toThrow(/spans 20–/);
    const narrow: Curve = { kind: "response", frequencyHz: [500, 2000], values: [0, 0] };
    expect(() => normalize(narrow, "midband")).toThrow(/needs 300–3000 Hz/);
    expect(() => normalize(narrow, "loudness")).toThrow(/needs 100–10000 Hz/);
    expect(() => normalize(tilt, { at: 500, level: Number.NaN })).toThrow(/not a finite number/);
    expect(() => normalize(tilt, "average" as never)).toThrow(/unknown normalisation/);
    const empty: Curve = { kind: "response", frequencyHz: [], values: [] };
    expect(() => normalize(empty, { at: 1000 })).toThrow(/no points/);
  });
});
