/**
 * The residual rows of the EQ fit (eqFitProblem.ts says what each means) summed into Σ r² and, for a
 * Levenberg–Marquardt step, into the normal equations JᵀJ and Jᵀr — built without forming J.
 *
 * Why this shape: every per-point row (the point rows, the boost rows, the headroom rows) has a
 * Jacobian proportional to the same column of derivatives ∂eq_i/∂x at its grid point, up to a level
 * term, so their products fold into one per-point weight e_i and one per-point gradient factor g_i:
 *
 *   JᵀJ += Σ_i e_i·d_i·d_iᵀ,   Jᵀr += Σ_i g_i·d_i
 *
 * one pass of dot products over the active derivative columns (the bulk of a fit's time), with the
 * level terms (the headroom rows' mean, the loudness row, the level offset, the treble row) added as
 * rank-one corrections from column sums taken in the same pass. A row per point and parameter pair
 * would cost the same again for every kind of row.
 *
 * The dot products run over columns scaled by √e_i once (every e_i ≥ 0), gathered to the points
 * where e_i > 0: JᵀJ is then one Gram matrix of contiguous columns, four dot products at a time,
 * with nothing allocated. The cancellation rows stay rank-one updates, point by point: one is
 * nonzero at nearly every point (filter tails overlap everywhere), but only in the parameters of the
 * smaller side's few filters, so a Gram matrix over them would double the work for nothing.
 */

import { addCancellationRows, sharpnessRows } from "./eqFitFilterRows.js";
import type { LinearTerms, RowSetup, RowState, RowWork } from "./eqFitRowWork.js";
import { addGramMatrix } from "./gramMatrix.js";

/**
 * Cancellation rows enter JᵀJ and Jᵀr only where a filter undoes more than this of another, dB. The
 * tails of peaking filters overlap at nearly every point, so the rows are nonzero almost everywhere,
 * and their rank-one updates cost as much as the rest of the normal equations; below 0.01 dB a row's
 * residual (0.003 at W_cancel 0.3) moves the gradient by less than a thousandth of the point rows'
 * (their residuals are tenths of a dB). The cost counts every row, so each accepted step still
 * lowers the exact loss.
 */
const CANCEL_LINEARISED_FROM_DB = 0.01;

/** Σ r² over every row; with `linear`, also adds the rows into its JᵀJ (lower triangle) and Jᵀr. */
export function accumulateRows(
  setup: RowSetup,
  x: ArrayLike<number>,
  state: RowState,
  work: RowWork,
  linear?: LinearTerms,
): number {
  const { eq, boostsDb, cutsDb } = state;
  const { desiredDb, pointWeight2: w2, weights: w } = setup;
  const m = eq.length;
  const points = w2.length;
  const c = setup.offsetIndex;
  const offset = x[c] as number;
  const { e, g, headroom } = work;

  // The EQ's level: its mean over the point band (what the loudness row holds near 0 dB and what
  // the headroom rows measure the boosts from).
  let level = 0;
  for (let i = 0; i < points; i++) level += eq[i]!;
  level /= points;

  let cost = 0;
  let weightSum = 0;
  let weightedResidualSum = 0;
  const boost2 = w.boostWeight * w.boostWeight;
  const head2 = w.headroomWeight * w.headroomWeight;
  const cancelWeight = w.cancelWeight;
  let headroomCount = 0;
  let headroomSum = 0;
  let cancelRows = 0;
  for (let i = 0; i < m; i++) {
    let ei = 0;
    let gi = 0;
    if (i < points) {
      const r = eq[i]! - desiredDb[i]! - offset;
      const wi = w2[i]!;
      cost += wi * r * r;
      ei = wi;
      gi = wi * r;
      weightSum += wi;
      weightedResidualSum += wi * r;
    }
    const over = eq[i]! - (i < points ? w.maxBoostDb : w.trebleMaxBoostDb);
    if (over > 0) {
      cost += boost2 * over * over;
      ei += boost2;
      gi += boost2 * over;
    }
    const above = eq[i]! - level;
    if (head2 > 0 && above > 0) {
      cost += head2 * above * above;
      ei += head2;
      gi += head2 * above;
      headroom[i] = head2;
      headroomCount += head2;
      headroomSum += head2 * above;
    } else {
      headroom[i] = 0;
    }
    e[i] = ei;
    g[i] = gi;
    // The cancellation row: W·min(S₊, S₋) (addCancellationRows says why).
    if (cancelWeight > 0) {
      const boosts = boostsDb[i]!;
      const cuts = cutsDb[i]!;
      const cancelled = boosts < cuts ? boosts : cuts;
      if (cancelled > 0) {
        const r = cancelWeight * cancelled;
        cost += r * r;
      }
      if (cancelled > CANCEL_LINEARISED_FROM_DB) {
        const r = cancelWeight * cancelled;
        work.cancelPoint[cancelRows] = i;
        work.cancelSide[cancelRows] = boosts <= cuts ? 1 : 2;
        work.cancelSign[cancelRows] = boosts <= cuts ? cancelWeight : -cancelWeight;
        work.cancelResidual[cancelRows] = r;
        cancelRows++;
      }
    }
  }

  const trebleCount = m - points;
  let trebleResidual = 0;
  if (trebleCount > 0) {
    let mean = 0;
    for (let i = points; i < m; i++) mean += eq[i]! - desiredDb[i]!;
    mean /= trebleCount;
    trebleResidual = Math.sqrt(trebleCount) * (mean - offset);
    cost += trebleResidual * trebleResidual;
  }
  const loudnessScale = w.loudnessWeight * Math.sqrt(points);
  const loudnessResidual = loudnessScale * level;
  cost += loudnessResidual * loudnessResidual;

  if (linear) {
    const columns = scaleColumns(setup, work, linear);
    addCancellationRows(setup, state, work, linear, cancelRows);
    const { scaled, stride, activeColumns } = work;
    addGramMatrix(
      scaled,
      stride,
      activeColumns,
      columns.count,
      columns.length,
      setup.parameterCount,
      linear.jtj,
    );
    // Rank-one corrections. Headroom rows are h·(d_i − d̄): Σ h²(d_i − d̄)(d_i − d̄)ᵀ adds
    // −u·d̄ᵀ − d̄·uᵀ + (Σh²)·d̄·d̄ᵀ to the folded Σ h²·d_i·d_iᵀ (u = Σ h²·d_i); the loudness row
    // (scale·d̄) adds scale²·d̄·d̄ᵀ; the treble row is one row (its column sums, −√N for c).
    const { jtj, jtr, active } = linear;
    const n = setup.parameterCount;
    const { meanColumn, headroomColumn, offsetColumn, trebleColumn } = work;
    const meanWeight = headroomCount + loudnessScale * loudnessScale;
    const meanGradient = loudnessScale * loudnessResidual - headroomSum;
    trebleColumn[c] = trebleCount > 0 ? -Math.sqrt(trebleCount) : 0;
    for (let p = 0; p < n; p++) {
      const pActive = p === c || active[p];
      if (!pActive) continue;
      const mp = meanColumn[p]!;
      const up = headroomColumn[p]!;
      const tp = trebleColumn[p]!;
      jtr[p] = jtr[p]! + meanGradient * mp + tp * trebleResidual;
      for (let q = 0; q <= p; q++) {
        if (!(q === c || active[q])) continue;
        const mq = meanColumn[q]!;
        jtj[p * n + q] =
          jtj[p * n + q]! +
          meanWeight * mp * mq -
          up * mq -
          mp * headroomColumn[q]! +
          tp * trebleColumn[q]!;
      }
    }
    // The level offset's column is −(the row's weight) in every point row.
    for (let p = 0; p < c; p++) if (active[p]) jtj[c * n + p] = jtj[c * n + p]! + offsetColumn[p]!;
    for (let p = c + 1; p < n; p++)
      if (active[p]) jtj[p * n + c] = jtj[p * n + c]! + offsetColumn[p]!;
    jtr[c] = jtr[c]! - weightedResidualSum;
    jtj[c * n + c] = jtj[c * n + c]! + weightSum;
  }

  cost += sharpnessRows(setup, x, linear);
  if (w.gainWeight > 0) {
    const n = setup.parameterCount;
    for (const at of setup.layout) {
      const r = w.gainWeight * (x[at.gainDb] as number);
      cost += r * r;
      if (linear && linear.active[at.gainDb]) {
        linear.jtr[at.gainDb] = linear.jtr[at.gainDb]! + w.gainWeight * r;
        linear.jtj[at.gainDb * n + at.gainDb] =
          linear.jtj[at.gainDb * n + at.gainDb]! + w.gainWeight * w.gainWeight;
      }
    }
  }
  return cost;
}

