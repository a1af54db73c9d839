/*
 * Row and column equilibration for pivot ordering. The equations of an electro-mechano-acoustic
 * network mix units whose entries differ by many decades — volts per ampere beside pascal-seconds
 * per cubic metre (1e7 and more), and at 0.01 Hz a compliance's 1/(jωC) beside a mass's jωM spreads
 * them by another 1e8. Scaled by rows alone, a column whose entries are all small looks empty to a
 * test for negligible entries, and a well-posed network is called singular. Scaling rows, then
 * columns, then rows again, brings every row's and every column's largest entry near 1 (Ruiz's
 * iteration in the max norm), so the ordering's tests compare like with like.
 *
 * Scale factors are powers of two: scaling is then exact, and a factorisation along the chosen
 * order is the same, bit for bit, whether or not the values were scaled.
 */

export type Equilibrated =
  | {
      readonly ok: true;
      /** The scaled slot values. */
      readonly re: Float64Array;
      readonly im: Float64Array;
      /** The factor each row was scaled by (a power of two). */
      readonly rowScale: Float64Array;
      /** log10 of (largest / smallest) scale factor over rows and columns: how far apart they were. */
      readonly spreadDecades: number;
    }
  /**
   * A row or column with no finite non-zero entry: the matrix is singular there (`exact`: all its
   * entries are zero; otherwise some are infinite or NaN, or too small for a double's scale).
   */
  | { readonly ok: false; readonly rows: number[]; readonly exact: boolean };

/** Passes of row-then-column scaling; two suffice for the spreads of physical networks. */
const PASSES = 2;

export function equilibrate(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  re: Float64Array,
  im: Float64Array,
): Equilibrated {
  const scaledRe = Float64Array.from(re);
  const scaledIm = Float64Array.from(im);
  const largest = new Float64Array(n);
  let smallestScale = Infinity;
  let largestScale = 0;
  const rowTotal = new Float64Array(n).fill(1);
  const colTotal = new Float64Array(n).fill(1);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [index, total] of [
      [rows, rowTotal],
      [cols, colTotal],
    ] as const) {
      largest.fill(0);
      for (let s = 0; s < index.length; s++) {
        const magnitude = Math.abs(scaledRe[s]!) + Math.abs(scaledIm[s]!);
        const k = index[s]!;
        if (magnitude > largest[k]! || Number.isNaN(magnitude)) largest[k] = magnitude;
      }
      for (let k = 0; k < n; k++) {
        const value = largest[k]!;
        if (!(value > 0) || !Number.isFinite(value))
          return { ok: false, rows: [k], exact: value === 0 };
        // The power of two nearest 1/value: exact to apply.
        const factor = 2 ** -Math.round(Math.log2(value));
        largest[k] = factor;
        total[k] = total[k]! * factor;
      }
      for (let s = 0; s < index.length; s++) {
        const factor = largest[index[s]!]!;
        scaledRe[s] = scaledRe[s]! * factor;
        scaledIm[s] = scaledIm[s]! * factor;
      }
    }
  }
  for (let k = 0; k < n; k++) {
    for (const factor of [rowTotal[k]!, colTotal[k]!]) {
      if (factor < smallestScale) smallestScale = factor;
      if (factor > largestScale) largestScale = factor;
    }
  }
  return {
    ok: true,
    re: scaledRe,
    im: scaledIm,
    rowScale: rowTotal,
    spreadDecades: Math.log10(largestScale / smallestScale),
  };
}
