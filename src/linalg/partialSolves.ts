import type { FactorPlan } from "./factorPlan.js";
import { type PlanCode, type SolveCode, solveCode } from "./planCache.js";
import { backSteps, firstDrivenStep } from "./substitution.js";

/** One kind of partial solve (wanted unknowns, driven rows) along one plan. */
export interface PartialSolve {
  plan: FactorPlan | undefined;
  /** The first pivot step forward substitution visits. */
  start: number;
  /** The steps back substitution visits, descending. */
  steps: Int32Array;
  /** Its shared code entry (only for a fixed set of driven rows). */
  entry: SolveCode | undefined;
}

/**
 * The partial solves a factorisation object has been asked for, by wanted unknowns and then driven
 * rows (object identity: no lookups by value), each worked out again when the plan changes.
 */
export class PartialSolves {
  private readonly byWanted = new Map<Int32Array, Map<Int32Array | undefined, PartialSolve>>();

  /**
   * The partial solve of (wanted, driven) along `plan`: start, back steps and, for a fixed set of
   * driven rows and not every unknown (`everyUnknown`), its entry in the plan's shared `code`.
   */
  get(
    plan: FactorPlan,
    n: number,
    wanted: Int32Array,
    driven: Int32Array | undefined,
    everyUnknown: Int32Array,
    code: () => PlanCode,
  ): PartialSolve {
    let byDriven = this.byWanted.get(wanted);
    if (byDriven === undefined) {
      byDriven = new Map();
      this.byWanted.set(wanted, byDriven);
    }
    let partial = byDriven.get(driven);
    if (partial === undefined) {
      partial = { plan: undefined, start: 0, steps: new Int32Array(0), entry: undefined };
      byDriven.set(driven, partial);
    }
    if (partial.plan !== plan) {
      partial.plan = plan;
      partial.steps = backSteps(plan, n, wanted);
      partial.start = driven === undefined ? 0 : firstDrivenStep(plan, n, driven);
      partial.entry =
        driven !== undefined && wanted !== everyUnknown
          ? solveCode(code(), `${partial.start};${wanted.join(",")}`)
          : undefined;
    }
    return partial;
  }

  /**
   * The earliest pivot step any of `solves` ([wanted, driven] pairs, as `get` takes them) reads of
   * the factor, in forward or in back substitution: the rows from there on are all they need.
   */
  earliestStep(
    plan: FactorPlan,
    n: number,
    solves: readonly (readonly [Int32Array, Int32Array])[],
    everyUnknown: Int32Array,
    code: PlanCode,
  ): number {
    let from = n;
    for (const [wanted, driven] of solves) {
      const partial = this.get(plan, n, wanted, driven, everyUnknown, () => code);
      from = Math.min(from, partial.start, partial.steps.at(-1) ?? n);
    }
    return from;
  }
}
