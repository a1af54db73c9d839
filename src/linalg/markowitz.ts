import { OrderingMatrix } from "./orderingMatrix.js";

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
  const m = new OrderingMatrix(n, rows, cols, re, im);
  const rowDone = new Uint8Array(n);
  const colDone = new Uint8Array(n);
  const rowOrder = new Int32Array(n);
  const colOrder = new Int32Array(n);
  let scale = 0;
  for (let s = 0; s < re.length; s++) scale = Math.max(scale, modulus(re[s]!, im[s]!));
  const negligible = NEGLIGIBLE * (scale > 0 ? scale : 1);
  // The largest magnitude in each column among the rows left, kept until the column changes (an
  // elimination changes only the columns of its pivot row).
  const colMax = new Float64Array(n);
  const colMaxKnown = new Uint8Array(n);
  const columnMax = (j: number): number => {
    if (colMaxKnown[j]) return colMax[j]!;
    let largest = 0;
    for (let e = m.colFirst[j]!; e >= 0; e = m.nextDown(e)) {
      const magnitude = modulus(m.re[e]!, m.im[e]!);
      if (magnitude > largest) largest = magnitude;
    }
    colMax[j] = largest;
    colMaxKnown[j] = 1;
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
      search: for (let count = 0; count <= m.longestRow; count++) {
        for (let i = m.bucketFirst[count]!; i >= 0; i = m.nextRowInBucket(i)) {
          if ((!allowLast && last[i]) || (onlyFirst && !first[i])) continue;
          if (bestRow >= 0 && (bestCost === 0 || ++rowsAfterFirstCandidate > SEARCH_LIMIT))
            break search;
          const rowCount = m.rowSize[i]! - 1;
          for (let e = m.rowFirst[i]!; e >= 0; e = m.next(e)) {
            const j = m.col[e]!;
            if ((!allowLast && last[j]) || (onlyFirst && !first[j])) continue;
            const magnitude = modulus(m.re[e]!, m.im[e]!);
            if (magnitude <= negligible) continue;
            const largest = columnMax(j);
            if (magnitude < threshold * largest) continue;
            const cost = rowCount * (m.colSize[j]! - 1);
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
      const exact = rowsLeft.every((i) => {
        for (let e = m.rowFirst[i]!; e >= 0; e = m.next(e))
          if (m.re[e] !== 0 || m.im[e] !== 0) return false;
        return true;
      });
      return { ok: false, rows: rowsLeft, cols: colsLeft, exact };
    }
    rowOrder[k] = bestRow;
    colOrder[k] = bestCol;
    m.removeFromBucket(bestRow);
    const affected: number[] = [];
    for (let e = m.colFirst[bestCol]!; e >= 0; e = m.nextDown(e))
      if (m.row[e] !== bestRow) affected.push(m.row[e]!);
    for (const i of affected) m.removeFromBucket(i);
    eliminate(m, bestRow, bestCol, colMaxKnown);
    for (const i of affected) m.addToBucket(i);
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

/**
 * One step of Gaussian elimination on the remaining sub-matrix, creating fill where needed; the
 * columns it changes lose their known largest magnitude (`colMaxKnown`).
 */
function eliminate(
  m: OrderingMatrix,
  pivotRow: number,
  pivotCol: number,
  colMaxKnown: Uint8Array,
): void {
  let pivot = m.rowFirst[pivotRow]!;
  while (m.col[pivot] !== pivotCol) pivot = m.next(pivot);
  const pr = m.re[pivot]!;
  const pi = m.im[pivot]!;
  const denominator = pr * pr + pi * pi;
  for (let e = m.rowFirst[pivotRow]!; e >= 0; e = m.next(e)) {
    m.unlinkFromCol(e);
    colMaxKnown[m.col[e]!] = 0;
  }
  for (let below = m.colFirst[pivotCol]!; below >= 0; below = m.nextDown(below)) {
    const i = m.row[below]!;
    const ar = m.re[below]!;
    const ai = m.im[below]!;
    // factor = a(i, pivotCol) / pivot
    const fr = (ar * pr + ai * pi) / denominator;
    const fi = (ai * pr - ar * pi) / denominator;
    m.unlinkFromRow(below);
    m.scatter(i);
    for (let u = m.rowFirst[pivotRow]!; u >= 0; u = m.next(u)) {
      const j = m.col[u]!;
      if (j === pivotCol) continue;
      const ur = m.re[u]!;
      const ui = m.im[u]!;
      const t = m.entryAt(j);
      if (t < 0) {
        m.append(i, j, 0 - (fr * ur - fi * ui), 0 - (fr * ui + fi * ur));
      } else {
        m.re[t] = m.re[t]! - (fr * ur - fi * ui);
        m.im[t] = m.im[t]! - (fr * ui + fi * ur);
      }
    }
    m.unscatter(i);
  }
  m.clearColumn(pivotCol);
}
