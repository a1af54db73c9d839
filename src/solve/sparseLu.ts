import { markowitzOrder, type PivotOrder } from "./markowitz.js";

/**
 * Sparse complex LU factorisation for a fixed sparsity pattern solved at many frequencies.
 *
 * The pivot order and the fill-in are found once (Markowitz with threshold pivoting, on the values of
 * the first frequency); every later factorisation replays a precompiled list of multiply–subtract
 * operations on flat Float64Arrays, with no allocation and no searching. A pivot that grows too small
 * relative to its row at some frequency triggers a fresh ordering at that frequency, as SPICE does.
 *
 * Values are split into real and imaginary Float64Arrays. Rows are equilibrated (largest entry of every
 * row scaled to 1) for the ordering, which makes its threshold test meaningful for MNA matrices that
 * mix electrical, mechanical and acoustic units; the pivot check during refactorisation compares a
 * pivot with its own value before elimination, which row scaling does not change.
 */
export class SparseComplexLu {
  readonly size: number;
  private readonly rows: Int32Array;
  private readonly cols: Int32Array;
  private plan: FactorPlan | undefined;
  private luRe: Float64Array;
  private luIm: Float64Array;
  private readonly workRe: Float64Array;
  private readonly workIm: Float64Array;
  private readonly invPivotRe: Float64Array;
  private readonly invPivotIm: Float64Array;
  private readonly pivotBefore: Float64Array;
  private readonly residualRe: Float64Array;
  private readonly residualIm: Float64Array;
  private readonly residualScale: Float64Array;
  private readonly correctionRe: Float64Array;
  private readonly correctionIm: Float64Array;
  /** Number of orderings computed so far (one, unless pivots went bad at some frequency). */
  orderings = 0;

  /**
   * @param size number of unknowns
   * @param rows row of each slot (the slots are the distinct non-zero positions of the matrix)
   * @param cols column of each slot
   */
  constructor(size: number, rows: Int32Array, cols: Int32Array) {
    this.size = size;
    this.rows = rows;
    this.cols = cols;
    // Fill-in can at worst make the factor dense; the plan tells the real size when it is built.
    this.luRe = new Float64Array(0);
    this.luIm = new Float64Array(0);
    this.workRe = new Float64Array(size);
    this.workIm = new Float64Array(size);
    this.invPivotRe = new Float64Array(size);
    this.invPivotIm = new Float64Array(size);
    this.pivotBefore = new Float64Array(size);
    this.residualRe = new Float64Array(size);
    this.residualIm = new Float64Array(size);
    this.residualScale = new Float64Array(size);
    this.correctionRe = new Float64Array(size);
    this.correctionIm = new Float64Array(size);
  }

  /**
   * Factorises the matrix whose slot values are (re[s], im[s]); returns false when the matrix is
   * singular (no acceptable pivot for some row), leaving `singularRows` set.
   */
  factor(re: Float64Array, im: Float64Array): boolean {
    if (this.plan !== undefined && this.refactor(re, im)) return true;
    return this.orderAndFactor(re, im);
  }

  /**
   * Orders afresh on these values, then factorises: used on the first call, when a pivot went bad,
   * and when `solveRefined` finds the reused order too inaccurate at some frequency.
   */
  orderAndFactor(re: Float64Array, im: Float64Array): boolean {
    const n = this.size;
    const { rows, cols } = this;
    // Equilibrate rows so that the threshold test compares like with like across domains.
    const rowScale = new Float64Array(n);
    for (let s = 0; s < rows.length; s++) {
      const magnitude = Math.abs(re[s]!) + Math.abs(im[s]!);
      const r = rows[s]!;
      if (magnitude > rowScale[r]! || Number.isNaN(magnitude)) rowScale[r] = magnitude;
    }
    for (let r = 0; r < n; r++) {
      const largest = rowScale[r]!;
      if (!(largest > 0) || !Number.isFinite(largest)) {
        this.singularRows = [r];
        return false;
      }
      rowScale[r] = 1 / largest;
    }
    const scaledRe = new Float64Array(re.length);
    const scaledIm = new Float64Array(im.length);
    for (let s = 0; s < rows.length; s++) {
      scaledRe[s] = re[s]! * rowScale[rows[s]!]!;
      scaledIm[s] = im[s]! * rowScale[rows[s]!]!;
    }
    const outcome = markowitzOrder(n, rows, cols, scaledRe, scaledIm);
    this.orderings++;
    if (!outcome.ok) {
      this.singularRows = outcome.rows;
      return false;
    }
    this.plan = buildFactorPlan(n, rows, cols, outcome.order);
    const lu = this.plan.size;
    if (this.luRe.length < lu) {
      this.luRe = new Float64Array(lu);
      this.luIm = new Float64Array(lu);
    }
    if (this.refactor(re, im, true)) return true;
    this.singularRows = [];
    return false;
  }

