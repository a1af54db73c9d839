import { describe, expect, it, vi } from "vitest";
import { logFrequencies } from "../core/frequencyGrid.js";
import { REFERENCE_DESIGNS } from "../catalogue/referenceDesigns.js";
import { expectSameResultBits, oneAtATime, sweepOf } from "../../test/support/sameResultBits.js";
import { PairSteps } from "./pairSteps.js";
import { SparseComplexLu } from "../linalg/sparseLu.js";
import { StampCache } from "./stampCache.js";
import { type ParameterChange, compileDesign } from "./index.js";

// Long enough a grid that the plan's code is compiled within the first runs (1500 factorisations).
const FREQUENCIES = logFrequencies({ fromHz: 20, toHz: 20_000, points: 1000 });

/** An RLC ladder of `sections` (1 Ω + 100 µH series, 1 µF shunt, 10 Ω load): no element inside. */
function ladder(sections: number) {
  const elements: Record<string, unknown>[] = [
    { id: "Vin", type: "voltageSource", nodes: ["n0", "0"], voltage: 1 },
  ];
  for (let i = 0; i < sections; i++) {
    elements.push(
      { id: `R${i}`, type: "resistor", nodes: [`n${i}`, `m${i}`], resistance: 1 },
      { id: `L${i}`, type: "inductor", nodes: [`m${i}`, `n${i + 1}`], inductance: 1e-4 },
      { id: `C${i}`, type: "capacitor", nodes: [`n${i + 1}`, "0"], capacitance: 1e-6 },
    );
  }
  elements.push({ id: "Rload", type: "resistor", nodes: [`n${sections}`, "0"], resistance: 10 });
  return { tympan: 1, name: "ladder", elements, probes: [{ id: "out", node: `n${sections}` }] };
}

