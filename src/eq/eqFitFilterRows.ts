/**
 * The EQ fit's rows that concern filters rather than grid points: sharpness (one per boosting peaking
 * filter) and cancellation (per point, in the parameters of the filters on its smaller side).
 */
import type { LinearTerms, RowSetup, RowState, RowWork } from "./eqFitRowWork.js";

/**
 * The cancellation rows into JᵀJ and Jᵀr. The row at a point is W_cancel·min(S₊, S₋), the part of one
 * filter that another undoes: zero where the filters agree in sign, and Σ|eq_k| − |Σ eq_k| =
 * 2·min(S₊, S₋), so the rows price exactly what the cancellation index (eqMetrics.ts) measures. Its
 * gradient is the sum of the derivatives of the smaller side's filters (−, for the cuts).
 */
export function addCancellationRows(
  setup: RowSetup,
  state: RowState,
  work: RowWork,
  linear: LinearTerms,
  cancelRows: number,
): void {
  const { cancelPoint, cancelSide, cancelSign, cancelResidual, columns, values } = work;
  const { derivative, active, jtj, jtr } = linear;
  const m = state.eq.length;
  const n = setup.parameterCount;
  for (let j = 0; j < cancelRows; j++) {
    const i = cancelPoint[j]!;
    const side = cancelSide[j]!;
    const sign = cancelSign[j]!;
    const r = cancelResidual[j]!;
    let count = 0;
    for (let k = 0; k < state.side.length; k++) {
      if (state.side[k]![i] !== side) continue;
      const own = setup.slotParameters[k]!;
      for (let a = 0; a < own.length; a++) {
        const p = own[a]!;
        if (!active[p]) continue;
        columns[count] = p;
        values[count] = sign * derivative[p * m + i]!;
        count++;
      }
    }
    // Filters in slot order, each one's parameters in order: the columns come out ascending, so
    // b ≤ a is the lower triangle.
    for (let a = 0; a < count; a++) {
      const p = columns[a]!;
      const jp = values[a]!;
      jtr[p] = jtr[p]! + jp * r;
      const row = p * n;
      for (let b = 0; b <= a; b++) {
        const q = row + columns[b]!;
        jtj[q] = jtj[q]! + jp * values[b]!;
      }
    }
  }
}

/**
 * Sharpness: a boosting peaking filter's steepest slope is ≈ 0.9 dB/octave per dB·Q (RBJ peaking,
 * Q ≥ 1; checked in the tests), so gain ≤ (20/18)·maxSlope/Q keeps it within maxSlope.
 */
export function sharpnessRows(setup: RowSetup, x: ArrayLike<number>, linear?: LinearTerms): number {
  const w = setup.weights;
  const n = setup.parameterCount;
  const sharpness = (20 / 18) * w.maxSlopeDbPerOctave;
  let cost = 0;
  setup.layout.forEach((at, k) => {
    if (!setup.peaking[k]) return;
    const gain = x[at.gainDb] as number;
    const q = at.logQ < 0 ? setup.fixedQ[k]! : Math.exp(x[at.logQ] as number);
    const over = gain - sharpness / q;
    if (gain <= 0 || over <= 0) return;
    const r = w.sharpnessWeight * over;
    cost += r * r;
    if (!linear) return;
    const g = at.gainDb;
    const jg = linear.active[g] ? w.sharpnessWeight : 0;
    const jq = at.logQ >= 0 && linear.active[at.logQ] ? (w.sharpnessWeight * sharpness) / q : 0;
    linear.jtr[g] = linear.jtr[g]! + jg * r;
    linear.jtj[g * n + g] = linear.jtj[g * n + g]! + jg * jg;
    if (at.logQ >= 0) {
      const lq = at.logQ;
      linear.jtr[lq] = linear.jtr[lq]! + jq * r;
      linear.jtj[lq * n + lq] = linear.jtj[lq * n + lq]! + jq * jq;
      if (lq > g) linear.jtj[lq * n + g] = linear.jtj[lq * n + g]! + jq * jg;
      else linear.jtj[g * n + lq] = linear.jtj[g * n + lq]! + jq * jg;
    }
  });
  return cost;
}