  /** Rows (unknowns) implicated when `factor` last returned false. */
  singularRows: number[] = [];

  /** Solves A·x = b with the last factorisation. x may alias nothing; b is not modified. */
  solve(bRe: Float64Array, bIm: Float64Array, xRe: Float64Array, xIm: Float64Array): void {
    const plan = this.plan!;
    const { luRe, luIm, workRe: yRe, workIm: yIm, invPivotRe, invPivotIm } = this;
    const { rowOrder, colOrder, rowStart, colIndex, diagonal } = plan;
    const n = this.size;
    for (let k = 0; k < n; k++) {
      const r = rowOrder[k]!;
      yRe[k] = bRe[r]!;
      yIm[k] = bIm[r]!;
    }
    for (let i = 0; i < n; i++) {
      let sr = yRe[i]!;
      let si = yIm[i]!;
      for (let p = rowStart[i]!, end = diagonal[i]!; p < end; p++) {
        const j = colIndex[p]!;
        const lr = luRe[p]!;
        const li = luIm[p]!;
        sr -= lr * yRe[j]! - li * yIm[j]!;
        si -= lr * yIm[j]! + li * yRe[j]!;
      }
      yRe[i] = sr;
      yIm[i] = si;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sr = yRe[i]!;
      let si = yIm[i]!;
      for (let p = diagonal[i]! + 1, end = rowStart[i + 1]!; p < end; p++) {
        const j = colIndex[p]!;
        const ur = luRe[p]!;
        const ui = luIm[p]!;
        sr -= ur * yRe[j]! - ui * yIm[j]!;
        si -= ur * yIm[j]! + ui * yRe[j]!;
      }
      const pr = invPivotRe[i]!;
      const pi = invPivotIm[i]!;
      yRe[i] = sr * pr - si * pi;
      yIm[i] = sr * pi + si * pr;
    }
    for (let k = 0; k < n; k++) {
      const c = colOrder[k]!;
      xRe[c] = yRe[k]!;
      xIm[c] = yIm[k]!;
    }
  }

  /**
   * Solves A·x = b with the last factorisation of A = (re, im), then checks the componentwise
   * backward error ω = maxᵢ |b − A·x|ᵢ / (|A|·|x| + |b|)ᵢ (Oettli–Prager) and, when it exceeds
   * REFINE_ABOVE, takes one step of iterative refinement. A pivot order chosen at one frequency can
   * lose digits at a far-away one; this catches and repairs that. Returns ω after refinement.
   */
  solveRefined(
    re: Float64Array,
    im: Float64Array,
    bRe: Float64Array,
    bIm: Float64Array,
    xRe: Float64Array,
    xIm: Float64Array,
  ): number {
    this.solve(bRe, bIm, xRe, xIm);
    let error = this.backwardError(re, im, bRe, bIm, xRe, xIm);
    if (!(error > REFINE_ABOVE)) return error;
    const { residualRe, residualIm, correctionRe, correctionIm } = this;
    this.solve(residualRe, residualIm, correctionRe, correctionIm);
    for (let i = 0; i < this.size; i++) {
      xRe[i] = xRe[i]! + correctionRe[i]!;
      xIm[i] = xIm[i]! + correctionIm[i]!;
    }
    error = this.backwardError(re, im, bRe, bIm, xRe, xIm);
    return error;
  }