describe("a sweep's steps two frequencies at a time (PairSteps)", () => {
  it("give the one-at-a-time results to the last bit, across runs and edits", () => {
    const within = vi.spyOn(PairSteps.prototype, "within");
    const cases: [string, unknown, boolean][] = [
      // A plain circuit has no head: its sweep pairs frequencies as it stands.
      ["ladder", ladder(40), true],
      // Designs with drivers keep the head instead; without it, they pair too.
      ...["tribrid-1dd-4ba-2est", "two-way-knowles", "single-ba"].map(
        (name) =>
          [name, REFERENCE_DESIGNS.find((d) => d.name === name)!.design, false] as [
            string,
            unknown,
            boolean,
          ],
      ),
    ];
    let refused = 0;
    for (const [name, design, plain] of cases) {
      const paired = compileDesign(design, { frequencies: FREQUENCIES });
      if (!plain) (sweepOf(paired) as unknown as { keepHead: boolean }).keepHead = false;
      const whole = oneAtATime(compileDesign(design, { frequencies: FREQUENCIES }));
      // An edit outside any driver: the first resistor, or the damper.
      const elements = (design as { elements: { id: string; type: string }[] }).elements;
      const resistor = elements.find((element) => element.type === "resistor");
      const edit: ParameterChange = resistor
        ? { elementId: resistor.id, parameter: "resistance", value: 3.9 }
        : { elementId: "damper", parameter: "ratingCgsOhm", value: 1200 };
      const edits: ParameterChange[][] = [[], [], [], [edit]];
      within.mockClear();
      for (const [k, changes] of edits.entries()) {
        expectSameResultBits(
          paired.evaluate(changes),
          whole.evaluate(changes),
          `${name}, run ${k}`,
        );
        expect(sweepOf(whole).pairsFactored).toBe(0);
      }
      // Once the plan's code is compiled, most frequencies are factorised in pairs.
      expect(sweepOf(paired).pairsFactored, name).toBeGreaterThan(FREQUENCIES.length / 2);
      refused += within.mock.results.filter((result) => result.value === false).length;
    }
    // Where a pair is refused (a multiplier grown large: two-way-knowles near its crossover), both
    // frequencies take the general path, and the results above stayed the same there too.
    expect(refused).toBeGreaterThan(0);
    within.mockRestore();
  });

  it("pair a frequency due for an accuracy check with the next, which waits for the check", () => {
    const paired = compileDesign(ladder(40), { frequencies: FREQUENCIES });
    const whole = oneAtATime(compileDesign(ladder(40), { frequencies: FREQUENCIES }));
    paired.evaluate();
    // From the second run on, the order is known from the first point: every point is paired but
    // the last (always checked alone) and at most one left over before it.
    paired.evaluate();
    expect(sweepOf(paired).pairsFactored).toBeGreaterThanOrEqual(FREQUENCIES.length - 2);
    const clean = sweepOf(paired).pairsFactored;
    // A check that fails (here the third of each run, its error forced) orders afresh and redoes
    // the stretch since the last one passed: the pair's second frequency is then left unused.
    const solveRefined = SparseComplexLu.prototype.solveRefined;
    let checks = 0;
    const failing = vi
      .spyOn(SparseComplexLu.prototype, "solveRefined")
      .mockImplementation(function (this: SparseComplexLu, ...args) {
        const error = solveRefined.apply(this, args);
        return ++checks === 3 ? 1 : error;
      });
    for (let run = 0; run < 2; run++) {
      checks = 0;
      const a = paired.evaluate();
      checks = 0;
      expectSameResultBits(a, whole.evaluate(), `failed check, run ${run + 1}`);
    }
    failing.mockRestore();
    expect(sweepOf(paired).pairsFactored).toBeLessThan(clean);
    expect(sweepOf(paired).pairsFactored).toBeGreaterThan(FREQUENCIES.length / 2);
  });

  it("check every point of a sparse grid, each paired with the next but never using it", () => {
    // Neighbours a factor of 2 apart: each is due for a check (moved more than 1.5×) in turn.
    const sparse = logFrequencies({ fromHz: 20, toHz: 20_480, points: 11 });
    for (const design of [ladder(40), ladder(3)]) {
      const paired = compileDesign(design, { frequencies: sparse });
      const whole = oneAtATime(compileDesign(design, { frequencies: sparse }));
      const refined = vi.spyOn(SparseComplexLu.prototype, "solveRefined");
      for (let run = 0; run < 3; run++) {
        refined.mockClear();
        expectSameResultBits(paired.evaluate(), whole.evaluate(), `sparse grid, run ${run + 1}`);
        // Both sweeps checked all 11 points.
        expect(refined).toHaveBeenCalledTimes(2 * sparse.length);
      }
      refined.mockRestore();
      // Every point opened a pair for its check but the last two: the last is checked alone, and
      // the one before it would pair with the last.
      expect(sweepOf(paired).pairsFactored).toBe(sparse.length - 2);
    }
  });

  it("follows the network's jω terms to entries the last run's pairs were not made for", () => {
    const paired = compileDesign(ladder(20), { frequencies: FREQUENCIES });
    const whole = oneAtATime(compileDesign(ladder(20), { frequencies: FREQUENCIES }));
    paired.evaluate();
    whole.evaluate();
    // The same pattern, with one more jω term, on the first resistor's diagonal entry: a network
    // setNetwork takes as it stands, whose pairs must copy that entry in at every frequency.
    const withTerm = (compiled: typeof paired) => {
      const sweep = sweepOf(compiled);
      const { network } = sweep;
      const slot = [...network.rows.keys()].find(
        (s) => network.rows[s] === network.cols[s] && !network.timesJOmegaSlots.includes(s),
      )!;
      expect(
        sweep.setNetwork({
          ...network,
          timesJOmegaSlots: Int32Array.of(...network.timesJOmegaSlots, slot),
          timesJOmegaCoefficients: Float64Array.of(...network.timesJOmegaCoefficients, 3e-7),
        }),
      ).toBe(true);
      return sweep.run(FREQUENCIES);
    };
    const got = withTerm(paired);
    const expected = withTerm(whole);
    for (const [u, re] of expected.re.entries()) {
      expect(re.every((value, f) => Object.is(got.re[u]![f], value))).toBe(true);
      expect(expected.im[u]!.every((value, f) => Object.is(got.im[u]![f], value))).toBe(true);
    }
    // Each run makes its pair steps for the entries its network's terms are on.
    expect(sweepOf(paired).pairsFactored).toBeGreaterThan(FREQUENCIES.length / 2);
  });

  it("leaves the head to the head cache where the sweep keeps it", () => {
    const tribrid = REFERENCE_DESIGNS.find((d) => d.name === "tribrid-1dd-4ba-2est")!.design;
    const kept = compileDesign(tribrid, { frequencies: FREQUENCIES });
    for (let run = 0; run < 3; run++) kept.evaluate();
    expect(sweepOf(kept).pairsFactored).toBe(0);
    expect(sweepOf(kept).headsSkipped).toBeGreaterThan(FREQUENCIES.length / 2);
  });

  it("calls the stamps itself, lane by lane, where they are not cached", () => {
    // A grid too long for the stamps' cache is stamped at every frequency (see StampCache).
    const prepare = vi.spyOn(StampCache.prototype, "prepare").mockReturnValue(false);
    const tribrid = REFERENCE_DESIGNS.find((d) => d.name === "tribrid-1dd-4ba-2est")!.design;
    const paired = compileDesign(tribrid, { frequencies: FREQUENCIES });
    const whole = oneAtATime(compileDesign(tribrid, { frequencies: FREQUENCIES }));
    for (let run = 0; run < 3; run++)
      expectSameResultBits(paired.evaluate(), whole.evaluate(), `run ${run + 1}`);
    // Without cached stamps the head is not kept, so the sweep pairs.
    expect(sweepOf(paired).pairsFactored).toBeGreaterThan(FREQUENCIES.length / 2);
    prepare.mockRestore();
  });
});
