import type { PivotOrder } from "./markowitz.js";

/*
 * Symbolic factorisation: given a pivot order, the pattern of L + U (fill-in included) in pivot order
 * as CSR, where each matrix slot lands, and the numeric elimination compiled to a flat program.
 */

/** The factorisation compiled to flat index arrays in pivot order (CSR, fill included). */
export interface FactorPlan extends PivotOrder {
  /** colStep[c]: the pivot step at which column (unknown) c is eliminated. */
  readonly colStep: Int32Array;
  /** rowStep[r]: the pivot step at which row r is eliminated. */
  readonly rowStep: Int32Array;
  /** Number of stored entries of L + U. */
  readonly size: number;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  /** Position of the pivot (k, k) of each permuted row. */
  readonly diagonal: Int32Array;
  /**
   * Where each matrix slot lands in the LU storage, which LU positions are fill-in (zeroed before
   * each factorisation), and where each pivot is — all as offsets into the interleaved re/im arrays
   * (position × 2).
   */
  readonly slotOffset: Int32Array;
  readonly fillOffset: Int32Array;
  readonly pivotOffset: Int32Array;
  /**
   * The numeric factorisation as one flat program, read front to back. For each pivot step k:
   * [2·pos(k,k), E], then for each of the E entries (i, k) below the pivot:
   * [2·pos(i,k), U], then U pairs [2·pos(i,j), 2·pos(k,j)] meaning a(i,j) −= l(i,k)·u(k,j).
   * Positions are doubled because the factor stores re and im interleaved.
   */
  readonly program: Int32Array;
}

export function buildFactorPlan(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  order: PivotOrder,
): FactorPlan {
  const rowStep = new Int32Array(n);
  const colStep = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    rowStep[order.rowOrder[k]!] = k;
    colStep[order.colOrder[k]!] = k;
  }
  // Symbolic elimination in pivot order: the pattern of L + U.
  const pattern: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const below: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (let s = 0; s < rows.length; s++) {
    const i = rowStep[rows[s]!]!;
    const j = colStep[cols[s]!]!;
    pattern[i]!.add(j);
    if (i > j) below[j]!.add(i);
  }
  const upper: number[][] = [];
  for (let k = 0; k < n; k++) {
    const rowK = [...pattern[k]!].filter((j) => j > k);
    upper.push(rowK);
    for (const i of below[k]!) {
      const rowI = pattern[i]!;
      for (const j of rowK) {
        if (!rowI.has(j)) {
          rowI.add(j);
          if (i > j) below[j]!.add(i);
        }
      }
    }
  }
  const rowStart = new Int32Array(n + 1);
  const sortedRows = pattern.map((set) => Int32Array.from(set).sort());
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i]! + sortedRows[i]!.length;
  const size = rowStart[n]!;
  const colIndex = new Int32Array(size);
  const diagonal = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    colIndex.set(sortedRows[i]!, rowStart[i]!);
    diagonal[i] = position(colIndex, rowStart, i, i);
  }
  const slotPosition = new Int32Array(rows.length);
  for (let s = 0; s < rows.length; s++) {
    slotPosition[s] = position(colIndex, rowStart, rowStep[rows[s]!]!, colStep[cols[s]!]!);
  }
  const slotAt = new Int32Array(size).fill(-1);
  for (let s = 0; s < rows.length; s++) slotAt[slotPosition[s]!] = s;
  const fillPositions: number[] = [];
  for (let p = 0; p < size; p++) if (slotAt[p]! < 0) fillPositions.push(p);

  const program: number[] = [];
  for (let k = 0; k < n; k++) {
    const targets = [...below[k]!].sort((a, b) => a - b);
    const rowK = upper[k]!.sort((a, b) => a - b);
    program.push(2 * diagonal[k]!, targets.length);
    for (const i of targets) {
      program.push(2 * position(colIndex, rowStart, i, k), rowK.length);
      for (const j of rowK) {
        program.push(
          2 * position(colIndex, rowStart, i, j),
          2 * position(colIndex, rowStart, k, j),
        );
      }
    }
  }
  return {
    colStep,
    rowStep,
    rowOrder: order.rowOrder,
    colOrder: order.colOrder,
    size,
    rowStart,
    colIndex,
    diagonal,
    slotOffset: Int32Array.from(slotPosition, (p) => 2 * p),
    fillOffset: Int32Array.from(fillPositions, (p) => 2 * p),
    pivotOffset: Int32Array.from(diagonal, (p) => 2 * p),
    program: Int32Array.from(program),
  };
}

/** Index of column j in CSR row i (binary search); the entry must exist. */
function position(colIndex: Int32Array, rowStart: Int32Array, i: number, j: number): number {
  let lo = rowStart[i]!;
  let hi = rowStart[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = colIndex[mid]!;
    if (c === j) return mid;
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`internal: entry (${i}, ${j}) missing from the LU pattern`);
}
