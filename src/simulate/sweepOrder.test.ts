import { describe, expect, it } from "vitest";
import { STANDARD_AIR } from "../core/air.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { REFERENCE_DESIGNS } from "../catalogue/referenceDesigns.js";
import { validateDesign } from "../design/design.js";
import type { SparseComplexLu } from "../linalg/sparseLu.js";
import { compileNetwork } from "./compileNetwork.js";
import { FrequencySweep } from "./sweep.js";

const GRID = logFrequencies({ fromHz: 20, toHz: 20_000, points: 150 });

describe("a sweep's pivot order across runs", () => {
  it("starts every run from the first run's order: an order found part-way is not handed on", () => {
    const tribrid = REFERENCE_DESIGNS.find(({ name }) => name === "tribrid-1dd-4ba-2est")!;
    const valid = validateDesign(tribrid.design);
    if (!valid.ok) throw new Error("the tribrid is valid");
    const compiled = compileNetwork(valid.value, STANDARD_AIR);
    if (!compiled.ok) throw new Error("the tribrid compiles");
    const { network } = compiled;
    const probe = network.unknownOfNode.get("drum")!;
    const sweep = new FrequencySweep(network, [probe], {
      inputBranch: network.inputSource!.branch,
    });
    const first = sweep.run(GRID);
    // (private: the factorisation object, to order it afresh as a run that met a bad pivot does)
    const lu = (sweep as unknown as { lu: SparseComplexLu }).lu;
    const anchor = lu.currentPlan;
    // Another order that serves this grid: the one Markowitz finds at 1 kHz (another sweep's first
    // frequency), as if a run had had to order afresh there and kept it.
    const other = new FrequencySweep(network, [probe], {
      inputBranch: network.inputSource!.branch,
    });
    other.run([1000, ...GRID]);
    lu.restoreOrder((other as unknown as { lu: SparseComplexLu }).lu.savedOrder()!);
    expect(lu.currentPlan).not.toBe(anchor);
    const again = sweep.run(GRID);
    expect(lu.currentPlan).toBe(anchor);
    for (const key of ["re", "im"] as const) {
      expect(again[key][0]!.every((value, f) => Object.is(value, first[key][0]![f]))).toBe(true);
    }
    expect(again.inputCurrent!.re).toEqual(first.inputCurrent!.re);
  });
});
