import { describe, expect, it } from "vitest";
import { sensitivity } from "../analysis/sensitivity.js";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { simulate } from "../simulate/simulate.js";
import { type SourceLoad, loadFromDesign, sourceGrid } from "./sourceLoad.js";
import { specSheet } from "./specSheet.js";

describe("specSheet", () => {
  it("agrees with the library's sensitivity at 1 kHz for a reference design", () => {
    const design = referenceDesign("quad-ba")!.design;
    const sheet = specSheet(loadFromDesign(design, "quad-ba"));
    const reference = sensitivity(simulate(design, { frequencies: [500, 1000, 2000] }), "drum", 1);
    expect(sheet.sensitivityDbSplPerMilliwatt).toBeCloseTo(reference.dbSplPerMilliwatt, 6);
    expect(sheet.sensitivityDbSplPerVolt).toBeCloseTo(reference.dbSplPerVolt, 6);
    expect(sheet.impedanceAt1kHzOhm).toBeCloseTo(reference.impedanceOhm, 4);
    expect(sheet.phaseAt1kHzDeg).toBeCloseTo(reference.impedancePhaseDeg, 4);
  });

  it("finds the extremes and the −10 dB points of a synthetic load (closed form)", () => {
    // Z = 10 Ω + jω·1 mH: |Z| rises from 10 Ω to √(10² + (2π·20k·1e-3)²) = 126.06 Ω; phase up to 85.45°.
    // Response: a first-order high-pass at 100 Hz, |H| = (f/100)/√(1 + (f/100)²) Pa/V, which is
    // 10 dB below its 1 kHz value at f ≈ 100/√(10·1.01 − 1) = 33.15 Hz, and flat above.
    const f = sourceGrid();
    const load: SourceLoad = {
      name: "synthetic",
      frequencyHz: f,
      impedanceRe: f.map(() => 10),
      impedanceIm: f.map((x) => 2 * Math.PI * x * 1e-3),
      impedancePhaseKnown: true,
      drumPaPerVolt: f.map((x) => (x / 100 / Math.hypot(1, x / 100)) * 1),
      responseKnown: true,
      notes: [],
    };
    const sheet = specSheet(load);
    expect(sheet.minimumImpedanceAtHz).toBe(20);
    expect(sheet.maximumImpedanceOhm).toBeCloseTo(Math.hypot(10, 2 * Math.PI * 20000e-3), 9);
    expect(sheet.phaseMaximumDeg).toBeCloseTo((Math.atan(4 * Math.PI) * 180) / Math.PI, 9);
    // The grid is 1/48 octave, so the −10 dB point is found within one step (1.5 %).
    expect(sheet.lowerMinus10DbHz! / 33.15).toBeGreaterThan(0.985);
    expect(sheet.lowerMinus10DbHz! / 33.15).toBeLessThan(1.0001);
    expect(sheet.upperMinus10DbHz).toBeUndefined();
    // 1 kHz: |H| = 10/√101 Pa/V → 93.94 dB/V; P = cos φ/|Z| per V².
    const z = Math.hypot(10, 2 * Math.PI);
    const dbPerVolt = 20 * Math.log10(10 / Math.sqrt(101) / 20e-6);
    expect(sheet.sensitivityDbSplPerVolt).toBeCloseTo(dbPerVolt, 9);
    expect(sheet.sensitivityDbSplPerMilliwatt).toBeCloseTo(
      dbPerVolt - 10 * Math.log10(10 / z / z / 1e-3),
      9,
    );
  });
});
