import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { smoothSavitzkyGolay } from "./savitzkyGolaySmoothing.js";
import { itWithSharedData, readSharedCurve } from "../../test/support/sharedData.js";

const grid = Array.from({ length: 695 }, (_, i) => 20 * 1.01 ** i);

describe("smoothSavitzkyGolay (AutoEq's smoothing)", () => {
  itWithSharedData(
    "reproduces AutoEq's published smoothed column of the AKG N400 within its 0.01 dB printing",
    () => {
      const curve: Curve = readSharedCurve("autoeq-results/AKG N400.csv", "raw");
      const smoothed = readSharedCurve("autoeq-results/AKG N400.csv", "smoothed").values;
      const ours = smoothSavitzkyGolay(curve).values;
      let worst = 0;
      ours.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - smoothed[i]!))));
      // Inputs are printed to 0.01 dB, so a smoothed value can differ by up to ~0.01 from AutoEq's.
      expect(worst).toBeLessThan(0.011);
      expect(worst).toBeGreaterThan(0); // the comparison is not vacuous
    },
  );

  it("leaves a parabola in log-index unchanged (quadratic filters are exact on quadratics)", () => {
    const values = grid.map((_, i) => 0.001 * (i - 300) ** 2 - 3);
    const result = smoothSavitzkyGolay({ kind: "response", frequencyHz: grid, values }).values;
    result.forEach((value, i) => expect(value).toBeCloseTo(values[i]!, 9));
  });

  it("flattens a narrow treble spike much more than a bass one of the same width", () => {
    const spike = (at: number) => grid.map((_, i) => (i === at ? 10 : 0));
    const bass = smoothSavitzkyGolay({ kind: "response", frequencyHz: grid, values: spike(100) })
      .values[100]!;
    const treble = smoothSavitzkyGolay({ kind: "response", frequencyHz: grid, values: spike(650) })
      .values[650]!;
    expect(bass).toBeGreaterThan(2);
    expect(treble).toBeLessThan(0.5);
  });

  it("refuses a curve shorter than its window", () => {
    expect(() =>
      smoothSavitzkyGolay({
        kind: "response",
        frequencyHz: [0, 1, 2, 3, 4].map((i) => 1000 * 1.01 ** i),
        values: [0, 1, 0, 1, 0],
      }),
    ).toThrow(/fewer than/);
  });
});
