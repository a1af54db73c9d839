import { describe, expect, it } from "vitest";
import { eqResponseDb } from "./eqResponse.js";
import { largestLobes, prominentPeaks, qFromBandwidth } from "./errorLobes.js";
import { eqFitGrid } from "./fitGrid.js";

const GRID = eqFitGrid(10_000);
const OPTIONS = { fcHz: { min: 20, max: 10_000 }, smoothingOctaves: 1 / 14, count: 3 };

describe("qFromBandwidth", () => {
  it("gives the cookbook's Q for whole octaves: 1 octave √2, 2 octaves 2/3", () => {
    expect(qFromBandwidth(1)).toBeCloseTo(Math.SQRT2, 12);
    expect(qFromBandwidth(2)).toBeCloseTo(2 / 3, 12);
  });
});

describe("largestLobes and prominentPeaks", () => {
  // Two filters far apart: each lobe is one filter's curve, so it gives that filter back.
  const error = eqResponseDb(
    [
      { type: "peaking", fcHz: 200, gainDb: -2, q: 1 },
      { type: "peaking", fcHz: 3000, gainDb: 3, q: 2 },
    ],
    GRID,
  );

  for (const [name, find] of [
    ["largestLobes", largestLobes],
    ["prominentPeaks", prominentPeaks],
  ] as const) {
    it(`${name} finds both filters: fc within 2 %, gain within 0.15 dB, Q within 8 %`, () => {
      const found = find(GRID, error, OPTIONS).sort((a, b) => a.fcHz - b.fcHz);
      expect(found).toHaveLength(2);
      const [low, high] = found;
      expect(Math.abs(low!.fcHz / 200 - 1)).toBeLessThan(0.02);
      expect(Math.abs(high!.fcHz / 3000 - 1)).toBeLessThan(0.02);
      expect(Math.abs(low!.gainDb + 2)).toBeLessThan(0.15);
      expect(Math.abs(high!.gainDb - 3)).toBeLessThan(0.15);
      expect(Math.abs(low!.q / 1 - 1)).toBeLessThan(0.08);
      expect(Math.abs(high!.q / 2 - 1)).toBeLessThan(0.08);
    });
  }

  it("keeps only extremes inside the fc range and at most `count`", () => {
    const found = largestLobes(GRID, error, { ...OPTIONS, fcHz: { min: 1000, max: 10_000 } });
    expect(found.map((lobe) => Math.round(lobe.fcHz / 100))).toEqual([30]);
    expect(prominentPeaks(GRID, error, { ...OPTIONS, count: 1 })).toHaveLength(1);
  });
});
