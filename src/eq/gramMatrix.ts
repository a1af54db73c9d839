/**
 * The Gram matrix JᵀJ of a Jacobian stored column by column, as the EQ fit's normal equations need it.
 */

/**
 * Adds the Gram matrix of some columns into the lower triangle of jtj (n×n, row-major): for
 * p = columns[a], q = columns[b], b ≤ a < count, jtj[p·n + q] += Σ_i v_p[i]·v_q[i] over i < length,
 * column p being values[p·stride …]. Four dot products at a time share each load of v_p: the bulk of
 * an EQ fit's time is here.
 */
export function addGramMatrix(
  values: Float64Array,
  stride: number,
  columns: Int32Array,
  count: number,
  length: number,
  n: number,
  jtj: Float64Array,
): void {
  for (let a = 0; a < count; a++) {
    const p = columns[a]!;
    const sp = p * stride;
    let b = 0;
    for (; b + 3 <= a; b += 4) {
      const q0 = columns[b]!;
      const q1 = columns[b + 1]!;
      const q2 = columns[b + 2]!;
      const q3 = columns[b + 3]!;
      const s0 = q0 * stride;
      const s1 = q1 * stride;
      const s2 = q2 * stride;
      const s3 = q3 * stride;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let i = 0; i < length; i++) {
        const v = values[sp + i]!;
        d0 += v * values[s0 + i]!;
        d1 += v * values[s1 + i]!;
        d2 += v * values[s2 + i]!;
        d3 += v * values[s3 + i]!;
      }
      jtj[p * n + q0] = jtj[p * n + q0]! + d0;
      jtj[p * n + q1] = jtj[p * n + q1]! + d1;
      jtj[p * n + q2] = jtj[p * n + q2]! + d2;
      jtj[p * n + q3] = jtj[p * n + q3]! + d3;
    }
    for (; b <= a; b++) {
      const q = columns[b]!;
      const sq = q * stride;
      let dot = 0;
      for (let i = 0; i < length; i++) dot += values[sp + i]! * values[sq + i]!;
      jtj[p * n + q] = jtj[p * n + q]! + dot;
    }
  }
}
