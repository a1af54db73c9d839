import type { PairRoutine } from "../linalg/routines.js";
import type { SparseComplexLu } from "../linalg/sparseLu.js";
import type { Network } from "./compileNetwork.js";
import type { SweepAssembly } from "./sweepAssembly.js";

/**
 * A sweep's steps two frequencies at a time: both matrices assembled into one paired storage and
 * factorised at once (SparseComplexLu.pairRoutine, wasmPairElimination.ts), then each unpacked and
 * solved in turn. Each frequency gets the bits the general path (one frequency at a time) gives it.
 * A pair is two frequencies not due for an accuracy check, or one that is due and the next: the
 * check reads the first's whole factor, and the second is used once the check has passed. Made for
 * one pivot order (`ordering`) and the entries the assembly writes at every frequency then (the
 * layout must be up to date when it is made); unusable where the sweep keeps the head of the
 * factor (the pair would leave nothing to keep) or where WebAssembly cannot run.
 */
export class PairSteps {
  private readonly routine: PairRoutine | undefined;

  constructor(
    private readonly lu: SparseComplexLu,
    private readonly assembly: SweepAssembly,
    /** The sweep's solves, [wanted, driven] as it gives them to solveFor. */
    solves: readonly (readonly [Int32Array, Int32Array])[],
    /** False: never usable (pairs turned off, or the sweep keeps the head). */
    allowed: boolean,
  ) {
    this.ordering = lu.orderings;
    this.routine = allowed ? lu.pairRoutine(solves, assembly.pairEntries()) : undefined;
  }

  /** The pivot order (SparseComplexLu.orderings) the steps are for. */
  readonly ordering: number;

  /** Whether `factor` can run at all. */
  get usable(): boolean {
    return this.routine !== undefined;
  }

  /**
   * Assembles grid points f and g of `network` and factorises both; false, leaving nothing to use,
   * when a pivot of either is untrusted (or the layout's jω terms are on entries the steps were not
   * made for, which a run's own layout never is): the general path must run instead.
   * matrixRe/matrixIm are scratch (see SweepAssembly.intoPair).
   */
  factor(
    network: Network,
    f: number,
    g: number,
    matrixRe: Float64Array,
    matrixIm: Float64Array,
  ): boolean {
    const routine = this.routine!;
    const plan = this.lu.currentPlan!;
    if (!this.assembly.intoPair(network, plan, f, g, routine, matrixRe, matrixIm)) return false;
    return routine.eliminate();
  }

  /** Whether the largest multiplier of matrix `lane` (0: f, 1: g) is at most `limit` (NaN: no). */
  within(lane: number, limit: number): boolean {
    return this.routine!.largest(lane) <= limit;
  }

  /**
   * Makes matrix `lane` of the last `factor` the one the solves read: the rows the sweep's
   * partial solves read, or with `whole` every row (for the accuracy check's complete solve).
   */
  unpack(lane: number, whole = false): void {
    this.routine!.unpack(lane, whole);
  }
}
