import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { REFERENCE_DESIGNS } from "../catalogue/referenceDesigns.js";
import type { SimulationResult } from "./result.js";
import { type ParameterChange, compileDesign, simulate } from "./index.js";

const FREQUENCIES = logFrequencies({ fromHz: 20, toHz: 20_000, points: 60 });

/** The largest |a − b| / |b| over every probe (complex values) and the input impedance. */
function worstDifference(a: SimulationResult, b: SimulationResult): number {
  expect(Object.keys(a.probes)).toEqual(Object.keys(b.probes));
  let worst = 0;
  for (const [id, expected] of Object.entries(b.probes)) {
    const got = a.probes[id]!;
    expected.re.forEach((re, f) => {
      const im = expected.im[f]!;
      const d = Math.hypot(got.re[f]! - re, got.im[f]! - im) / Math.hypot(re, im);
      worst = Math.max(worst, d);
    });
  }
  if (b.inputImpedance) {
    const { magnitudeOhm, phaseDeg } = b.inputImpedance;
    magnitudeOhm.forEach((z, f) => {
      worst = Math.max(worst, Math.abs(a.inputImpedance!.magnitudeOhm[f]! - z) / z);
      worst = Math.max(
        worst,
        (Math.abs(a.inputImpedance!.phaseDeg[f]! - phaseDeg[f]!) * Math.PI) / 180,
      );
    });
  }
  return worst;
}

/** A few edits spread over the design: the first numeric parameter of every third element, × 1.3. */
function edits(design: (typeof REFERENCE_DESIGNS)[number]["design"]): ParameterChange[] {
  const changes: ParameterChange[] = [];
  design.elements.forEach((element, index) => {
    if (index % 3 !== 1) return;
    const entry = Object.entries(element).find(
      ([key, value]) => typeof value === "number" && key !== "tympan",
    );
    if (entry)
      changes.push({
        elementId: element.id,
        parameter: entry[0],
        value: (entry[1] as number) * 1.3,
      });
  });
  return changes;
}

function edited(design: object & { elements: readonly object[] }, changes: ParameterChange[]) {
  return {
    ...design,
    elements: design.elements.map((element) => {
      const id = (element as { id: string }).id;
      const mine = changes.filter((change) => change.elementId === id);
      return Object.fromEntries([
        ...Object.entries(element),
        ...mine.map((change) => [change.parameter, change.value]),
      ]);
    }),
  };
}

