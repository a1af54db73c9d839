import { describe, expect, it } from "vitest";
import { logFrequencies } from "../core/frequencyGrid.js";
import { REFERENCE_DESIGNS } from "../catalogue/referenceDesigns.js";
import { expectSameResultBits, sweepOf, oneAtATime } from "../../test/support/sameResultBits.js";
import { type CompiledDesign, type ParameterChange, compileDesign } from "./index.js";

const FREQUENCIES = logFrequencies({ fromHz: 20, toHz: 20_000, points: 120 });

/** A compiled design whose sweep never skips the head: every frequency factorised whole. */
function wholeEveryTime(design: unknown): CompiledDesign {
  const compiled = compileDesign(design, { frequencies: FREQUENCIES });
  return oneAtATime(compiled);
}

describe("skipping the head of the factor (HeadCache)", () => {
  it("gives every reference design the same results to the last bit, and skips the head when it can", () => {
    for (const { name, design } of REFERENCE_DESIGNS) {
      const kept = compileDesign(design, { frequencies: FREQUENCIES });
      const whole = wholeEveryTime(design);
      for (let run = 0; run < 3; run++) {
        expectSameResultBits(kept.evaluate(), whole.evaluate(), `${name}, run ${run + 1}`);
        expect(sweepOf(whole).headsSkipped).toBe(0);
      }
      // Every reference design has a driver, whose inner unknowns make a head.
      expect(sweepOf(kept).headsSkipped, name).toBeGreaterThan(FREQUENCIES.length / 2);
    }
  });

  it("keeps the head across edits outside it (crossover, damper) and drops it for an edit inside (a driver)", () => {
    const tribrid = REFERENCE_DESIGNS.find(({ name }) => name === "tribrid-1dd-4ba-2est")!.design;
    const kept = compileDesign(tribrid, { frequencies: FREQUENCIES });
    const whole = wholeEveryTime(tribrid);
    const steps: { change: ParameterChange | undefined; skips: boolean }[] = [
      { change: undefined, skips: false },
      { change: { elementId: "Rmid", parameter: "resistance", value: 3.3 }, skips: true },
      {
        change: { elementId: "ddFrontVentDamper", parameter: "ratingCgsOhm", value: 680 },
        skips: true,
      },
      { change: { elementId: "midA", parameter: "transduction", value: 2.2 }, skips: false },
      { change: { elementId: "Rmid", parameter: "resistance", value: 4.7 }, skips: true },
    ];
    steps.forEach(({ change, skips }, k) => {
      const changes = change ? [change] : [];
      // The drum probe has per-driver shares: the solves also want the motors' forces, which are
      // unknowns of the head (their U rows and pivots are kept and restored too).
      expectSameResultBits(kept.evaluate(changes), whole.evaluate(changes), `step ${k}`);
      const skipped = sweepOf(kept).headsSkipped;
      if (skips) expect(skipped, `step ${k}`).toBeGreaterThan(FREQUENCIES.length / 2);
      else expect(skipped, `step ${k}`).toBe(0);
    });
    expect(kept.compilations).toBe(1);
  });

  it("keeps nothing for a grid too long to keep (it would pass 32 MiB), and still gives the same results", () => {
    // 27 sums (54 doubles) per frequency: 80 000 points would keep 4.3 million doubles, while its
    // stamps' values (14 entries a frequency) are still cached.
    const opposed = REFERENCE_DESIGNS.find(({ name }) => name === "dual-opposed-dd")!.design;
    const frequencies = logFrequencies({ fromHz: 20, toHz: 20_000, points: 80_000 });
    const compiled = compileDesign(opposed, { frequencies });
    const first = compiled.evaluate();
    expectSameResultBits(compiled.evaluate(), first, "second run");
    expect(sweepOf(compiled).headsSkipped).toBe(0);
  });
});

describe("the head's whole factors kept at the accuracy checks", () => {
  it("stay within the 32 MiB the sums leave, and the results stay the same to the last bit", () => {
    // 27 sums (54 doubles) per point: 72 000 points keep 3.9 million doubles of sums, leaving less
    // room than the checks' whole factors would take at every one of their frequencies.
    const opposed = REFERENCE_DESIGNS.find(({ name }) => name === "dual-opposed-dd")!.design;
    const frequencies = logFrequencies({ fromHz: 20, toHz: 20_000, points: 72_000 });
    const kept = compileDesign(opposed, { frequencies });
    const whole = compileDesign(opposed, { frequencies });
    oneAtATime(whole);
    for (let run = 0; run < 2; run++)
      expectSameResultBits(kept.evaluate(), whole.evaluate(), `run ${run + 1}`);
    const cache = (sweepOf(kept) as unknown as { headCache: Record<string, unknown> }).headCache;
    const keptDoubles = cache["keptDoubles"] as number;
    const wholeDoubles = cache["wholeDoubles"] as number;
    const wholes = cache["wholes"] as Map<number, Float64Array>;
    expect(keptDoubles).toBeGreaterThan(3.8e6);
    expect(wholeDoubles).toBeGreaterThan(0);
    expect(keptDoubles + wholeDoubles).toBeLessThanOrEqual(2 ** 22);
    // Fewer wholes than checks: the budget ran out first.
    expect(wholes.size).toBeLessThan(frequencies.length / 32);
    expect([...wholes.values()].reduce((sum, w) => sum + w.length, 0)).toBe(wholeDoubles);
  });
});
