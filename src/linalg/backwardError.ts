/*
 * The componentwise backward error of a solution (Oettli–Prager): how far the computed x is from
 * solving a nearby system, entry by entry, whatever the scales of the rows and columns.
 */

/** A matrix's slots grouped by row: slots bySlot[start[i] … start[i+1]) with columns byCol. */
export interface RowIndex {
  readonly start: Int32Array;
  readonly bySlot: Int32Array;
  readonly byCol: Int32Array;
}

export function rowIndex(size: number, rows: Int32Array, cols: Int32Array): RowIndex {
  const start = new Int32Array(size + 1);
  for (let s = 0; s < rows.length; s++) start[rows[s]! + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const next = start.slice(0, size);
  const bySlot = new Int32Array(rows.length);
  for (let s = 0; s < rows.length; s++) bySlot[next[rows[s]!]!++] = s;
  const byCol = new Int32Array(rows.length);
  for (let k = 0; k < bySlot.length; k++) byCol[k] = cols[bySlot[k]!]!;
  return { start, bySlot, byCol };
}

/**
 * ω = maxᵢ |b − A·x|ᵢ / (|A|·|x| + |b|)ᵢ for A given by slot values (re, im); leaves the residual
 * b − A·x in residualRe/Im. Rows where both A·x and b vanish count as exact.
 */
export function backwardError(
  index: RowIndex,
  re: Float64Array,
  im: Float64Array,
  bRe: Float64Array,
  bIm: Float64Array,
  xRe: Float64Array,
  xIm: Float64Array,
  residualRe: Float64Array,
  residualIm: Float64Array,
): number {
  const { start, bySlot, byCol } = index;
  const n = start.length - 1;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let rr = bRe[i]!;
    let ri = bIm[i]!;
    let scale = Math.abs(rr) + Math.abs(ri);
    for (let p = start[i]!, end = start[i + 1]!; p < end; p++) {
      const s = bySlot[p]!;
      const j = byCol[p]!;
      const ar = re[s]!;
      const ai = im[s]!;
      const vr = xRe[j]!;
      const vi = xIm[j]!;
      rr -= ar * vr - ai * vi;
      ri -= ar * vi + ai * vr;
      scale += (Math.abs(ar) + Math.abs(ai)) * (Math.abs(vr) + Math.abs(vi));
    }
    residualRe[i] = rr;
    residualIm[i] = ri;
    if (scale === 0) continue;
    const error = (Math.abs(rr) + Math.abs(ri)) / scale;
    if (error > worst || Number.isNaN(error)) worst = error;
  }
  return worst;
}
