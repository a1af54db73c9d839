import { describe, expect, it } from "vitest";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import type { Design } from "../design/design.js";
import { simulate } from "../simulate/simulate.js";
import { TympanError } from "../core/issues.js";
import { summariseTolerance, toleranceAnalysis } from "./toleranceAnalysis.js";
import { quantilesByFrequency } from "./toleranceStatistics.js";
import { TolerancePlan } from "./toleranceUnits.js";

/** 1 V into R1 over R2, read at their junction. */
const divider: Design = {
  tympan: 1,
  name: "divider",
  elements: [
    { id: "src", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
    { id: "R1", type: "resistor", nodes: ["in", "out"], resistance: 1000 },
    { id: "R2", type: "resistor", nodes: ["out", "0"], resistance: 1000 },
  ],
  probes: [{ id: "out", node: "out" }],
};

/** The divider's level change (dB) when R2 is off by the fraction e: V/V0 = 2(1 + e)/(2 + e). */
const dividerDb = (e: number) => 20 * Math.log10((2 * (1 + e)) / (2 + e));
/** Inverse: the e that gives a level change of `db`. */
const dividerE = (db: number) => {
  const r = 10 ** (db / 20);
  return (2 * (r - 1)) / (2 - r);
};

describe("toleranceAnalysis(design, options)", () => {
  it("matches the closed form of a divider with one ±10 % resistor: percentiles and yield", () => {
    const runs = 2000;
    const analysis = toleranceAnalysis(divider, {
      frequencies: [100, 1000, 10_000],
      runs,
      tolerances: ["*=0", "R2.resistance=10"],
      spec: { withinDb: 0.3, bandHz: [100, 10_000] },
    });
    expect(analysis.tolerances.map((t) => `${t.elementId}.${t.quantity}`)).toEqual([
      "R2.resistance",
    ]);
    const nominal = 20 * Math.log10(0.5);
    const bands = analysis.probes.out!;
    // Uniform e on ±0.1: the q-quantile is at e = 0.1·(2q − 1); a quantile of 2000 draws is off by
    // about √(q(1 − q)/n)·0.2 ≈ 0.001 in e, 0.005 dB.
    for (let f = 0; f < 3; f++) {
      expect(bands.nominal[f]).toBeCloseTo(nominal, 9);
      expect(bands.p5[f]! - nominal).toBeCloseTo(dividerDb(-0.09), 1);
      expect(Math.abs(bands.p5[f]! - nominal - dividerDb(-0.09))).toBeLessThan(0.02);
      expect(Math.abs(bands.p50[f]! - nominal - dividerDb(0))).toBeLessThan(0.02);
      expect(Math.abs(bands.p95[f]! - nominal - dividerDb(0.09))).toBeLessThan(0.02);
    }
    // Within ±0.3 dB: e from dividerE(−0.3) to dividerE(0.3), clipped to ±0.1, over the width 0.2.
    const expected = (Math.min(0.1, dividerE(0.3)) - Math.max(-0.1, dividerE(-0.3))) / 0.2;
    expect(expected).toBeCloseTo(0.6926, 3);
    // Binomial standard error √(p(1 − p)/n) ≈ 0.010: allow 3.5 of them.
    expect(Math.abs(analysis.yield!.share - expected)).toBeLessThan(0.036);
    expect(analysis.ranking!.parts[0]).toMatchObject({ elementId: "R2", quantity: "resistance" });
    expect(analysis.ranking!.parts[0]!.share).toBeGreaterThan(0.99);
  });

  it("collapses onto simulate() when every tolerance is zero", () => {
    const design = referenceDesign("hybrid-1dd-2ba")!.design;
    const frequencies = [50, 500, 3000, 12_000];
    const analysis = toleranceAnalysis(design, { frequencies, runs: 5, tolerances: ["*=0"] });
    const direct = simulate(design, { frequencies });
    expect(analysis.tolerances).toEqual([]);
    frequencies.forEach((_, f) => {
      for (const band of ["nominal", "p5", "p50", "p95"] as const)
        expect(analysis.probes.drum![band][f]).toBeCloseTo(direct.probes.drum!.db[f]!, 9);
    });
    expect(analysis.pairMatching?.randomPairs).toBe(1);
    expect(analysis.yield).toBeUndefined();
  });

  it("keeps the bands of one ±20 % damper within the responses at its extremes", () => {
    const design = referenceDesign("single-ba")!.design;
    const frequencies = [100, 1000, 2000, 3000, 5000, 8000];
    const analysis = toleranceAnalysis(design, {
      frequencies,
      runs: 200,
      tolerances: ["*=0", "damper.ratingCgsOhm=20"],
    });
    const at = (rating: number) =>
      simulate(
        {
          ...design,
          elements: design.elements.map((element) =>
            element.id === "damper" ? { ...element, ratingCgsOhm: rating } : element,
          ),
        },
        { frequencies },
      ).probes.drum!.db;
    const low = at(1200);
    const high = at(1800);
    const bands = analysis.probes.drum!;
    frequencies.forEach((_, f) => {
      const lowest = Math.min(low[f]!, high[f]!) - 1e-9;
      const highest = Math.max(low[f]!, high[f]!) + 1e-9;
      for (const band of [bands.p5, bands.p50, bands.p95]) {
        expect(band[f]).toBeGreaterThanOrEqual(lowest);
        expect(band[f]).toBeLessThanOrEqual(highest);
      }
    });
    // Somewhere the damper matters: the band is open there.
    expect(Math.max(...frequencies.map((_, f) => bands.p95[f]! - bands.p5[f]!))).toBeGreaterThan(
      0.5,
    );
  });

  it("gives the same bytes for the same seed and other units for another", () => {
    const design = referenceDesign("single-ba")!.design;
    const options = { frequencies: [200, 2000, 9000], runs: 30, seed: 11, spec: { withinDb: 3 } };
    const a = JSON.stringify(toleranceAnalysis(design, options));
    expect(JSON.stringify(toleranceAnalysis(design, options))).toBe(a);
    expect(JSON.stringify(toleranceAnalysis(design, { ...options, seed: 12 }))).not.toBe(a);
  });

  it("uses the catalogue's defaults with their sources, and ranks the parts that drive the spread", () => {
    const design = referenceDesign("single-ba")!.design;
    const analysis = toleranceAnalysis(design, { frequencies: [300, 1000, 3000, 6000], runs: 60 });
    const damper = analysis.tolerances.find((t) => t.elementId === "damper")!;
    expect(damper).toMatchObject({ amount: 20, unit: "%" });
    expect(damper.source).toMatch(/Knowles/);
    const sensitivity = analysis.tolerances.find((t) => t.quantity === "sensitivity")!;
    expect(sensitivity).toMatchObject({
      elementId: "ba",
      amount: 3,
      unit: "dB",
      parameter: "transduction",
    });
    // A ±3 dB receiver dominates a ±20 % damper and ±5 % tubes.
    expect(analysis.ranking!.parts[0]).toMatchObject({ elementId: "ba", quantity: "sensitivity" });
  });

  it("counts units that cannot be built as failing the yield, and summarises the units built", () => {
    // Seed 5 of the tribrid draws electrostatic tweeters that would collapse at units 2, 22 and 26.
    const tribrid = referenceDesign("tribrid-1dd-4ba-2est")!.design;
    const options = { frequencies: [100, 1000, 5000], runs: 30, seed: 5, spec: { withinDb: 6 } };
    const analysis = toleranceAnalysis(tribrid, options);
    expect(analysis.unbuilt).toEqual({
      units: 3,
      firstUnit: 2,
      reason: expect.stringMatching(/leaves the membrane unstable/),
    });
    expect(analysis.warnings.map((w) => w.code)).toContain("units-not-built");
    // ±6 dB passes every unit built: the yield is 27 of 30.
    expect(analysis.yield).toMatchObject({ passing: 27, share: 0.9 });
    // The bands are those of the 27 units built.
    const plan = new TolerancePlan(tribrid, options);
    const units = plan.units(0, 30);
    const built = Float64Array.from(
      [...units.levels.drum!].filter((_, i) => units.unbuilt[Math.floor(i / 3)] === 0),
    );
    const [p5, , p95] = quantilesByFrequency(built, 27, 3, [0.05, 0.5, 0.95]);
    expect(analysis.probes.drum!.p5).toEqual(p5);
    expect(analysis.probes.drum!.p95).toEqual(p95);
    // With no unit built there is nothing to summarise: the lowest unit's error.
    const none = { ...units, unbuilt: new Uint8Array(30).fill(1) };
    expect(() => summariseTolerance(plan, none, options)).toThrow(TympanError);
    expect(() => summariseTolerance(plan, none, options)).toThrow(/membrane unstable/);
  });
});
