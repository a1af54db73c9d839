/**
 * Pivot ordering for a sparse complex matrix by Markowitz's criterion with threshold pivoting — the
 * strategy SPICE's sparse package (Kundert, "Sparse 1.3") uses for modified nodal analysis matrices,
 * whose diagonal may hold structural zeros (voltage-source and transformer branch rows).
 *
 * At each step the pivot is the entry (i, j) of the remaining sub-matrix with the smallest Markowitz
 * cost (rᵢ − 1)(cⱼ − 1) (rᵢ, cⱼ: entries in its row and column) among those whose magnitude is at least
 * `threshold` times the largest magnitude in their column. Eliminating numerically as we go gives both
 * the order and the fill-in; the numeric factor is recomputed later along the fixed order.
 */

export interface PivotOrder {
  /** rowOrder[k]: original row eliminated at step k. */
  readonly rowOrder: Int32Array;
  /** colOrder[k]: original column eliminated at step k. */
  readonly colOrder: Int32Array;
}

export type OrderingOutcome =
  | { readonly ok: true; readonly order: PivotOrder }
  /**
   * No usable pivot: these original rows/columns were left. `exact`: every entry left is exactly
   * zero (the matrix is singular there); otherwise some are non-zero but negligible beside the
   * matrix's largest (below NEGLIGIBLE of it, after equilibration): ill-conditioned.
   */
  | {
      readonly ok: false;
      readonly rows: number[];
      readonly cols: number[];
      readonly exact: boolean;
    };

/** Relative pivot threshold: a pivot must be ≥ this fraction of the largest entry in its column. */
export const PIVOT_THRESHOLD = 1e-3;

/** Below this relative size an entry is treated as an exact zero when looking for pivots. */
const NEGLIGIBLE = 1e-14;

/** The searches for a pivot, in turn: [among `first` only, `last` allowed]. */
const PASSES: readonly (readonly [boolean, boolean])[] = [
  [true, false],
  [false, false],
  [false, true],
];

/** Rows examined after the first acceptable pivot is found. */
const SEARCH_LIMIT = 8;

/**
 * Orders the n×n matrix given as coordinates (rows[s], cols[s]) with complex values (re[s], im[s]).
 * Values are expected to be row-equilibrated (largest magnitude ≈ 1 in every row).
 */
