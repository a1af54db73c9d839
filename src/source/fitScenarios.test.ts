import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ductImpedance } from "../elements/ducts/ductImpedance.js";
import { STANDARD_AIR } from "../core/air.js";
import { simulate } from "../simulate/simulate.js";
import type { Design } from "../design/design.js";
import {
  FIT_SCENARIOS,
  FIT_SCENARIO_NAMES,
  fitChangeDb,
  tipBoreId,
  withFit,
} from "./fitScenarios.js";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { SEAL_SCENARIOS, sealLossDb } from "./sealScenarios.js";

const caseA = JSON.parse(
  readFileSync(new URL("../../examples/case-a.json", import.meta.url), "utf8"),
) as Design;

describe("fit scenarios", () => {
  it("a broken seal on docs/physics.md §8 case A gives case B (to 0.05 dB)", () => {
    const frequencies = [20, 100, 1000, 2000];
    const db = simulate(withFit(caseA, FIT_SCENARIOS["broken-seal"]), { frequencies }).probes.drum!
      .db;
    [70.42, 90.06, 120.48, 123.66].forEach((expected, i) => {
      expect(Math.abs(db[i]! - expected)).toBeLessThan(0.05);
    });
  });

  it("deep seal is the design as tuned; shallow and broken match the seal scenarios", () => {
    const design = referenceDesign("single-ba")!.design;
    expect(fitChangeDb(design, FIT_SCENARIOS["deep-seal"], [50, 5000])).toEqual([0, 0]);
    expect(-fitChangeDb(design, FIT_SCENARIOS["broken-seal"], [50])[0]!).toBeCloseTo(
      sealLossDb(design, 50, SEAL_SCENARIOS.broken),
      9,
    );
    expect(-fitChangeDb(design, FIT_SCENARIOS["shallow-fit"], [50])[0]!).toBeCloseTo(
      sealLossDb(design, 50, SEAL_SCENARIOS.leaky),
      9,
    );
  });

  it("the foam tip's leak is resistive: R ≈ 9.7e8 Pa·s/m³, ωM/R < 0.05 at 20 Hz", () => {
    const leak = FIT_SCENARIOS["foam-tip"].leak;
    const { resistance, inertance } = ductImpedance(
      leak.radiusM,
      leak.lengthM,
      leak.count,
      STANDARD_AIR,
    );
    expect(resistance / 1e8).toBeCloseTo(9.66, 1);
    expect((2 * Math.PI * 20 * inertance) / resistance).toBeLessThan(0.05);
  });

  it("a silicone leak's mass resonates with the canal (a bump); the foam's resistive leak does not", () => {
    const design = referenceDesign("single-ba")!.design;
    const frequencies = [200, 300, 400, 500, 600, 800];
    const broken = fitChangeDb(design, FIT_SCENARIOS["broken-seal"], frequencies);
    const foamLeakOnly = fitChangeDb(
      design,
      { ...FIT_SCENARIOS["foam-tip"], tipBore: undefined } as never,
      frequencies,
    );
    expect(Math.max(...broken)).toBeGreaterThan(5);
    expect(Math.max(...foamLeakOnly)).toBeLessThan(0.5);
  });

  it("a tip variant replaces only the tip's bore; a wider bore raises the treble above 8 kHz", () => {
    const design = referenceDesign("quad-ba")!.design;
    const fitted = withFit(design, FIT_SCENARIOS["wide-bore-tip"]);
    const bore = fitted.elements.find((e) => e.id === "tipBore") as unknown as {
      radius: number;
      length: number;
    };
    expect(bore.radius).toBeCloseTo(2e-3, 12);
    expect(bore.length).toBeCloseTo(5e-3, 12);
    expect(fitted.elements).toHaveLength(design.elements.length);
    expect(fitChangeDb(design, FIT_SCENARIOS["wide-bore-tip"], [9000])[0]).toBeGreaterThan(2);
  });

  it('replaces the tube a design marks as its tip bore with a top-level "tipBore" key', () => {
    const quadBa = referenceDesign("quad-ba")!.design;
    const renamed: Design = {
      ...quadBa,
      tipBore: "stem",
      elements: quadBa.elements.map((e) => (e.id === "tipBore" ? { ...e, id: "stem" } : e)),
    };
    expect(tipBoreId(renamed)).toBe("stem");
    expect(tipBoreId(quadBa)).toBe("tipBore");
    const fitted = withFit(renamed, FIT_SCENARIOS["wide-bore-tip"]);
    const stem = fitted.elements.find((e) => e.id === "stem") as unknown as { radius: number };
    expect(stem.radius).toBeCloseTo(2e-3, 12);
    // The same physics as the reference design's own "tipBore": the same drum level.
    const db = (d: Design) => simulate(d, { frequencies: [9000] }).probes.drum!.db[0]!;
    expect(db(fitted)).toBeCloseTo(db(withFit(quadBa, FIT_SCENARIOS["wide-bore-tip"])), 9);
  });

  it("names what to add when the tip bore is missing, and a marked bore that is not a tube", () => {
    expect(() => withFit(caseA, FIT_SCENARIOS["foam-tip"])).toThrow(
      /add "tipBore": "<id of the tube between nozzle and ear>" at the top level/,
    );
    expect(() => withFit({ ...caseA, tipBore: "ear" }, FIT_SCENARIOS["foam-tip"])).toThrow(
      /names "ear" as its "tipBore", but "ear" has type "ear711", not "tube"/,
    );
    expect(() => withFit({ ...caseA, tipBore: "nope" }, FIT_SCENARIOS["foam-tip"])).toThrow(
      /has no element of that id/,
    );
  });

  it("names what is missing when a design cannot take a fit", () => {
    expect(() => withFit(caseA, FIT_SCENARIOS["foam-tip"])).toThrow(/"tipBore"/);
    const noEar = { ...caseA, elements: caseA.elements.filter((e) => e.type !== "ear711") };
    expect(() => withFit(noEar, FIT_SCENARIOS["broken-seal"])).toThrow(/no ear711/);
  });

  it("documents every scenario's leak or bore in its description", () => {
    for (const name of FIT_SCENARIO_NAMES) {
      const scenario = FIT_SCENARIOS[name];
      expect(scenario.description.length).toBeGreaterThan(30);
      if ("leak" in scenario) expect(scenario.description).toMatch(/mm/);
    }
  });
});
