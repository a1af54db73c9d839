import { describe, expect, it } from "vitest";
import { seededRandom } from "../catalogue/receiverFit/startingPoints.js";
import {
  pairMatching,
  quantilesByFrequency,
  varianceShares,
  withinLimits,
} from "./toleranceStatistics.js";

describe("quantilesByFrequency", () => {
  it("interpolates between order statistics (type 7) at each frequency", () => {
    // Runs 0..4 with levels r and 10·r at two frequencies.
    const levels = Float64Array.from([0, 0, 1, 10, 2, 20, 3, 30, 4, 40]);
    const [p5, p50, p95] = quantilesByFrequency(levels, 5, 2, [0.05, 0.5, 0.95]);
    expect(p5).toEqual([0.2, 2]);
    expect(p50).toEqual([2, 20]);
    expect(p95![0]).toBeCloseTo(3.8, 12);
  });
});

describe("withinLimits and pairMatching", () => {
  it("count units within a spec and pairs within ±w, and binning pairs neighbours", () => {
    // Eleven units with flat responses 0, 0.1, …, 1 dB.
    const runs = 11;
    const levels = Float64Array.from({ length: runs * 2 }, (_, k) => Math.floor(k / 2) / 10);
    expect(withinLimits(levels, runs, 2, [0.5, 0.5], [0, 1], 0.25).filter(Boolean)).toHaveLength(5);
    const key = Array.from({ length: runs }, (_, r) => (r * 7) % runs);
    const { randomPairs, binnedPairs } = pairMatching(levels, runs, 2, [0, 1], 0.35, key);
    // |i − j| ≤ 3 of 55 pairs: 10 + 9 + 8 = 27.
    expect(randomPairs).toBeCloseTo(27 / 55, 12);
    expect(binnedPairs).toBeGreaterThanOrEqual(0);
    const sorted = pairMatching(
      levels,
      runs,
      2,
      [0, 1],
      0.15,
      Array.from({ length: runs }, (_, r) => r),
    );
    expect(sorted.binnedPairs).toBe(1);
  });

  it("compares every pair up to the limit, and beyond it estimates the share from pairs drawn with the seed", () => {
    // 400 units, 30 frequencies: levels a unit offset plus noise; 79 800 distinct pairs.
    const runs = 400;
    const frequencies = 30;
    const random = seededRandom(5);
    const levels = new Float64Array(runs * frequencies);
    for (let r = 0; r < runs; r++) {
      const offset = 1.5 * (random() - 0.5);
      for (let f = 0; f < frequencies; f++) levels[r * frequencies + f] = offset + 0.3 * random();
    }
    const band = Array.from({ length: 25 }, (_, k) => k + 2);
    const key = Array.from({ length: runs }, (_, r) => levels[r * frequencies + 10]!);
    const exact = pairMatching(levels, runs, frequencies, band, 0.5, key);
    expect(exact.allPairs).toBe(true);
    expect(exact.comparedPairs).toBe((runs * (runs - 1)) / 2);
    // The same count as comparing every pair along the band in its own order.
    let matched = 0;
    for (let a = 0; a < runs; a++)
      for (let b = a + 1; b < runs; b++)
        if (
          band.every(
            (f) => Math.abs(levels[a * frequencies + f]! - levels[b * frequencies + f]!) <= 0.5,
          )
        )
          matched++;
    expect(exact.randomPairs).toBe(matched / exact.comparedPairs);
    expect(exact.randomPairs).toBeGreaterThan(0.2);
    expect(exact.randomPairs).toBeLessThan(0.8);
    const estimate = pairMatching(levels, runs, frequencies, band, 0.5, key, 7, 20_000, 20_000);
    expect(estimate.allPairs).toBe(false);
    expect(estimate.comparedPairs).toBe(20_000);
    const standardError = Math.sqrt((exact.randomPairs * (1 - exact.randomPairs)) / 20_000);
    expect(Math.abs(estimate.randomPairs - exact.randomPairs)).toBeLessThan(4 * standardError);
    expect(estimate.binnedPairs).toBe(exact.binnedPairs);
    // Deterministic for a seed; another seed draws other pairs.
    expect(pairMatching(levels, runs, frequencies, band, 0.5, key, 7, 20_000, 20_000)).toEqual(
      estimate,
    );
    expect(
      pairMatching(levels, runs, frequencies, band, 0.5, key, 8, 20_000, 20_000).randomPairs,
    ).not.toBe(estimate.randomPairs);
  });
});

describe("varianceShares", () => {
  it("splits a linear model's variance by its squared coefficients", () => {
    const runs = 4000;
    const random = seededRandom(3);
    const draws = Float64Array.from({ length: runs * 2 }, () => 2 * random() - 1);
    const levels = Float64Array.from(
      { length: runs },
      (_, r) => 3 * draws[2 * r]! + draws[2 * r + 1]!,
    );
    const result = varianceShares(draws, 2, levels, runs, 1, [0])!;
    expect(result.shares[0]).toBeCloseTo(0.9, 1);
    expect(result.shares[1]).toBeCloseTo(0.1, 1);
    expect(result.unexplained).toBeLessThan(1e-9);
    expect(varianceShares(draws, 2, levels, 3, 1, [0])).toBeUndefined();
  });
});
