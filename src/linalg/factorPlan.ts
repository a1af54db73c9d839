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
  /**
   * Number of stored entries: the L + U pattern (rowStart[n] of them), then one per entry of the
   * tail that the head updates (see `boundary`).
   */
  readonly size: number;
  /**
   * Pivot steps of the head: the first `headSteps` pivots, whose rows and columns the caller asked
   * to have eliminated first (0: no head). The head's updates of entries that lie in the tail (row
   * and column both at a step ≥ headSteps) are not applied as they come: they are summed, from 0,
   * in entries of their own past the pattern, and added to their targets at the boundary, before
   * the tail's first pivot. The tail then depends on the head only through those sums, which a
   * caller may keep and give again (see SparseComplexLu.factorTailInPlace).
   */
  readonly headSteps: number;
  /**
   * [target, sum] offset pairs applied at the boundary: a(target) += a(sum). Sum b is stored entry
   * rowStart[n] + b (the sums follow the pattern, in this order).
   */
  readonly boundary: Int32Array;
  /** Where the tail's first pivot step starts in `program`. */
  readonly tailProgramStart: number;
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
  headSteps = 0,
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
  const patternSize = rowStart[n]!;
  const colIndex = new Int32Array(patternSize);
  const diagonal = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    colIndex.set(sortedRows[i]!, rowStart[i]!);
    diagonal[i] = position(colIndex, rowStart, i, i);
  }
  const slotPosition = new Int32Array(rows.length);
  for (let s = 0; s < rows.length; s++) {
    slotPosition[s] = position(colIndex, rowStart, rowStep[rows[s]!]!, colStep[cols[s]!]!);
  }
  const slotAt = new Int32Array(patternSize).fill(-1);
  for (let s = 0; s < rows.length; s++) slotAt[slotPosition[s]!] = s;
  const fillPositions: number[] = [];
  for (let p = 0; p < patternSize; p++) if (slotAt[p]! < 0) fillPositions.push(p);

  // The head's updates of tail entries go to sums of their own (see headSteps).
  const sumOf = new Map<number, number>();
  const target = (k: number, i: number, j: number): number => {
    const p = position(colIndex, rowStart, i, j);
    if (k >= headSteps || i < headSteps || j < headSteps) return p;
    let sum = sumOf.get(p);
    if (sum === undefined) {
      sum = patternSize + sumOf.size;
      sumOf.set(p, sum);
      fillPositions.push(sum);
    }
    return sum;
  };
  const program: number[] = [];
  let tailProgramStart = 0;
  for (let k = 0; k < n; k++) {
    if (k === headSteps) tailProgramStart = program.length;
    const targets = [...below[k]!].sort((a, b) => a - b);
    const rowK = upper[k]!.sort((a, b) => a - b);
    program.push(2 * diagonal[k]!, targets.length);
    for (const i of targets) {
      program.push(2 * position(colIndex, rowStart, i, k), rowK.length);
      for (const j of rowK)
        program.push(2 * target(k, i, j), 2 * position(colIndex, rowStart, k, j));
    }
  }
  const size = patternSize + sumOf.size;
  const boundary = new Int32Array(2 * sumOf.size);
  let b = 0;
  for (const [p, sum] of sumOf) {
    boundary[b++] = 2 * p;
    boundary[b++] = 2 * sum;
  }
  return {
    headSteps,
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
    boundary,
    tailProgramStart,
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
