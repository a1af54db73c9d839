import type { FactorPlan } from "./factorPlan.js";

/*
 * Forward and back substitution with a factor laid out by a FactorPlan (L and U in pivot order,
 * re and im interleaved), for all unknowns or only some of them.
 */

/** The earliest pivot step of the driven rows: forward substitution starts there (b is zero before). */
export function firstDrivenStep(plan: FactorPlan, n: number, driven: Int32Array): number {
  let start = n;
  for (let d = 0; d < driven.length; d++) start = Math.min(start, plan.rowStep[driven[d]!]!);
  return start;
}

/** Pivot steps of the wanted unknowns and every later step their U rows reach, descending. */
export function backSteps(plan: FactorPlan, n: number, wanted: Int32Array): Int32Array {
  const needed = new Uint8Array(n);
  for (const unknown of wanted) needed[plan.colStep[unknown]!] = 1;
  // U rows only reach later steps, so one pass from the start closes the set.
  for (let i = 0; i < n; i++) {
    if (!needed[i]) continue;
    for (let p = plan.diagonal[i]! + 1; p < plan.rowStart[i + 1]!; p++)
      needed[plan.colIndex[p]!] = 1;
  }
  const steps: number[] = [];
  for (let i = n - 1; i >= 0; i--) if (needed[i]) steps.push(i);
  return Int32Array.from(steps);
}

/**
 * Solves L·U·x = b for the wanted unknowns: forward substitution from pivot step `start` (b is zero
 * in the rows eliminated before it), back substitution over `steps` only. `y` is the work vector
 * (re and im interleaved, 2n long); the other entries of x are left as they were.
 */
export function substitute(
  plan: FactorPlan,
  n: number,
  lu: Float64Array,
  inversePivot: Float64Array,
  y: Float64Array,
  bRe: Float64Array,
  bIm: Float64Array,
  start: number,
  steps: Int32Array,
  wanted: Int32Array,
  xRe: Float64Array,
  xIm: Float64Array,
): void {
  const { rowOrder, rowStart, colIndex, diagonal } = plan;
  // y is zero before `start`; back substitution reads it from its earliest step on.
  const earliest = steps.length > 0 ? steps[steps.length - 1]! : n;
  if (earliest < start) y.fill(0, 2 * earliest, 2 * start);
  for (let k = start; k < n; k++) {
    const r = rowOrder[k]!;
    // + 0 reads −0 as +0: then the L entries skipped below (y zero there) would not have changed
    // the sums either, bit for bit, which solves that visit them (wasmCheck.ts) rely on.
    let sr = bRe[r]! + 0;
    let si = bIm[r]! + 0;
    // y is zero before `start`: skip the L entries there (a driven row eliminated last can have
    // a long L row of fill, all of it in those columns).
    const end = diagonal[k]!;
    let p = rowStart[k]!;
    if (p < end && colIndex[p]! < start) p = firstAtLeast(colIndex, p, end, start);
    for (; p < end; p++) {
      const j = 2 * colIndex[p]!;
      const lr = lu[2 * p]!;
      const li = lu[2 * p + 1]!;
      sr -= lr * y[j]! - li * y[j + 1]!;
      si -= lr * y[j + 1]! + li * y[j]!;
    }
    y[2 * k] = sr;
    y[2 * k + 1] = si;
  }
  for (let q = 0; q < steps.length; q++) {
    const i = steps[q]!;
    let sr = y[2 * i]!;
    let si = y[2 * i + 1]!;
    for (let p = diagonal[i]! + 1, end = rowStart[i + 1]!; p < end; p++) {
      const j = 2 * colIndex[p]!;
      const ur = lu[2 * p]!;
      const ui = lu[2 * p + 1]!;
      sr -= ur * y[j]! - ui * y[j + 1]!;
      si -= ur * y[j + 1]! + ui * y[j]!;
    }
    const pr = inversePivot[2 * i]!;
    const pi = inversePivot[2 * i + 1]!;
    y[2 * i] = sr * pr - si * pi;
    y[2 * i + 1] = sr * pi + si * pr;
  }
  for (let w = 0; w < wanted.length; w++) {
    const unknown = wanted[w]!;
    const k = plan.colStep[unknown]!;
    xRe[unknown] = y[2 * k]!;
    xIm[unknown] = y[2 * k + 1]!;
  }
}

/** First p in [lo, hi) with colIndex[p] ≥ column (colIndex ascending there); hi when none. */
function firstAtLeast(colIndex: Int32Array, lo: number, hi: number, column: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (colIndex[mid]! < column) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
