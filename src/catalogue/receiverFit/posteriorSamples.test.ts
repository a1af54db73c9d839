import { describe, expect, it } from "vitest";
import { weightedQuantile } from "./posteriorSamples.js";

describe("weightedQuantile", () => {
  it("gives the median of equal weights and interpolates between mid-weights", () => {
    expect(weightedQuantile([3, 1, 2], [1, 1, 1], 0.5)).toBeCloseTo(2, 12);
    // Positions 1/8, 3/8, 5/8, 7/8 for 1, 2, 3, 4: q = 0.25 is halfway between 1 and 2.
    expect(weightedQuantile([4, 3, 2, 1], [1, 1, 1, 1], 0.25)).toBeCloseTo(1.5, 12);
  });

  it("follows the weights: a heavy value pulls the quantile to itself", () => {
    // Positions 0.005 and 0.505: the median lies 99 % of the way from 0 to 10.
    expect(weightedQuantile([0, 10], [1, 99], 0.5)).toBeCloseTo(9.9, 12);
    expect(weightedQuantile([0, 10], [99, 1], 0.5)).toBeCloseTo(0.1, 12);
  });

  it("ignores zero weights and clamps at the ends", () => {
    expect(weightedQuantile([0, 5, 100], [1, 1, 0], 0.99)).toBe(5);
    expect(weightedQuantile([0, 5], [1, 1], 0.01)).toBe(0);
    expect(Number.isNaN(weightedQuantile([], [], 0.5))).toBe(true);
  });
});
