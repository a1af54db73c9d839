import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "./interpolate.js";

const decade: Curve = { kind: "response", frequencyHz: [100, 1000], values: [0, 10] };

describe("interpolateLogFrequency(curve, frequenciesHz)", () => {
  it("returns the curve's own values at its points", () => {
    const curve: Curve = { kind: "response", frequencyHz: [20, 200, 2000], values: [3, -1, 4] };
    expect(interpolateLogFrequency(curve, [20, 200, 2000])).toEqual([3, -1, 4]);
  });

  it("is linear in log10 f: the geometric mean gets the mean value, 200 Hz gets 10·log10 2", () => {
    const [middle, twoHundred, fiveHundred] = interpolateLogFrequency(decade, [
      Math.sqrt(100 * 1000),
      200,
      500,
    ]);
    expect(middle).toBeCloseTo(5, 12);
    expect(twoHundred).toBeCloseTo(10 * Math.log10(2), 12);
    expect(fiveHundred).toBeCloseTo(10 * Math.log10(5), 12);
  });

  it("reproduces a function linear in ln f exactly, on an uneven grid", () => {
    const frequencyHz = [20, 31, 77, 450, 3000, 20_000];
    const tilt = (f: number) => 1.5 * Math.log(f / 1000) - 2;
    const curve: Curve = { kind: "response", frequencyHz, values: frequencyHz.map(tilt) };
    const queries = [21, 50, 100, 1000, 9999, 15_000];
    const result = interpolateLogFrequency(curve, queries);
    queries.forEach((f, i) => expect(result[i]).toBeCloseTo(tilt(f), 12));
  });

  it("holds the end values outside the curve's range instead of extrapolating", () => {
    expect(interpolateLogFrequency(decade, [1, 99.9, 1000.1, 1e6])).toEqual([0, 0, 10, 10]);
  });

  it("accepts queries in any order and as a Float64Array", () => {
    const result = interpolateLogFrequency(decade, new Float64Array([1000, 100, Math.sqrt(1e5)]));
    expect(result[0]).toBe(10);
    expect(result[1]).toBe(0);
    expect(result[2]).toBeCloseTo(5, 12);
  });

  it("treats a one-point curve as constant", () => {
    const single: Curve = { kind: "response", frequencyHz: [1000], values: [7] };
    expect(interpolateLogFrequency(single, [20, 1000, 20_000])).toEqual([7, 7, 7]);
  });

  it("returns an empty array for no queries", () => {
    expect(interpolateLogFrequency(decade, [])).toEqual([]);
  });

  it("rejects an empty curve, non-positive frequencies and unsorted points with a TympanError", () => {
    const empty: Curve = { kind: "response", frequencyHz: [], values: [] };
    expect(() => interpolateLogFrequency(empty, [100])).toThrow(TympanError);
    const zero: Curve = { kind: "response", frequencyHz: [0, 100], values: [1, 2] };
    expect(() => interpolateLogFrequency(zero, [100])).toThrow(/positive finite/);
    const unsorted: Curve = { kind: "response", frequencyHz: [100, 50], values: [1, 2] };
    expect(() => interpolateLogFrequency(unsorted, [70])).toThrow(/sort the points/);
    expect(() => interpolateLogFrequency(decade, [-5])).toThrow(/query frequency -5 Hz/);
  });
});
