import { describe, expect, it } from "vitest";
import { itWithSharedData, readSharedCurve } from "../../test/support/sharedData.js";
import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { smoothFractionalOctave } from "./smoothFractionalOctave.js";

/** 20 Hz–20 kHz at `perOctave` points per octave. */
function logGrid(perOctave: number): number[] {
  const count = Math.floor(perOctave * Math.log2(1000)) + 1;
  return Array.from({ length: count }, (_, i) => 20 * 2 ** (i / perOctave));
}

const response = (frequencyHz: number[], level: (f: number) => number): Curve => ({
  kind: "response",
  frequencyHz,
  values: frequencyHz.map(level),
});

describe("smoothFractionalOctave(curve, fraction)", () => {
  it("leaves a constant constant, on an uneven grid, under both averages", () => {
    const curve = response([20, 21, 55, 300, 310, 4000, 19_000], () => 73.5);
    for (const average of ["power", "db"] as const) {
      const { values } = smoothFractionalOctave(curve, 1 / 3, { average });
      values.forEach((v) => expect(v).toBeCloseTo(73.5, 10));
    }
  });

  it("keeps a dB-per-octave tilt under dB averaging away from the ends", () => {
    const tilt = (f: number) => 3 * Math.log2(f / 1000) + 1;
    const curve = response(logGrid(24), tilt);
    const smoothed = smoothFractionalOctave(curve, 1 / 6, { average: "db" });
    curve.frequencyHz.forEach((f, i) => {
      if (f > 40 && f < 10_000) expect(smoothed.values[i]).toBeCloseTo(tilt(f), 10);
    });
  });

  it("raises a tilt by 10·log10(sinh u / u) under power averaging, u = ln10/10 · slope · half-width", () => {
    // Hand computation: L(x) = a + b·x (x = log10 f); the mean of e^(cL) over x ± h is
    // e^(cL(x)) · sinh(cbh)/(cbh) with c = ln10/10, so the smoothed curve is the tilt plus a constant.
    const dbPerDecade = 20;
    const tilt = (f: number) => dbPerDecade * Math.log10(f / 1000);
    const fraction = 1 / 3;
    const halfWidth = (fraction / 2) * Math.log10(2);
    const u = (Math.LN10 / 10) * dbPerDecade * halfWidth;
    const offset = 10 * Math.log10(Math.sinh(u) / u);
    const curve = response(logGrid(48), tilt);
    const smoothed = smoothFractionalOctave(curve, fraction);
    curve.frequencyHz.forEach((f, i) => {
      if (f > 40 && f < 10_000) expect(smoothed.values[i]).toBeCloseTo(tilt(f) + offset, 10);
    });
    expect(offset).toBeGreaterThan(0.01);
  });

  it("does not depend on how densely a straight stretch is sampled", () => {
    // The same piecewise-linear curve, once with extra collinear points packed on one side.
    const sparse: Curve = {
      kind: "response",
      frequencyHz: [100, 1000, 2000, 10_000],
      values: [0, 0, 12, 12],
    };
    const dense: Curve = {
      kind: "response",
      frequencyHz: [100, 1000, 1100, 1200, 1300, 1400, 2000, 10_000],
      values: [0, 0, ...[1100, 1200, 1300, 1400].map((f) => 12 * Math.log2(f / 1000)), 12, 12],
    };
    const a = smoothFractionalOctave(sparse, 1 / 2);
    const b = smoothFractionalOctave(dense, 1 / 2);
    for (const f of [100, 1000, 2000, 10_000]) {
      const i = a.frequencyHz.indexOf(f);
      const j = b.frequencyHz.indexOf(f);
      expect(b.values[j]).toBeCloseTo(a.values[i] as number, 10);
    }
  });

  it("lowers and widens a narrow peak while keeping the energy of the interpolated curve", () => {
    const grid = logGrid(48);
    const peakIndex = grid.findIndex((f) => f > 1000);
    const peakHz = grid[peakIndex] as number;
    const curve = response(grid, (f) => (f === peakHz ? 10 : 0));
    const smoothed = smoothFractionalOctave(curve, 1 / 3);
    expect(smoothed.values[peakIndex]).toBeLessThan(5);
    expect(smoothed.values[peakIndex]).toBeGreaterThan(0);
    expect(smoothed.values[peakIndex + 6]).toBeGreaterThan(0.1);
    expect(smoothed.values[peakIndex - 6]).toBeGreaterThan(0.1);
    expect(smoothed.values[peakIndex + 12]).toBeCloseTo(0, 12);
    const excess = (values: readonly number[]) =>
      values.reduce((sum, v) => sum + 10 ** (v / 10) - 1, 0);
    // The interpolated peak is a dB triangle over one grid step each side; each side's excess power
    // is ∫ (10^(L/10) − 1) = (10 − 1)/ln 10 − 1 grid steps, and a rectangular window keeps the integral.
    expect(excess(smoothed.values)).toBeCloseTo(2 * (9 / Math.LN10 - 1), 6);
  });

  it("cuts the window at the ends instead of extrapolating", () => {
    const curve = response([100, 200], (f) => (f === 100 ? 0 : 6));
    // At 100 Hz the 1-octave window covers 100–141 Hz, where the dB ramp averages 1.5 dB.
    const { values } = smoothFractionalOctave(curve, 1, { average: "db" });
    expect(values[0]).toBeCloseTo(1.5, 12);
    expect(values[1]).toBeCloseTo(4.5, 12);
  });

  it("keeps frequencies and name, drops the phase, and accepts a one-point curve", () => {
    const curve: Curve = {
      kind: "response",
      frequencyHz: [100, 1000],
      values: [1, 2],
      phaseDeg: [0, 10],
      name: "IE 200",
    };
    const smoothed = smoothFractionalOctave(curve, 1 / 12);
    expect(smoothed.frequencyHz).toEqual([100, 1000]);
    expect(smoothed.name).toBe("IE 200");
    expect(smoothed.phaseDeg).toBeUndefined();
    const single: Curve = { kind: "response", frequencyHz: [1000], values: [7] };
    expect(smoothFractionalOctave(single, 1 / 3).values).toEqual([7]);
  });

  itWithSharedData("smooths a real measurement into its own range without NaN", () => {
    const curve: Curve = readSharedCurve("measurements/AKG N400.csv");
    const smoothed = smoothFractionalOctave(curve, 1 / 12);
    const min = Math.min(...curve.values);
    const max = Math.max(...curve.values);
    for (const v of smoothed.values) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(min - 1e-9);
      expect(v).toBeLessThanOrEqual(max + 1e-9);
    }
  });

  it("rejects an impedance, an empty curve and a bad fraction with a TympanError", () => {
    const impedance: Curve = { kind: "impedance", frequencyHz: [100, 1000], values: [16, 18] };
    expect(() => smoothFractionalOctave(impedance, 1 / 3)).toThrow(TympanError);
    expect(() => smoothFractionalOctave(impedance, 1 / 3)).toThrow(/needs a frequency response/);
    const empty: Curve = { kind: "response", frequencyHz: [], values: [] };
    expect(() => smoothFractionalOctave(empty, 1 / 3)).toThrow(/no points/);
    const curve: Curve = { kind: "response", frequencyHz: [100, 1000], values: [0, 0] };
    expect(() => smoothFractionalOctave(curve, 12)).toThrow(/pass 1\/12, not 12/);
    for (const bad of [0, -1 / 3, 1 / 96, Number.NaN, Infinity]) {
      expect(() => smoothFractionalOctave(curve, bad)).toThrow(/1 to 1\/48 octave/);
    }
    expect(smoothFractionalOctave(curve, 1 / 48).values).toEqual([0, 0]);
  });

  it("reports every problem of a curve at once", () => {
    const bad: Curve = { kind: "impedance", frequencyHz: [100, 50], values: [1, Number.NaN] };
    try {
      smoothFractionalOctave(bad, 1 / 3);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TympanError);
      const codes = (error as TympanError).issues.map((issue) => issue.code);
      expect(codes).toEqual(["not-a-response", "unsorted-frequencies", "invalid-value"]);
    }
  });
});
