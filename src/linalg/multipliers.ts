import type { FactorPlan } from "./factorPlan.js";

/*
 * How far a factorisation along a reused pivot order has strayed from the dominant pivots its
 * ordering chose: its multipliers (the entries of L) as the ordering's equilibrated matrix has them.
 * The ordering keeps every one at most 1/PIVOT_THRESHOLD at its own frequency; when a factor reused
 * far away has multipliers much larger, the pivots have lost the dominance that made it accurate —
 * the test Sparse 1.3 makes when it reuses an order. One pass over L: cheap beside the elimination.
 */

/** Where the multipliers of a plan are in the factor's storage, and the weight of each. */
export interface MultiplierLayout {
  /** Offsets (of the real part) into the interleaved L + U storage. */
  readonly offsets: Int32Array;
  /** rᵢ/r_k for multiplier l(i,k), with r the row scales of the ordering's equilibration. */
  readonly weights: Float64Array;
  /** How many of them (the first ones) belong to the plan's head (see FactorPlan.headSteps). */
  readonly headCount: number;
}

/** The multipliers of `plan` and their weights, from the row scales the ordering used. */
export function multiplierLayout(
  plan: FactorPlan,
  n: number,
  rowScale: Float64Array,
): MultiplierLayout {
  const { program, rowStart, rowOrder } = plan;
  const offsets: number[] = [];
  const weights: number[] = [];
  let c = 0;
  let headCount = 0;
  for (let k = 0; k < n; k++) {
    if (k === plan.headSteps) headCount = offsets.length;
    c++;
    const eliminations = program[c++]!;
    for (let e = 0; e < eliminations; e++) {
      const t = program[c++]!;
      const updates = program[c++]!;
      c += 2 * updates;
      // The row (pivot step) i whose CSR range holds position t/2 (every row holds its pivot, so
      // rowStart increases strictly).
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (rowStart[mid]! <= t / 2) lo = mid;
        else hi = mid - 1;
      }
      offsets.push(t);
      weights.push(rowScale[rowOrder[lo]!]! / rowScale[rowOrder[k]!]!);
    }
  }
  if (plan.headSteps >= n) headCount = offsets.length;
  return { offsets: Int32Array.from(offsets), weights: Float64Array.from(weights), headCount };
}

/**
 * The largest weighted multiplier |l(i,k)|·rᵢ/r_k in `lu` (|l| as |re| + |im|), among the layout's
 * multipliers from `from` to `to` (default: all); NaN counts as huge.
 */
export function largestMultiplier(
  lu: Float64Array,
  layout: MultiplierLayout,
  from = 0,
  to = layout.offsets.length,
): number {
  const { offsets, weights } = layout;
  let largest = 0;
  for (let e = from; e < to; e++) {
    const p = offsets[e]!;
    const size = (Math.abs(lu[p]!) + Math.abs(lu[p + 1]!)) * weights[e]!;
    if (!(size <= largest)) largest = size;
  }
  return largest;
}
