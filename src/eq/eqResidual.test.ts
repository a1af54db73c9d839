import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  itWithSharedData,
  readSharedCurve,
  sharedDataFile,
} from "../../test/support/sharedData.js";
import type { Curve } from "../core/curve.js";
import { eqResidual } from "./eqResidual.js";
import { parseEqualizerApo } from "./equalizerApo.js";
import { eqFitGrid } from "./fitGrid.js";

const GRID = Array.from(eqFitGrid());
const curve = (values: (f: number) => number): Curve => ({
  kind: "response",
  frequencyHz: GRID,
  values: GRID.map(values),
});

describe("eqResidual", () => {
  it("is 0 for a measurement that is the target plus a constant, whose level it reports", () => {
    const target = curve((f) => 5 * Math.sin(Math.log(f)));
    const residual = eqResidual(
      curve((f) => 5 * Math.sin(Math.log(f)) + 3),
      target,
      [],
    );
    expect(residual.rmsDb).toBeLessThan(1e-12);
    expect(residual.levelOffsetDb).toBeCloseTo(3, 12);
    expect(residual.points).toBe(625); // 20·1.01^k ≤ 10 kHz: k = 0…624
  });

  it("of a filter undone by its opposite is 0; of a lone ±1 dB square wave is 1 dB", () => {
    const filter = { type: "peaking", fcHz: 1000, gainDb: -6, q: 2 } as const;
    const flat = curve(() => 0);
    const withFilter = eqResidual(flat, flat, [filter]);
    const back = eqResidual(flat, flat, [filter, { ...filter, gainDb: 6 }]);
    expect(withFilter.rmsDb).toBeGreaterThan(0.5);
    expect(back.rmsDb).toBeLessThan(1e-9);
    const square = curve((f) => (Math.floor(Math.log2(f)) % 2 === 0 ? 1 : -1));
    expect(eqResidual(square, flat, []).rmsDb).toBeCloseTo(1, 2);
  });

  itWithSharedData(
    "AutoEq's published AKG N400 preset (44.1 kHz) leaves 0.538 dB against its own target column",
    () => {
      const result = "autoeq-results/AKG N400.csv";
      const measurement = readSharedCurve(result, "raw");
      const target = readSharedCurve(result, "target");
      const path = sharedDataFile("autoeq-results/AKG N400 ParametricEQ.txt");
      const { filters } = parseEqualizerApo(readFileSync(path, "utf8"), path);
      const before = eqResidual(measurement, target, [], { sampleRateHz: 44_100 });
      const after = eqResidual(measurement, target, filters, { sampleRateHz: 44_100 });
      expect(before.rmsDb).toBeCloseTo(1.567, 3);
      expect(after.rmsDb).toBeCloseTo(0.538, 3);
    },
  );
});
