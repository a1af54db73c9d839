import type { TailRoutine } from "../linalg/routines.js";
import type { SparseComplexLu } from "../linalg/sparseLu.js";
import type { HeadCache } from "./headCache.js";
import type { SweepAssembly } from "./sweepAssembly.js";

/**
 * A sweep's step at a frequency where the head of the factor is kept (see HeadCache) and the tail's
 * rows are assembled already (see TailImage): copy them in, restore the head's sums, factorise the
 * tail, solve for the outputs — the operations of the general path (FrequencySweep's tail branch
 * and solveFor), run through the factorisation's bare functions (SparseComplexLu.tailRoutine)
 * without the look-ups on the way. Made for one pivot order (`ordering`) and one run.
 */
export class TailSteps {
  private readonly routine: TailRoutine | undefined;
  private readonly values: Float64Array;
  private readonly inversePivots: Float64Array;

  constructor(
    lu: SparseComplexLu,
    private readonly assembly: SweepAssembly,
    private readonly headCache: HeadCache,
    outputs: Int32Array,
    driven: Int32Array,
  ) {
    this.ordering = lu.orderings;
    this.routine = assembly.tailReady ? lu.tailRoutine(outputs, driven) : undefined;
    this.values = lu.values;
    this.inversePivots = lu.inversePivots;
  }

  /** The pivot order (SparseComplexLu.orderings) the steps are for. */
  readonly ordering: number;

  /**
   * Factorises and solves at grid point f, the solution in x; false, leaving nothing to use, where
   * the general path must run instead: the head not kept there, a pivot untrusted, or the largest
   * multiplier above `limit` (or NaN).
   */
  step(
    f: number,
    bRe: Float64Array,
    bIm: Float64Array,
    xRe: Float64Array,
    xIm: Float64Array,
    limit: number,
  ): boolean {
    const { routine, values, headCache } = this;
    if (routine === undefined || !headCache.has(f)) return false;
    this.assembly.tailInto(f, values);
    const headLargest = headCache.restore(f, values);
    if (!routine.factorTail()) return false;
    if (!(Math.max(headLargest, routine.largest()) <= limit)) return false;
    headCache.restoreSolve(f, values, this.inversePivots);
    routine.solve(bRe, bIm, xRe, xIm);
    return true;
  }
}
