import type { AssemblyLoad } from "./pairAssembly.js";

/*
 * A factorisation's work as bare functions along one plan, for a sweep that runs them at many
 * frequencies without the look-ups of the general methods (see SparseComplexLu.tailRoutine and
 * pairRoutine). Each is valid while the factorisation's pivot order (`orderings`) stays.
 */

/** The tail's elimination, its largest multiplier and a partial solve (see tailRoutine). */
export interface TailRoutine {
  readonly factorTail: () => boolean;
  readonly largest: () => number;
  readonly solve: (
    bRe: Float64Array,
    bIm: Float64Array,
    xRe: Float64Array,
    xIm: Float64Array,
  ) => void;
}

/** Two matrices factorised at once (see pairRoutine and wasmPairElimination.ts). */
export interface PairRoutine {
  /**
   * The paired storage, then the constant image at `imageAt`: entry p's real parts at 4p (first
   * matrix) and 4p + 1 (second), its imaginary parts at 4p + 2 and 4p + 3, in either. The
   * elimination reads an entry from the image until it writes it, except the entries the assembly
   * writes (the ones the routine was made for): those from the storage.
   */
  readonly values: Float64Array;
  readonly imageAt: number;
  /** Gives `assemble` a layout's constant matrix and jω terms (see AssemblyLoad). */
  readonly load: AssemblyLoad;
  /** Writes the entries it was made for: the constant part, plus the jω terms at ωf and ωg. */
  readonly assemble: (omegaF: number, omegaG: number) => void;
  /** Eliminates both; false when a pivot of either is not to be trusted. */
  readonly eliminate: () => boolean;
  /** The largest weighted multiplier of matrix `lane` (0, 1) after a successful `eliminate`. */
  readonly largest: (lane: number) => number;
  /**
   * Puts matrix `lane`'s factor where the factorisation's solves read it: afterwards `solveFor`
   * the solves the routine was made for gives that matrix's solution, bit for bit what factorising
   * it alone gives. Only the rows those solves read are copied, unless `whole`: then every row,
   * so that any solve (the accuracy check's complete one) may read it.
   */
  readonly unpack: (lane: number, whole?: boolean) => void;
}