/**
 * For every active column: Jᵀr and the column sums the rank-one corrections need, from the raw
 * derivatives; then the column scaled by √e_i at the rows that enter JᵀJ.
 */
function scaleColumns(
  setup: RowSetup,
  work: RowWork,
  linear: LinearTerms,
): { count: number; length: number } {
  const { e, g, headroom, rowPoint, rowScale, scaled, stride, activeColumns } = work;
  const { meanColumn, headroomColumn, offsetColumn, trebleColumn } = work;
  const { derivative, active, jtr } = linear;
  const m = e.length;
  const points = setup.pointWeight2.length;
  const w2 = setup.pointWeight2;
  const n = setup.parameterCount;
  const c = setup.offsetIndex;
  const trebleCount = m - points;
  const trebleScale = trebleCount > 0 ? Math.sqrt(trebleCount) / trebleCount : 0;
  let rows = 0;
  for (let i = 0; i < m; i++) {
    if (e[i]! > 0) {
      rowPoint[rows] = i;
      rowScale[rows] = Math.sqrt(e[i]!);
      rows++;
    }
  }
  let count = 0;
  for (let p = 0; p < n; p++) {
    meanColumn[p] = 0;
    headroomColumn[p] = 0;
    offsetColumn[p] = 0;
    trebleColumn[p] = 0;
    if (p === c || !active[p]) continue;
    activeColumns[count++] = p;
    const from = p * m;
    let gradient = 0;
    let sum = 0;
    let pointSum = 0;
    let headroomDot = 0;
    let trebleSum = 0;
    for (let i = 0; i < points; i++) {
      const d = derivative[from + i]!;
      gradient += d * g[i]!;
      sum += d;
      pointSum += d * w2[i]!;
      headroomDot += d * headroom[i]!;
    }
    for (let i = points; i < m; i++) {
      const d = derivative[from + i]!;
      gradient += d * g[i]!;
      headroomDot += d * headroom[i]!;
      trebleSum += d;
    }
    meanColumn[p] = sum / points;
    headroomColumn[p] = headroomDot;
    offsetColumn[p] = -pointSum;
    trebleColumn[p] = trebleScale * trebleSum;
    const to = p * stride;
    for (let j = 0; j < rows; j++) scaled[to + j] = rowScale[j]! * derivative[from + rowPoint[j]!]!;
    jtr[p] = jtr[p]! + gradient;
  }
  return { count, length: rows };
}
