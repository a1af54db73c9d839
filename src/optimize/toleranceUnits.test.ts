import { describe, expect, it } from "vitest";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { summariseTolerance, toleranceAnalysis } from "./toleranceAnalysis.js";
import { TolerancePlan, type ToleranceUnits, mergeToleranceUnits } from "./toleranceUnits.js";

const frequencies = [...logFrequencies({ fromHz: 20, toHz: 20_000, points: 40 })];

/** The bytes of every array of `units`, to compare bit for bit (NaN and −0 included). */
function bytesOf(units: ToleranceUnits): string[] {
  const hex = (array: Float64Array) => Buffer.from(array.buffer).toString("hex");
  return [
    `${units.fromUnit}+${units.count}`,
    hex(units.draws),
    Buffer.from(units.unbuilt).toString("hex"),
    JSON.stringify(units.firstUnbuilt ?? null),
    ...Object.entries(units.levels).map(([id, levels]) => `${id}:${hex(levels)}`),
  ];
}

describe("TolerancePlan.units(from, to) and mergeToleranceUnits(plan, parts)", () => {
  it.each([
    ["single-ba", 23, [0, 1, 9, 23], 1],
    ["hybrid-1dd-2ba", 31, [0, 11, 21, 31], 1],
    // Seed 5's units 2, 22 and 26 draw electrostatic tweeters the solver refuses (they would
    // collapse): they are marked unbuilt, the same whatever the split.
    ["tribrid-1dd-4ba-2est", 27, [0, 2, 3, 22, 27], 5],
    ["quad-ba", 13, [0, 5, 13], 1],
  ])(
    "%s: ranges computed by separate plans, merged in any order, are the single range bit for bit",
    (name, runs, cuts, seed) => {
      const design = referenceDesign(name)!.design;
      const options = { frequencies, runs, seed };
      const whole = new TolerancePlan(design, options);
      const single = whole.units(0, runs);
      if (name === "tribrid-1dd-4ba-2est") {
        const refused = [...single.unbuilt.keys()].filter((unit) => single.unbuilt[unit] === 1);
        expect(refused).toEqual([2, 22, 26]);
      }
      // Each range from a plan of its own, as a worker thread computes it, merged last to first.
      const parts = cuts
        .slice(1)
        .map((to, k) => new TolerancePlan(design, options).units(cuts[k]!, to))
        .reverse();
      expect(bytesOf(mergeToleranceUnits(whole, parts))).toEqual(bytesOf(single));
      // The same plan going backwards: a unit does not depend on the one computed before it.
      const backwards = [...cuts.keys()]
        .slice(1)
        .reverse()
        .map((k) => whole.units(cuts[k - 1]!, cuts[k]!));
      expect(bytesOf(mergeToleranceUnits(whole, backwards))).toEqual(bytesOf(single));
    },
  );

  it("accepts or refuses a unit whatever unit came before it (seed 3 of the tribrid refuses some)", () => {
    const design = referenceDesign("tribrid-1dd-4ba-2est")!.design;
    const options = { frequencies: [100, 1000], runs: 20, seed: 3 };
    const outcome = (plan: TolerancePlan, unit: number) => {
      const built = plan.units(unit, unit + 1);
      if (built.unbuilt[0] === 1) return built.firstUnbuilt!.issues[0]!.message;
      return Buffer.from(built.levels.drum!.buffer).toString("hex");
    };
    const shared = new TolerancePlan(design, options);
    const inOrder = Array.from({ length: 20 }, (_, unit) => outcome(shared, unit));
    const backwards = Array.from({ length: 20 }, (_, k) => outcome(shared, 19 - k)).reverse();
    const alone = Array.from({ length: 20 }, (_, unit) =>
      outcome(new TolerancePlan(design, options), unit),
    );
    const refused = inOrder.flatMap((text, unit) => (/unstable/.test(text) ? [unit] : []));
    expect(refused.length).toBeGreaterThan(1);
    expect(refused.length).toBeLessThan(10);
    expect(backwards).toEqual(inOrder);
    expect(alone).toEqual(inOrder);
  });

  it("summarising the merged ranges gives toleranceAnalysis' result, byte for byte", () => {
    const design = referenceDesign("hybrid-1dd-2ba")!.design;
    const options = { frequencies, runs: 29, seed: 8, spec: { withinDb: 2 } };
    const plan = new TolerancePlan(design, options);
    const merged = mergeToleranceUnits(plan, [plan.units(10, 29), plan.units(0, 10)]);
    const direct = toleranceAnalysis(design, options);
    expect(direct.yield).toBeDefined();
    expect(direct.ranking).toBeDefined();
    expect(JSON.stringify(summariseTolerance(plan, merged, options))).toBe(JSON.stringify(direct));
  });

  it("draws unit k from its own stream: the same seed and unit give the same draws in any range", () => {
    const plan = new TolerancePlan(referenceDesign("single-ba")!.design, {
      frequencies: [100, 1000],
      runs: 6,
      seed: 5,
    });
    const inputs = plan.tolerances.length;
    expect(inputs).toBeGreaterThan(1);
    const all = plan.units(0, 6).draws;
    const tail = plan.units(4, 6).draws;
    expect([...tail]).toEqual([...all.subarray(4 * inputs)]);
    for (const u of all) expect(u >= -1 && u < 1).toBe(true);
    const other = new TolerancePlan(referenceDesign("single-ba")!.design, {
      frequencies: [100, 1000],
      runs: 6,
      seed: 6,
    });
    expect([...other.units(0, 6).draws]).not.toEqual([...all]);
  });

  it("reports each unit of a range done, and owns whole buffers (they can be transferred)", () => {
    const plan = new TolerancePlan(referenceDesign("single-ba")!.design, {
      frequencies: [100, 1000, 10_000],
      runs: 9,
    });
    const done: number[] = [];
    const units = plan.units(3, 8, (count) => done.push(count));
    expect(done).toEqual([1, 2, 3, 4, 5]);
    expect(units.levels.drum!.byteLength).toBe(units.levels.drum!.buffer.byteLength);
    expect(units.levels.drum!.length).toBe(5 * 3);
    expect(units.draws.byteLength).toBe(units.draws.buffer.byteLength);
  });

  it("refuses a range outside the plan, and parts with a gap, an overlap or another shape", () => {
    const plan = new TolerancePlan(referenceDesign("single-ba")!.design, {
      frequencies: [100, 1000],
      runs: 6,
    });
    expect(() => plan.units(0, 7)).toThrow(/units 0…7: outside 0…6/);
    expect(() => plan.units(3, 3)).toThrow(/outside/);
    expect(() => plan.units(0.5, 2)).toThrow(/whole unit numbers/);
    const [a, b, c] = [plan.units(0, 2), plan.units(2, 4), plan.units(4, 6)];
    expect(() => mergeToleranceUnits(plan, [a, c])).toThrow(/expected a range from unit 2/);
    expect(() => mergeToleranceUnits(plan, [a, b, b, c])).toThrow(/expected a range from unit 4/);
    expect(() => mergeToleranceUnits(plan, [a, b])).toThrow(/cover units 0…3, not 0…5/);
    expect(() => mergeToleranceUnits(plan, [])).toThrow(/cover units 0…-1, not 0…5/);
    const narrow = { ...c, draws: c.draws.subarray(1) };
    expect(() => mergeToleranceUnits(plan, [a, b, narrow])).toThrow(/draws per unit/);
    expect(() => summariseTolerance(plan, b)).toThrow(/summarise all 6 units/);
  });
});