  /** ω of `solveRefined`; leaves the residual b − A·x in residualRe/Im. */
  private backwardError(
    re: Float64Array,
    im: Float64Array,
    bRe: Float64Array,
    bIm: Float64Array,
    xRe: Float64Array,
    xIm: Float64Array,
  ): number {
    const { rows, cols, residualRe, residualIm, residualScale } = this;
    const n = this.size;
    for (let i = 0; i < n; i++) {
      residualRe[i] = bRe[i]!;
      residualIm[i] = bIm[i]!;
      residualScale[i] = Math.abs(bRe[i]!) + Math.abs(bIm[i]!);
    }
    for (let s = 0; s < rows.length; s++) {
      const i = rows[s]!;
      const j = cols[s]!;
      const ar = re[s]!;
      const ai = im[s]!;
      const vr = xRe[j]!;
      const vi = xIm[j]!;
      residualRe[i] = residualRe[i]! - (ar * vr - ai * vi);
      residualIm[i] = residualIm[i]! - (ar * vi + ai * vr);
      residualScale[i] =
        residualScale[i]! + (Math.abs(ar) + Math.abs(ai)) * (Math.abs(vr) + Math.abs(vi));
    }
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const scale = residualScale[i]!;
      if (scale === 0) continue;
      const error = (Math.abs(residualRe[i]!) + Math.abs(residualIm[i]!)) / scale;
      if (error > worst || Number.isNaN(error)) worst = error;
    }
    return worst;
  }

  /** Numeric factorisation along the stored plan; false when a pivot is too small to trust. */
  private refactor(re: Float64Array, im: Float64Array, lastResort = false): boolean {
    const plan = this.plan!;
    const { luRe, luIm, invPivotRe, invPivotIm } = this;
    const { slotPosition, diagonal, elimStart, elimTarget, updStart, updTarget, updSource } = plan;
    luRe.fill(0, 0, plan.size);
    luIm.fill(0, 0, plan.size);
    for (let s = 0; s < slotPosition.length; s++) {
      const p = slotPosition[s]!;
      luRe[p] = luRe[p]! + re[s]!;
      luIm[p] = luIm[p]! + im[s]!;
    }
    const n = this.size;
    const before = this.pivotBefore;
    for (let k = 0; k < n; k++) {
      const d = diagonal[k]!;
      before[k] = Math.abs(luRe[d]!) + Math.abs(luIm[d]!);
    }
    for (let k = 0; k < n; k++) {
      const d = diagonal[k]!;
      const pr = luRe[d]!;
      const pi = luIm[d]!;
      const magnitude = Math.abs(pr) + Math.abs(pi);
      // A pivot that cancellation shrank far below its own starting value is not to be trusted:
      // order afresh at this frequency (unless this order is itself the fresh one).
      const floor = lastResort ? 0 : CANCELLATION_LIMIT * before[k]!;
      if (!(magnitude > floor) || magnitude < 1e-300) return false;
      const denominator = pr * pr + pi * pi;
      const ir = pr / denominator;
      const ii = -pi / denominator;
      invPivotRe[k] = ir;
      invPivotIm[k] = ii;
      for (let e = elimStart[k]!, eEnd = elimStart[k + 1]!; e < eEnd; e++) {
        const t = elimTarget[e]!;
        const ar = luRe[t]!;
        const ai = luIm[t]!;
        const lr = ar * ir - ai * ii;
        const li = ar * ii + ai * ir;
        luRe[t] = lr;
        luIm[t] = li;
        for (let u = updStart[e]!, uEnd = updStart[e + 1]!; u < uEnd; u++) {
          const src = updSource[u]!;
          const dst = updTarget[u]!;
          const ur = luRe[src]!;
          const ui = luIm[src]!;
          luRe[dst] = luRe[dst]! - (lr * ur - li * ui);
          luIm[dst] = luIm[dst]! - (lr * ui + li * ur);
        }
      }
    }
    return true;
  }
}

/** Componentwise backward error above which `solveRefined` refines (a few units of rounding). */
const REFINE_ABOVE = 1e-15;

/** A pivot reduced by elimination below this fraction of its initial value triggers re-ordering. */
const CANCELLATION_LIMIT = 1e-8;

/** The factorisation compiled to flat index arrays in pivot order (CSR, fill included). */
interface FactorPlan extends PivotOrder {
  /** Number of stored entries of L + U. */
  readonly size: number;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  /** Position of the pivot (k, k) of each permuted row. */
  readonly diagonal: Int32Array;
  /** Where each matrix slot lands in the LU storage. */
  readonly slotPosition: Int32Array;
  /** Eliminations of step k: elimTarget[elimStart[k] … elimStart[k+1]) are the (i, k) entries. */
  readonly elimStart: Int32Array;
  readonly elimTarget: Int32Array;
  /** For elimination e: lu[updTarget[u]] −= l · lu[updSource[u]] for u in [updStart[e], updStart[e+1]). */
  readonly updStart: Int32Array;
  readonly updTarget: Int32Array;
  readonly updSource: Int32Array;
}

function buildFactorPlan(
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
  const elimStart = new Int32Array(n + 1);
  const elimTarget: number[] = [];
  const updStart: number[] = [0];
  const updTarget: number[] = [];
  const updSource: number[] = [];
  for (let k = 0; k < n; k++) {
    const targets = [...below[k]!].sort((a, b) => a - b);
    const rowK = upper[k]!.sort((a, b) => a - b);
    for (const i of targets) {
      elimTarget.push(position(colIndex, rowStart, i, k));
      for (const j of rowK) {
        updTarget.push(position(colIndex, rowStart, i, j));
        updSource.push(position(colIndex, rowStart, k, j));
      }
      updStart.push(updTarget.length);
    }
    elimStart[k + 1] = elimTarget.length;
  }
  return {
    rowOrder: order.rowOrder,
    colOrder: order.colOrder,
    size,
    rowStart,
    colIndex,
    diagonal,
    slotPosition,
    elimStart,
    elimTarget: Int32Array.from(elimTarget),
    updStart: Int32Array.from(updStart),
    updTarget: Int32Array.from(updTarget),
    updSource: Int32Array.from(updSource),
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
