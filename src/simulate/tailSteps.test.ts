import { describe, expect, it, vi } from "vitest";
import { logFrequencies } from "../core/frequencyGrid.js";
import { REFERENCE_DESIGNS } from "../catalogue/referenceDesigns.js";
import type { SimulationResult } from "./result.js";
import { oneAtATime } from "../../test/support/sameResultBits.js";
import { TailSteps } from "./tailSteps.js";
import { compileDesign } from "./index.js";

// Long enough a grid that the plan's code is compiled within the first runs (1500 factorisations).
const FREQUENCIES = logFrequencies({ fromHz: 20, toHz: 20_000, points: 1000 });

function numbers(result: SimulationResult): number[] {
  return [
    ...Object.values(result.probes).flatMap((probe) => [...probe.re, ...probe.im]),
    ...(result.inputImpedance?.magnitudeOhm ?? []),
    ...(result.inputImpedance?.phaseDeg ?? []),
  ];
}

describe("a sweep's lean steps where the head is kept (TailSteps)", () => {
  it("give the general path's results to the last bit, across runs and edits outside the head", () => {
    const steps = vi.spyOn(TailSteps.prototype, "step");
    for (const name of ["tribrid-1dd-4ba-2est", "hybrid-1dd-2ba", "single-ba"]) {
      const design = REFERENCE_DESIGNS.find((reference) => reference.name === name)!.design;
      const lean = compileDesign(design, { frequencies: FREQUENCIES });
      const whole = compileDesign(design, { frequencies: FREQUENCIES });
      oneAtATime(whole);
      const resistor = (design as unknown as { elements: { id: string; type: string }[] }).elements
        .filter((element) => element.type === "resistor")
        .map((element) => element.id);
      const edits = [
        [],
        [],
        [],
        ...resistor.map((id) => [{ elementId: id, parameter: "resistance", value: 3.9 }]),
      ];
      let taken = 0;
      for (const [k, changes] of edits.entries()) {
        steps.mockClear();
        const got = numbers(lean.evaluate(changes));
        const want = numbers(whole.evaluate(changes));
        const differing = got.findIndex((value, i) => !Object.is(value, want[i]));
        expect(differing, `${name}, run ${k}: first differing number`).toBe(-1);
        taken += steps.mock.results.filter((result) => result.value === true).length;
      }
      // Once the plan's code is compiled, most frequencies take the lean step.
      expect(taken, name).toBeGreaterThan(FREQUENCIES.length);
    }
    steps.mockRestore();
  });
});
