import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { channelImbalance } from "./channelImbalance.js";
import type { Curve } from "../core/curve.js";

const curve = (frequencyHz: number[], values: number[]): Curve => ({
  kind: "response",
  frequencyHz,
  values,
});
const flatRight = curve([20, 20_000], [70, 70]);

describe("channelImbalance(left, right, options?)", () => {
  it("finds no bands for matched channels", () => {
    const result = channelImbalance(flatRight, flatRight);
    expect(result.maxDifferenceDb).toBe(0);
    expect(result.bands).toEqual([]);
    expect(result.difference.values).toEqual([0, 0]);
  });

  it("puts band edges where the log-interpolated difference crosses the threshold", () => {
    const left = curve([20, 500, 1000, 2000, 4000, 20_000], [70, 70, 74, 74, 70, 70]);
    const result = channelImbalance(left, flatRight);
    expect(result.maxDifferenceDb).toBeCloseTo(4, 12);
    expect(result.atHz).toBeCloseTo(1000, 9);
    expect(result.bands).toHaveLength(1);
    const [band] = result.bands;
    expect(band!.fromHz).toBeCloseTo(Math.sqrt(500 * 1000), 9);
    expect(band!.toHz).toBeCloseTo(Math.sqrt(2000 * 4000), 9);
    expect(band!.maxDb).toBeCloseTo(4, 12);
    expect(result.difference.frequencyHz).toEqual([20, 500, 1000, 2000, 4000, 20_000]);
  });

  it("splits a swing from left-louder to right-louder into two signed bands", () => {
    const left = curve([20, 200, 1000, 5000, 20_000], [70, 67, 70, 73, 70]);
    const result = channelImbalance(left, flatRight);
    expect(result.bands.map((b) => b.maxDb)).toEqual([-3, 3]);
    expect(result.bands[0]!.toHz).toBeLessThan(result.bands[1]!.fromHz);
    expect(Math.abs(result.maxDifferenceDb)).toBeCloseTo(3, 12);
  });

  it("checks only the band asked for, cutting bands at its ends", () => {
    const left = curve([20, 50, 20_000], [80, 80, 70]);
    const byDefault = channelImbalance(left, flatRight);
    expect(byDefault.bands).toHaveLength(1);
    expect(byDefault.bands[0]!.fromHz).toBeCloseTo(100, 9);
    expect(byDefault.maxDifferenceDb).toBeGreaterThan(2);
    expect(byDefault.atHz).toBeCloseTo(100, 9);
    const above = channelImbalance(left, flatRight, { fromHz: 10_000, toHz: 20_000 });
    expect(above.bands).toEqual([]);
    const loose = channelImbalance(left, flatRight, { thresholdDb: 20 });
    expect(loose.bands).toEqual([]);
  });

  it("rejects impedances, bad options and a band outside the channels", () => {
    const impedance: Curve = { kind: "impedance", frequencyHz: [20, 20_000], values: [16, 30] };
    expect(() => channelImbalance(impedance, flatRight)).toThrow(TympanError);
    expect(() => channelImbalance(impedance, flatRight)).toThrow(/left curve is an impedance/);
    expect(() => channelImbalance(flatRight, flatRight, { thresholdDb: -1 })).toThrow(
      /non-negative/,
    );
    expect(() => channelImbalance(flatRight, flatRight, { fromHz: 5000, toHz: 100 })).toThrow(
      /0 < fromHz < toHz/,
    );
    const treble = curve([12_000, 20_000], [70, 70]);
    expect(() => channelImbalance(treble, treble)).toThrow(/outside the checked band/);
  });
});
