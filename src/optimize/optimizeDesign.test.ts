import { describe, expect, it } from "vitest";
import type { RatedTarget } from "../analysis/scoreCurve.js";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { STOCK_DAMPER_RATINGS } from "../catalogue/stock/stockParts.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import type { Design } from "../design/design.js";
import { simulate } from "../simulate/simulate.js";
import { STOCK_TUBING_RADII_M } from "./parameterKinds.js";
import { optimizeDesign } from "./optimizeDesign.js";

/*
 * A pressure source driving R, then M, into a compliance C: p/P = 1 / (1 − ω²MC + jωRC), a
 * second-order low-pass whose corner (1/2π√(MC)) and Q (√(M/C)/R) fix M and R once C is held.
 */
const C = 1e-12;
const F0 = 3000;
const Q = 2;
const M0 = 1 / ((2 * Math.PI * F0) ** 2 * C);
const R0 = Math.sqrt(M0 / C) / Q;

function lowPass(resistance: number, inertance: number): Design {
  return {
    tympan: 1,
    name: "second-order low-pass",
    elements: [
      { id: "src", type: "pressureSource", nodes: ["a", "0"], pressure: 1 },
      { id: "R", type: "acousticResistance", nodes: ["a", "b"], resistance },
      { id: "M", type: "acousticMass", nodes: ["b", "drum"], inertance },
      { id: "C", type: "acousticCompliance", nodes: ["drum", "0"], compliance: C },
    ],
    probes: [{ id: "drum", node: "drum" }],
  };
}

/** The closed form, in dB re 20 µPa, as a target curve. */
function lowPassTarget(): RatedTarget {
  const frequencyHz = [...logFrequencies({ fromHz: 20, toHz: 20_000, points: 400 })];
  const values = frequencyHz.map((f) => {
    const w = 2 * Math.PI * f;
    const re = 1 - w * w * M0 * C;
    const im = w * R0 * C;
    return 20 * Math.log10(1 / Math.hypot(re, im) / 20e-6);
  });
  return { curve: { kind: "response", frequencyHz, values, name: "closed form" }, id: "other" };
}

describe("optimizeDesign(design, options)", () => {
  it("recovers R and M of a detuned second-order low-pass from its closed form (rms and rating)", () => {
    for (const objective of ["rms", "rating"] as const) {
      const result = optimizeDesign(lowPass(R0 * 2.5, M0 / 1.8), {
        free: ["R.resistance", "M.inertance"],
        target: lowPassTarget(),
        objective,
        seed: 2,
      });
      const [r, m] = result.values;
      expect(r!.after / R0).toBeCloseTo(1, 2);
      expect(m!.after / M0).toBeCloseTo(1, 2);
      expect(result.after.rmsErrorDb).toBeLessThan(0.05);
      expect(result.before.rmsErrorDb).toBeGreaterThan(1);
      expect(result.values.every((value) => value.snappedTo === "continuous")).toBe(true);
    }
  });

  it("recovers single-ba's damper and bore from its own response (no snapping)", () => {
    const reference = referenceDesign("single-ba")!.design;
    const result0 = simulate(reference, { frequencies: logFrequencies({ points: 300 }) });
    const target: RatedTarget = {
      curve: {
        kind: "response",
        frequencyHz: result0.frequencyHz,
        values: result0.probes.drum!.db,
      },
      id: "other",
    };
    const detuned: Design = {
      ...reference,
      elements: reference.elements.map((element) =>
        element.id === "damper"
          ? { ...element, ratingCgsOhm: 3300 }
          : element.id === "bore2"
            ? { ...element, radius: 0.6e-3 }
            : element,
      ),
    };
    const result = optimizeDesign(detuned, {
      free: ["damper.ratingCgsOhm", "bore2.radius"],
      target,
      objective: "rms",
      snap: false,
    });
    expect(result.values[0]!.after / 1500).toBeCloseTo(1, 1);
    expect(result.values[1]!.after / 0.95e-3).toBeCloseTo(1, 1);
    expect(result.after.rmsErrorDb).toBeLessThan(0.05);
  });

  it("snaps to orderable values, re-optimises, and gives the same result for the same seed", () => {
    const design = referenceDesign("single-ba")!.design;
    const options = {
      free: ["damper.ratingCgsOhm", "bore1.length", "bore2.radius"],
      evaluations: 240,
      seed: 5,
    };
    const a = optimizeDesign(design, options);
    const [damper, length, radius] = a.values;
    expect(STOCK_DAMPER_RATINGS.valuesCgsOhm).toContain(damper!.after);
    expect((length!.after / 0.5e-3) % 1).toBeCloseTo(0, 9);
    expect(STOCK_TUBING_RADII_M).toContain(radius!.after);
    expect(a.after.rating).toBeGreaterThan(a.before.rating);
    // Snapping costs little: within a rating point of the continuous optimum.
    expect(a.after.rating).toBeGreaterThan(a.continuous.rating - 1);
    const tuned = a.design.elements.find((element) => element.id === "damper") as {
      ratingCgsOhm: number;
    };
    expect(tuned.ratingCgsOhm).toBe(damper!.after);
    expect(JSON.stringify(optimizeDesign(design, options))).toBe(JSON.stringify(a));
  });

  it("keeps a sensitivity constraint", () => {
    const design = referenceDesign("single-ba")!.design;
    const free = ["damper.ratingCgsOhm"];
    const open = optimizeDesign(design, { free, evaluations: 100, snap: false });
    const floor = open.after.sensitivityDbPerMw! + 0.1;
    const held = optimizeDesign(design, {
      free,
      evaluations: 100,
      snap: false,
      minSensitivityDbPerMw: floor,
    });
    expect(held.after.sensitivityDbPerMw!).toBeGreaterThan(floor - 0.01);
    expect(held.values[0]!.after).toBeLessThan(open.values[0]!.after);
  });

  it("names the flag for a bad band or no free parameter", () => {
    const design = lowPass(R0, M0);
    expect(() => optimizeDesign(design, { free: [] })).toThrow(
      /--free: name at least one parameter/,
    );
    expect(() => optimizeDesign(design, { free: ["R.resistance"], bandHz: [10, 5000] })).toThrow(
      /--band: 10:5000/,
    );
  });
});
