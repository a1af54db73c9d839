import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { logBandAverageDb } from "./logBandAverage.js";

const ramp: Curve = { kind: "response", frequencyHz: [10, 100, 1000], values: [0, 0, 20] };

describe("logBandAverageDb(curve, fromHz, toHz, average)", () => {
  it('"db" integrates the interpolated curve: half a decade flat and half rising to 20 dB give 5 dB', () => {
    expect(logBandAverageDb(ramp, 10, 1000, "db")).toBeCloseTo(5, 12);
    expect(logBandAverageDb(ramp, 100, 1000, "db")).toBeCloseTo(10, 12);
  });

  it('"power" gives 10·log10 of the mean power: a 0→20 dB ramp over a decade averages 99/ln 100', () => {
    // ∫₀¹ 10^(2x) dx = 99 / ln 100.
    expect(logBandAverageDb(ramp, 100, 1000, "power")).toBeCloseTo(
      10 * Math.log10(99 / Math.log(100)),
      12,
    );
  });

  it("accepts a band ending on a rounded grid end, and rejects one the curve does not cover", () => {
    const curve: Curve = { kind: "response", frequencyHz: [20.0000000001, 1000], values: [3, 3] };
    expect(logBandAverageDb(curve, 20, 1000, "power")).toBeCloseTo(3, 12);
    expect(() => logBandAverageDb(ramp, 5, 1000, "db")).toThrow(TympanError);
    expect(() => logBandAverageDb(ramp, 5, 1000, "db")).toThrow(/spans 10–1000 Hz/);
    expect(() => logBandAverageDb(ramp, 500, 200, "db")).toThrow(/0 < fromHz < toHz/);
  });
});
