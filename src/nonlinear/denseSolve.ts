/**
 * LU factorisation of a dense real matrix (row-major n×n) with partial pivoting, and solves along
 * it: for the harmonic-balance Newton steps, whose systems have a few dozen to a few hundred
 * unknowns and whose Jacobian is kept over several steps (factored once, solved many times).
 */
export interface DenseLu {
  readonly n: number;
  /** L below the diagonal (unit diagonal implied), U on and above it. */
  readonly lu: Float64Array;
  /** Row swapped with row k at step k. */
  readonly pivots: Int32Array;
}

/** The factors of `a` (left untouched), or undefined when a pivot is exactly zero (singular). */
export function factorDense(a: Float64Array, n: number): DenseLu | undefined {
  const lu = Float64Array.from(a);
  const pivots = new Int32Array(n);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++)
      if (Math.abs(lu[row * n + col]!) > Math.abs(lu[pivot * n + col]!)) pivot = row;
    pivots[col] = pivot;
    if (lu[pivot * n + col] === 0) return undefined;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const t = lu[col * n + k]!;
        lu[col * n + k] = lu[pivot * n + k]!;
        lu[pivot * n + k] = t;
      }
    }
    const diagonal = lu[col * n + col]!;
    for (let row = col + 1; row < n; row++) {
      const factor = lu[row * n + col]! / diagonal;
      lu[row * n + col] = factor;
      if (factor === 0) continue;
      for (let k = col + 1; k < n; k++)
        lu[row * n + k] = lu[row * n + k]! - factor * lu[col * n + k]!;
    }
  }
  return { n, lu, pivots };
}

/**
 * Solves A·x = b along the factors, b overwritten by x. The factorisation swaps whole rows (its
 * multipliers move with them), so P·A = L·U with P every swap in order: b is permuted first, then
 * L and U are substituted. (Interleaving the swaps with the forward pass, as for factors that swap
 * only the trailing columns, gives wrong answers after a late pivot.)
 */
export function solveDense({ n, lu, pivots }: DenseLu, b: Float64Array): void {
  for (let col = 0; col < n; col++) {
    const pivot = pivots[col]!;
    if (pivot !== col) {
      const t = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = t;
    }
  }
  for (let col = 0; col < n; col++) {
    const value = b[col]!;
    if (value === 0) continue;
    for (let row = col + 1; row < n; row++) b[row] = b[row]! - lu[row * n + col]! * value;
  }
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < n; k++) sum -= lu[row * n + k]! * b[k]!;
    b[row] = sum / lu[row * n + row]!;
  }
}
