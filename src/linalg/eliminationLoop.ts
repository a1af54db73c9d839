import type { FactorPlan } from "./factorPlan.js";

/**
 * The numeric factorisation along `plan` as a loop over its program (see FactorPlan), on `lu` as
 * loaded: L and U overwrite it, the inverse pivots go to `inversePivot` (re and im interleaved) and
 * each pivot's magnitude before elimination to `pivotBefore`. False when a pivot's magnitude is not
 * above `limit × pivotBefore[k]` (cancellation shrank it: see sparseLu.ts's CANCELLATION_LIMIT) or
 * is below 1e-300. The compiled forms (compiledElimination.ts, wasmElimination.ts) do the same
 * arithmetic in the same order.
 *
 * At the plan's boundary (before pivot step headSteps) the head's sums are added to their tail
 * entries. With `tailOnly`, the head is skipped: the sums must already hold the head's values
 * (kept from an earlier factorisation of the same head), and only the tail is eliminated.
 */
export function eliminateLoop(
  plan: FactorPlan,
  n: number,
  lu: Float64Array,
  inversePivot: Float64Array,
  pivotBefore: Float64Array,
  limit: number,
  tailOnly = false,
): boolean {
  const { pivotOffset, program, headSteps, boundary } = plan;
  for (let k = tailOnly ? headSteps : 0; k < n; k++) {
    const d = pivotOffset[k]!;
    pivotBefore[k] = Math.abs(lu[d]!) + Math.abs(lu[d + 1]!);
  }
  let c = tailOnly ? plan.tailProgramStart : 0;
  for (let k = tailOnly ? headSteps : 0; k < n; k++) {
    if (k === headSteps) {
      for (let b = 0; b < boundary.length; b += 2) {
        const t = boundary[b]!;
        const s = boundary[b + 1]!;
        lu[t] = lu[t]! + lu[s]!;
        lu[t + 1] = lu[t + 1]! + lu[s + 1]!;
      }
    }
    const d = program[c++]!;
    const eliminations = program[c++]!;
    const pr = lu[d]!;
    const pi = lu[d + 1]!;
    const magnitude = Math.abs(pr) + Math.abs(pi);
    // A pivot that cancellation shrank far below its own starting value is not to be trusted:
    // order afresh at this frequency (unless this order is itself the fresh one).
    if (!(magnitude > limit * pivotBefore[k]!) || magnitude < 1e-300) return false;
    const reciprocal = 1 / (pr * pr + pi * pi); // one division per pivot: divisions are slow
    const ir = pr * reciprocal;
    const ii = -pi * reciprocal;
    inversePivot[2 * k] = ir;
    inversePivot[2 * k + 1] = ii;
    for (let e = 0; e < eliminations; e++) {
      const t = program[c++]!;
      const updates = program[c++]!;
      const ar = lu[t]!;
      const ai = lu[t + 1]!;
      const lr = ar * ir - ai * ii;
      const li = ar * ii + ai * ir;
      lu[t] = lr;
      lu[t + 1] = li;
      for (let u = 0; u < updates; u++) {
        const dst = program[c++]!;
        const src = program[c++]!;
        const ur = lu[src]!;
        const ui = lu[src + 1]!;
        lu[dst] = lu[dst]! - (lr * ur - li * ui);
        lu[dst + 1] = lu[dst + 1]! - (lr * ui + li * ur);
      }
    }
  }
  return true;
}