describe("compileDesign", () => {
  it("evaluates every reference design as simulate() does, unedited and after each of several edits", () => {
    for (const { name, design } of REFERENCE_DESIGNS) {
      const compiled = compileDesign(design, { frequencies: FREQUENCIES });
      const plain = simulate(design, { frequencies: FREQUENCIES });
      expect(worstDifference(compiled.evaluate(), plain), name).toBeLessThan(1e-9);
      const changes = edits(design);
      expect(changes.length, name).toBeGreaterThan(1);
      for (let k = 1; k <= changes.length; k++) {
        const result = compiled.evaluate([changes[k - 1]!]);
        const expected = simulate(edited(design, changes.slice(0, k)), {
          frequencies: FREQUENCIES,
        });
        expect(worstDifference(result, expected), `${name} after ${k} edits`).toBeLessThan(1e-9);
      }
      // Values edits never recompile: the network's structure stays.
      expect(compiled.compilations, name).toBe(1);
    }
  });

  it("still agrees with simulate() once its plans run compiled (WebAssembly) after many evaluations", () => {
    // 40 evaluations of 60 points: past COMPILE_AFTER_USES factorisations of each plan.
    for (const { name, design } of REFERENCE_DESIGNS) {
      const compiled = compileDesign(design, { frequencies: FREQUENCIES });
      const changes = edits(design);
      for (let k = 0; k < 40; k++) compiled.evaluate([changes[k % changes.length]!]);
      const last = { ...changes[0]!, value: (changes[0]!.value as number) * 0.7 };
      const result = compiled.evaluate([last]);
      const expected = simulate(edited(design, [...changes, last]), { frequencies: FREQUENCIES });
      expect(worstDifference(result, expected), name).toBeLessThan(1e-9);
    }
  });

  it("keeps what an edit leaves unchanged (tube stamps, the shares' responses) and only that", () => {
    // A crossover part is cut off from the share network and calls no stamp; a tube changes both;
    // going back and forth must give simulate()'s result every time.
    const design = REFERENCE_DESIGNS.find((d) => d.name === "tribrid-1dd-4ba-2est")!.design;
    const compiled = compileDesign(design, { frequencies: FREQUENCIES });
    const sequence: ParameterChange[] = [
      { elementId: "Rmid", parameter: "resistance", value: 3 },
      { elementId: "midBore", parameter: "length", value: 0.006 },
      { elementId: "Rmid", parameter: "resistance", value: 1 },
      { elementId: "Cmid", parameter: "capacitance", value: 1e-6 },
      { elementId: "midBore", parameter: "length", value: 0.004 },
      { elementId: "midADamper", parameter: "ratingCgsOhm", value: 4700 },
    ];
    for (let k = 1; k <= sequence.length; k++) {
      const result = compiled.evaluate([sequence[k - 1]!]);
      const expected = simulate(edited(design, sequence.slice(0, k)), { frequencies: FREQUENCIES });
      expect(worstDifference(result, expected), `after ${k} edits`).toBeLessThan(1e-9);
    }
  });

  it("takes driver parameters that change the values inside the macro expansion", () => {
    const design = REFERENCE_DESIGNS.find((d) => d.name === "tribrid-1dd-4ba-2est")!.design;
    const compiled = compileDesign(design, { frequencies: FREQUENCIES });
    const changes: ParameterChange[] = [
      { elementId: "dd", parameter: "bl", value: 1.1 },
      { elementId: "dd", parameter: "mms", value: 5e-6 },
      { elementId: "midA", parameter: "transduction", value: 3 },
      { elementId: "est1", parameter: "polarizationVoltage", value: 200 },
      { elementId: "midBore", parameter: "length", value: 0.006 },
      { elementId: "source", parameter: "voltage", value: 2 },
    ];
    const result = compiled.evaluate(changes);
    const expected = simulate(edited(design, changes), { frequencies: FREQUENCIES });
    expect(worstDifference(result, expected)).toBeLessThan(1e-9);
    // The shares still sum to the whole at the drum.
    const drum = result.probes.drum!;
    const shares = Object.keys(result.probes).filter((id) => id.startsWith("drum/"));
    expect(shares.length).toBeGreaterThan(3);
    for (const f of [0, 30, 59]) {
      const re = shares.reduce((sum, id) => sum + result.probes[id]!.re[f]!, 0);
      const im = shares.reduce((sum, id) => sum + result.probes[id]!.im[f]!, 0);
      expect(Math.hypot(re - drum.re[f]!, im - drum.im[f]!)).toBeLessThan(
        1e-9 * Math.hypot(drum.re[f]!, drum.im[f]!),
      );
    }
    expect(compiled.compilations).toBe(1);
  });

  it("recompiles when an edit changes the topology, and still agrees with simulate()", () => {
    const design = REFERENCE_DESIGNS.find((d) => d.name === "single-ba")!.design;
    const compiled = compileDesign(design, { frequencies: FREQUENCIES });
    const element = design.elements.find((e) => e.type === "damper")!;
    const nodes = [...element.nodes].reverse();
    const result = compiled.evaluate([{ elementId: element.id, parameter: "nodes", value: nodes }]);
    const expected = simulate(
      edited(design, [{ elementId: element.id, parameter: "nodes", value: nodes }]),
      {
        frequencies: FREQUENCIES,
      },
    );
    expect(worstDifference(result, expected)).toBeLessThan(1e-9);
    expect(compiled.compilations).toBe(2);
  });

  it("rejects an invalid value or an unknown element with the element and parameter named, and keeps the design", () => {
    const design = REFERENCE_DESIGNS.find((d) => d.name === "quad-ba")!.design;
    const compiled = compileDesign(design, { frequencies: FREQUENCIES });
    const before = compiled.evaluate();
    const resistor = design.elements.find((e) => e.type === "resistor")!;
    const attempt = (change: ParameterChange) => {
      try {
        compiled.evaluate([change]);
      } catch (error) {
        expect(error).toBeInstanceOf(TympanError);
        return (error as TympanError).issues[0]!;
      }
      throw new Error("expected a TympanError");
    };
    const negative = attempt({ elementId: resistor.id, parameter: "resistance", value: -1 });
    expect(negative.code).toBe("invalid-parameter");
    expect(negative.message).toContain(resistor.id);
    expect(negative.path).toEqual(["elements", design.elements.indexOf(resistor), "resistance"]);
    expect(attempt({ elementId: resistor.id, parameter: "resistence", value: 1 }).code).toBe(
      "unknown-parameter",
    );
    expect(attempt({ elementId: "nope", parameter: "resistance", value: 1 }).code).toBe(
      "unknown-element",
    );
    expect(worstDifference(compiled.evaluate(), before)).toBe(0);
  });

  it("reports an implausible size an edit makes, as simulate does, and refuses an absurd one", () => {
    const design = REFERENCE_DESIGNS.find((d) => d.name === "single-ba")!.design;
    const tube = design.elements.find((e) => e.type === "tube")!;
    const index = design.elements.indexOf(tube);
    const compiled = compileDesign(design, { frequencies: FREQUENCIES });
    const sizes = (result: SimulationResult) =>
      (result.warnings ?? []).filter((w) => w.code === "implausible-size");
    expect(sizes(compiled.evaluate())).toEqual([]);
    // 0.5 "m" typed for a length in mm: simulated as written, with the warning simulate gives.
    const slip = { elementId: tube.id, parameter: "length", value: 0.5 };
    const result = compiled.evaluate([slip]);
    const expected = simulate(edited(design, [slip]), { frequencies: FREQUENCIES });
    expect(sizes(result)).toEqual(sizes(expected));
    expect(sizes(result)).toHaveLength(1);
    expect(sizes(result)[0]!.path).toEqual(["elements", index, "length"]);
    expect(result.warnings).toEqual(expected.warnings);
    // Far beyond any in-ear monitor: refused with the element named, the design kept.
    expect(() => compiled.setParameter(tube.id, "length", 1e12)).toThrow(tube.id);
    expect(sizes(compiled.evaluate())).toHaveLength(1);
    expect(sizes(compiled.evaluate([{ ...slip, value: 0.012 }]))).toEqual([]);
  });
});