export function markowitzOrder(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  re: Float64Array,
  im: Float64Array,
  /** Unknowns (row and column i) to eliminate last, when there is any other choice. */
  last: Uint8Array = new Uint8Array(n),
  threshold = PIVOT_THRESHOLD,
  /**
   * Unknowns to eliminate first, while an acceptable pivot with both its row and its column among
   * them is left: the factor then opens with their block (see FactorPlan.headSteps).
   */
  first: Uint8Array = new Uint8Array(n),
): OrderingOutcome {
  // Remaining sub-matrix as one map per row (column → value) and a column → rows index.
  const rowRe: Map<number, number>[] = [];
  const rowIm: Map<number, number>[] = [];
  const colRows: Set<number>[] = [];
  for (let i = 0; i < n; i++) {
    rowRe.push(new Map());
    rowIm.push(new Map());
    colRows.push(new Set());
  }
  for (let s = 0; s < rows.length; s++) {
    const i = rows[s]!;
    const j = cols[s]!;
    rowRe[i]!.set(j, (rowRe[i]!.get(j) ?? 0) + re[s]!);
    rowIm[i]!.set(j, (rowIm[i]!.get(j) ?? 0) + im[s]!);
    colRows[j]!.add(i);
  }

  const rowDone = new Uint8Array(n);
  const colDone = new Uint8Array(n);
  const rowOrder = new Int32Array(n);
  const colOrder = new Int32Array(n);
  const colMax = new Float64Array(n);
  let scale = 0;
  for (let s = 0; s < re.length; s++) scale = Math.max(scale, modulus(re[s]!, im[s]!));
  const negligible = NEGLIGIBLE * (scale > 0 ? scale : 1);

  const colMaxStep = new Int32Array(n).fill(-1);
  // Rows bucketed by their current number of entries, kept up to date as elimination fills them.
  const buckets: Set<number>[] = Array.from({ length: n + 1 }, () => new Set<number>());
  for (let i = 0; i < n; i++) buckets[rowRe[i]!.size]!.add(i);
  const columnMax = (j: number, step: number): number => {
    if (colMaxStep[j] === step) return colMax[j]!;
    let largest = 0;
    for (const i of colRows[j]!) {
      const magnitude = modulus(rowRe[i]!.get(j)!, rowIm[i]!.get(j)!);
      if (magnitude > largest) largest = magnitude;
    }
    colMax[j] = largest;
    colMaxStep[j] = step;
    return largest;
  };

  let firstRowsLeft = 0;
  for (let i = 0; i < n; i++) firstRowsLeft += first[i]!;
  for (let k = 0; k < n; k++) {
    // Rows in order of increasing length: short rows give cheap pivots. Once a candidate is found,
    // only a few more rows are examined (the search limit of Sparse 1.3): the order stays good and
    // the search stays linear.
    let bestRow = -1;
    let bestCol = -1;
    // Unknowns marked `first` go first while one of them can pivot; unknowns marked `last` (outputs
    // and driven rows) wait until nothing else is left: the factor then ends with a small system on
    // them, so a solve for them touches only the last rows.
    for (const [onlyFirst, allowLast] of PASSES) {
      if (onlyFirst && firstRowsLeft === 0) continue;
      let bestCost = Infinity;
      let bestMagnitude = 0;
      let rowsAfterFirstCandidate = 0;
      search: for (const rowsOfCount of buckets) {
        for (const i of rowsOfCount) {
          if ((!allowLast && last[i]) || (onlyFirst && !first[i])) continue;
          if (bestRow >= 0 && (bestCost === 0 || ++rowsAfterFirstCandidate > SEARCH_LIMIT))
            break search;
          const rowCount = rowRe[i]!.size - 1;
          for (const [j, vr] of rowRe[i]!) {
            if ((!allowLast && last[j]) || (onlyFirst && !first[j])) continue;
            const magnitude = modulus(vr, rowIm[i]!.get(j)!);
            if (magnitude <= negligible) continue;
            const largest = columnMax(j, k);
            if (magnitude < threshold * largest) continue;
            const cost = rowCount * (colRows[j]!.size - 1);
            // Ties go to the larger pivot relative to its column: better accuracy at no extra fill.
            const relative = magnitude / largest;
            if (cost < bestCost || (cost === bestCost && relative > bestMagnitude)) {
              bestCost = cost;
              bestRow = i;
              bestCol = j;
              bestMagnitude = relative;
            }
          }
        }
      }
      if (bestRow >= 0) break;
    }
    if (bestRow < 0) {
      const rowsLeft: number[] = [];
      const colsLeft: number[] = [];
      for (let i = 0; i < n; i++) if (!rowDone[i]) rowsLeft.push(i);
      for (let j = 0; j < n; j++) if (!colDone[j]) colsLeft.push(j);
      const exact = rowsLeft.every((i) =>
        [...rowRe[i]!].every(([j, vr]) => vr === 0 && rowIm[i]!.get(j) === 0),
      );
      return { ok: false, rows: rowsLeft, cols: colsLeft, exact };
    }
    rowOrder[k] = bestRow;
    colOrder[k] = bestCol;
    buckets[rowRe[bestRow]!.size]!.delete(bestRow);
    const affected = [...colRows[bestCol]!].filter((i) => i !== bestRow);
    for (const i of affected) buckets[rowRe[i]!.size]!.delete(i);
    eliminate(bestRow, bestCol, rowRe, rowIm, colRows);
    for (const i of affected) buckets[rowRe[i]!.size]!.add(i);
    rowDone[bestRow] = 1;
    colDone[bestCol] = 1;
    firstRowsLeft -= first[bestRow]!;
  }
  return { ok: true, order: { rowOrder, colOrder } };
}

/**
 * |re + j·im| as √(re² + im²): the values here are row-equilibrated (moduli at most about 1), so
 * the squares cannot overflow, and those small enough to underflow are negligible anyway — no
 * need for Math.hypot's care, which costs several times more.
 */
function modulus(re: number, im: number): number {
  return Math.sqrt(re * re + im * im);
}

/** One step of Gaussian elimination on the remaining sub-matrix, creating fill where needed. */
function eliminate(
  pivotRow: number,
  pivotCol: number,
  rowRe: Map<number, number>[],
  rowIm: Map<number, number>[],
  colRows: Set<number>[],
): void {
  const pRe = rowRe[pivotRow]!;
  const pIm = rowIm[pivotRow]!;
  const pr = pRe.get(pivotCol)!;
  const pi = pIm.get(pivotCol)!;
  const denominator = pr * pr + pi * pi;
  for (const j of pRe.keys()) colRows[j]!.delete(pivotRow);
  for (const i of colRows[pivotCol]!) {
    const iRe = rowRe[i]!;
    const iIm = rowIm[i]!;
    const ar = iRe.get(pivotCol)!;
    const ai = iIm.get(pivotCol)!;
    // factor = a(i, pivotCol) / pivot
    const fr = (ar * pr + ai * pi) / denominator;
    const fi = (ai * pr - ar * pi) / denominator;
    iRe.delete(pivotCol);
    iIm.delete(pivotCol);
    for (const [j, ur] of pRe) {
      if (j === pivotCol) continue;
      const ui = pIm.get(j)!;
      const oldRe = iRe.get(j);
      if (oldRe === undefined) colRows[j]!.add(i);
      iRe.set(j, (oldRe ?? 0) - (fr * ur - fi * ui));
      iIm.set(j, (iIm.get(j) ?? 0) - (fr * ui + fi * ur));
    }
  }
  colRows[pivotCol]!.clear();
}
