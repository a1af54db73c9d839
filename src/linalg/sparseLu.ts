import {
  MAX_COMPILED_OPERATIONS,
  compileElimination,
  compileSolve,
  planOperations,
  type CompiledSolve,
  type Elimination,
} from "./compiledElimination.js";
import { buildFactorPlan, type FactorPlan } from "./factorPlan.js";
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
  /** Unknowns the ordering keeps for last (see `solveFor`). */
  private readonly last: Uint8Array;
  /** Back-substitution steps `solveFor` needs, per list of wanted unknowns, for the current plan. */
  private readonly stepsFor = new WeakMap<Int32Array, { plan: FactorPlan; steps: Int32Array }>();
  /** The last `wanted` given to `solveFor`, for which plan, and its back-substitution steps. */
  private lastWanted: Int32Array | undefined;
  private lastPlan: FactorPlan | undefined;
  private lastSteps: Int32Array = new Int32Array(0);
  /** 0, 1, …, size − 1: what `solve` wants. */
  private readonly everyUnknown: Int32Array;
  private readonly cols: Int32Array;
  private plan: FactorPlan | undefined;
  /** L and U, re and im interleaved (entry p at 2p, 2p+1). */
  private lu: Float64Array;
  /** Work vector and inverse pivots, re and im interleaved. */
  private readonly work: Float64Array;
  private readonly inversePivot: Float64Array;
  /** |pivot| before elimination, for the cancellation check. */
  private readonly pivotBefore: Float64Array;
  private readonly residualRe: Float64Array;
  private readonly residualIm: Float64Array;
  /** The slots grouped by row (for the residual): slots byRowSlot[byRowStart[i] … byRowStart[i+1]). */
  private readonly byRowStart: Int32Array;
  private readonly byRowSlot: Int32Array;
  private readonly byRowCol: Int32Array;
  private readonly correctionRe: Float64Array;
  private readonly correctionIm: Float64Array;
  /** This pattern (size, rows, cols) as a key of PLAN_CACHE, made on the first ordering. */
  private patternKey: string | undefined;
  /** The shared code of `codePlan` (see PlanCode). */
  private code: PlanCode | undefined;
  private codePlan: FactorPlan | undefined;
  /** The last repeated partial solve (plan, wanted, driven) and its shared code entry. */
  private partialEntry: SolveCode | undefined;
  private partialPlan: FactorPlan | undefined;
  private partialWanted: Int32Array | undefined;
  private partialDriven: Int32Array | undefined;
  /** Number of orderings computed so far (one, unless pivots went bad at some frequency). */
  orderings = 0;

  /**
   * @param size number of unknowns
   * @param rows row of each slot (the slots are the distinct non-zero positions of the matrix)
   * @param cols column of each slot
   */
  constructor(
    size: number,
    rows: Int32Array,
    cols: Int32Array,
    options: { readonly eliminateLast?: readonly number[] } = {},
  ) {
    this.size = size;
    this.rows = rows;
    this.cols = cols;
    this.last = new Uint8Array(size);
    this.everyUnknown = Int32Array.from({ length: size }, (_, i) => i);
    for (const unknown of options.eliminateLast ?? []) this.last[unknown] = 1;
    // Fill-in can at worst make the factor dense; the plan tells the real size when it is built.
    this.lu = new Float64Array(0);
    this.work = new Float64Array(2 * size);
    this.inversePivot = new Float64Array(2 * size);
    this.pivotBefore = new Float64Array(size);
    this.residualRe = new Float64Array(size);
    this.residualIm = new Float64Array(size);
    this.byRowStart = new Int32Array(size + 1);
    for (let s = 0; s < rows.length; s++) this.byRowStart[rows[s]! + 1]!++;
    for (let i = 0; i < size; i++)
      this.byRowStart[i + 1] = this.byRowStart[i + 1]! + this.byRowStart[i]!;
    const next = this.byRowStart.slice(0, size);
    this.byRowSlot = new Int32Array(rows.length);
    for (let s = 0; s < rows.length; s++) this.byRowSlot[next[rows[s]!]!++] = s;
    this.byRowCol = Int32Array.from(this.byRowSlot, (s) => cols[s]!);
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
    const outcome = markowitzOrder(n, rows, cols, scaledRe, scaledIm, this.last);
    this.orderings++;
    if (!outcome.ok) {
      this.singularRows = outcome.rows;
      return false;
    }
    this.patternKey ??= `${n};${rows.join(",")};${cols.join(",")}`;
    this.plan = sharedPlan(this.patternKey, n, rows, cols, outcome.order);
    if (this.lu.length < 2 * this.plan.size) this.lu = new Float64Array(2 * this.plan.size);
    if (this.refactor(re, im, true)) return true;
    this.singularRows = [];
    return false;
  }

  /** Rows (unknowns) implicated when `factor` last returned false. */
  singularRows: number[] = [];

  /** Solves A·x = b with the last factorisation. x may alias nothing; b is not modified. */
  solve(bRe: Float64Array, bIm: Float64Array, xRe: Float64Array, xIm: Float64Array): void {
    this.solveFor(bRe, bIm, this.everyUnknown, xRe, xIm);
  }

  /**
   * Solves A·x = b for the unknowns in `wanted` only (the other entries of x are left as they were).
   * Forward substitution starts at the first row with a non-zero right side, and back substitution
   * visits only the rows the wanted unknowns depend on. When the wanted unknowns and the driven rows
   * were given as `eliminateLast`, both are a handful of rows at the end of the factor.
   */
  solveFor(
    bRe: Float64Array,
    bIm: Float64Array,
    wanted: Int32Array,
    xRe: Float64Array,
    xIm: Float64Array,
    /** When given: b is zero outside these rows (a fixed set of driven rows), whatever they hold. */
    driven?: Int32Array,
  ): void {
    const plan = this.plan!;
    const { lu, work: y, inversePivot } = this;
    // A partial solve that repeats (a sweep's outputs at every frequency) is compiled to
    // straight-line code once it is clear that it does (see COMPILE_AFTER_USES); the code is shared
    // by every factorisation along the same plan.
    // (Complete solves stay loops: as straight-line code they are too long for the engine to
    // optimise.)
    const entry =
      driven !== undefined && wanted !== this.everyUnknown
        ? this.partialSolveEntry(plan, wanted, driven)
        : undefined;
    if (entry?.code) {
      entry.code(bRe, bIm, lu, inversePivot, xRe, xIm);
      return;
    }
    const { rowOrder, rowStart, colIndex, diagonal, rowStep } = plan;
    const n = this.size;
    let start = n;
    if (driven !== undefined) {
      for (let d = 0; d < driven.length; d++) {
        const step = rowStep[driven[d]!]!;
        if (step < start) start = step;
      }
    } else {
      start = 0;
      while (start < n && bRe[rowOrder[start]!] === 0 && bIm[rowOrder[start]!] === 0) start++;
    }
    let steps = this.lastSteps;
    if (wanted !== this.lastWanted || plan !== this.lastPlan) {
      steps = this.backSteps(plan, wanted);
      this.lastWanted = wanted;
      this.lastPlan = plan;
      this.lastSteps = steps;
    }
    if (entry !== undefined && entry.code === undefined && ++entry.uses >= COMPILE_AFTER_USES) {
      entry.code = compileSolve(plan, n, start, steps, wanted) ?? null;
      if (entry.code) {
        entry.code(bRe, bIm, lu, inversePivot, xRe, xIm);
        return;
      }
    }
    // y is zero before `start`; back substitution reads it from its earliest step on.
    const earliest = steps.length > 0 ? steps[steps.length - 1]! : n;
    if (earliest < start) y.fill(0, 2 * earliest, 2 * start);
    for (let k = start; k < n; k++) {
      const r = rowOrder[k]!;
      let sr = bRe[r]!;
      let si = bIm[r]!;
      // y is zero before `start`: skip the L entries there (a driven row eliminated last can have
      // a long L row of fill, all of it in those columns).
      const end = diagonal[k]!;
      let p = rowStart[k]!;
      if (p < end && colIndex[p]! < start) p = firstAtLeast(colIndex, p, end, start);
      for (; p < end; p++) {
        const j = 2 * colIndex[p]!;
        const lr = lu[2 * p]!;
        const li = lu[2 * p + 1]!;
        sr -= lr * y[j]! - li * y[j + 1]!;
        si -= lr * y[j + 1]! + li * y[j]!;
      }
      y[2 * k] = sr;
      y[2 * k + 1] = si;
    }
    for (let q = 0; q < steps.length; q++) {
      const i = steps[q]!;
      let sr = y[2 * i]!;
      let si = y[2 * i + 1]!;
      for (let p = diagonal[i]! + 1, end = rowStart[i + 1]!; p < end; p++) {
        const j = 2 * colIndex[p]!;
        const ur = lu[2 * p]!;
        const ui = lu[2 * p + 1]!;
        sr -= ur * y[j]! - ui * y[j + 1]!;
        si -= ur * y[j + 1]! + ui * y[j]!;
      }
      const pr = inversePivot[2 * i]!;
      const pi = inversePivot[2 * i + 1]!;
      y[2 * i] = sr * pr - si * pi;
      y[2 * i + 1] = sr * pi + si * pr;
    }
    for (let w = 0; w < wanted.length; w++) {
      const unknown = wanted[w]!;
      const k = plan.colStep[unknown]!;
      xRe[unknown] = y[2 * k]!;
      xIm[unknown] = y[2 * k + 1]!;
    }
  }

  /** The shared code entry of a partial solve (wanted unknowns, driven rows) along `plan`. */
  private partialSolveEntry(plan: FactorPlan, wanted: Int32Array, driven: Int32Array): SolveCode {
    if (
      plan !== this.partialPlan ||
      wanted !== this.partialWanted ||
      driven !== this.partialDriven ||
      this.partialEntry === undefined
    ) {
      let start = this.size;
      for (let d = 0; d < driven.length; d++) start = Math.min(start, plan.rowStep[driven[d]!]!);
      this.partialPlan = plan;
      this.partialWanted = wanted;
      this.partialDriven = driven;
      this.partialEntry = solveCode(this.codeOf(plan), `${start};${wanted.join(",")}`);
    }
    return this.partialEntry;
  }

  /** The shared code of `plan`. */
  private codeOf(plan: FactorPlan): PlanCode {
    if (plan !== this.codePlan || this.code === undefined) {
      this.codePlan = plan;
      this.code = planCode(plan);
    }
    return this.code;
  }

  /** Pivot steps of the wanted unknowns and every later step their U rows reach, descending. */
  private backSteps(plan: FactorPlan, wanted: Int32Array): Int32Array {
    const cached = this.stepsFor.get(wanted);
    if (cached?.plan === plan) return cached.steps;
    const needed = new Uint8Array(this.size);
    for (const unknown of wanted) needed[plan.colStep[unknown]!] = 1;
    // U rows only reach later steps, so one pass from the start closes the set.
    for (let i = 0; i < this.size; i++) {
      if (!needed[i]) continue;
      for (let p = plan.diagonal[i]! + 1; p < plan.rowStart[i + 1]!; p++)
        needed[plan.colIndex[p]!] = 1;
    }
    const steps: number[] = [];
    for (let i = this.size - 1; i >= 0; i--) if (needed[i]) steps.push(i);
    const result = Int32Array.from(steps);
    this.stepsFor.set(wanted, { plan, steps: result });
    return result;
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
    /** As for `solveFor`: b is zero outside these rows. */
    driven?: Int32Array,
  ): number {
    this.solveFor(bRe, bIm, this.everyUnknown, xRe, xIm, driven);
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
    const { residualRe, residualIm, byRowStart, byRowSlot, byRowCol } = this;
    const n = this.size;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let rr = bRe[i]!;
      let ri = bIm[i]!;
      let scale = Math.abs(rr) + Math.abs(ri);
      for (let p = byRowStart[i]!, end = byRowStart[i + 1]!; p < end; p++) {
        const s = byRowSlot[p]!;
        const j = byRowCol[p]!;
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

  /** Whether refactorisations along the current plan run compiled code (see compiledElimination). */
  get compiledElimination(): boolean {
    return this.plan !== undefined && Boolean(this.codeOf(this.plan).elimination);
  }

  /** The current pivot order and pattern (undefined before the first ordering). */
  get currentPlan(): FactorPlan | undefined {
    return this.plan;
  }

  /**
   * The L + U storage (re and im interleaved at the plan's offsets), for a caller that assembles
   * the matrix straight into it and then calls `factorInPlace`. It is replaced when an ordering
   * needs more room: fetch it again whenever `orderings` changes.
   */
  get values(): Float64Array {
    return this.lu;
  }

  /**
   * Factorises the matrix already written into `values` (every slot at its offset, fill-in zero)
   * along the current plan; false when a pivot is too small to trust — the caller then orders
   * afresh with `orderAndFactor`. `values` is overwritten by the factor either way.
   */
  factorInPlace(): boolean {
    return this.eliminate(CANCELLATION_LIMIT);
  }

  /** Numeric factorisation along the stored plan; false when a pivot is too small to trust. */
  private refactor(re: Float64Array, im: Float64Array, lastResort = false): boolean {
    const plan = this.plan!;
    const lu = this.lu;
    const { slotOffset, fillOffset } = plan;
    // Slots are distinct entries: assign them, and zero only the fill-in.
    for (let f = 0; f < fillOffset.length; f++) {
      const p = fillOffset[f]!;
      lu[p] = 0;
      lu[p + 1] = 0;
    }
    for (let s = 0; s < slotOffset.length; s++) {
      const p = slotOffset[s]!;
      lu[p] = re[s]!;
      lu[p + 1] = im[s]!;
    }
    return this.eliminate(lastResort ? 0 : CANCELLATION_LIMIT);
  }

  /** Elimination of the loaded `lu` along the plan; `limit`: see CANCELLATION_LIMIT. */
  private eliminate(limit: number): boolean {
    const { lu, inversePivot, pivotBefore } = this;
    const plan = this.plan!;
    const { pivotOffset, program } = plan;
    const n = this.size;
    // A plan that keeps being used gets its elimination compiled to straight-line code (the same
    // arithmetic in the same order); until then, and where code cannot be generated, the loop below.
    const code = this.codeOf(plan);
    if (code.elimination) return code.elimination(lu, inversePivot, pivotBefore, limit);
    if (code.elimination === undefined && ++code.factorisations >= COMPILE_AFTER_USES) {
      code.elimination =
        (planOperations(plan, n) <= MAX_COMPILED_OPERATIONS && compileElimination(plan, n)) || null;
      if (code.elimination) return code.elimination(lu, inversePivot, pivotBefore, limit);
    }
    for (let k = 0; k < n; k++) {
      const d = pivotOffset[k]!;
      pivotBefore[k] = Math.abs(lu[d]!) + Math.abs(lu[d + 1]!);
    }
    let c = 0;
    for (let k = 0; k < n; k++) {
      const d = program[c++]!;
      const eliminations = program[c++]!;
      const pr = lu[d]!;
      const pi = lu[d + 1]!;
      const magnitude = Math.abs(pr) + Math.abs(pi);
      // A pivot that cancellation shrank far below its own starting value is not to be trusted:
      // order afresh at this frequency (unless this order is itself the fresh one).
      if (!(magnitude > limit * pivotBefore[k]!) || magnitude < 1e-300) return false;
      const reciprocal = 1 / (pr * pr + pi * pi); // one division per pivot: divisions are slow
      const ir = pr * reciprocal;
      const ii = -pi * reciprocal;
      inversePivot[2 * k] = ir;
      inversePivot[2 * k + 1] = ii;
      for (let e = 0; e < eliminations; e++) {
        const t = program[c++]!;
        const updates = program[c++]!;
        const ar = lu[t]!;
        const ai = lu[t + 1]!;
        const lr = ar * ir - ai * ii;
        const li = ar * ii + ai * ir;
        lu[t] = lr;
        lu[t + 1] = li;
        for (let u = 0; u < updates; u++) {
          const dst = program[c++]!;
          const src = program[c++]!;
          const ur = lu[src]!;
          const ui = lu[src + 1]!;
          lu[dst] = lu[dst]! - (lr * ur - li * ui);
          lu[dst + 1] = lu[dst + 1]! - (lr * ui + li * ur);
        }
      }
    }
    return true;
  }
}

/**
 * Plans by pattern and pivot order, shared by every factorisation of that pattern along that order
 * (a plan is a pure function of the two), most recently used last. A design simulated again and
 * again — an optimiser's evaluations, an interactive edit — usually orders the same way each time,
 * and then finds its plan built and its code compiled (and optimised by the engine) by the earlier
 * runs. Results do not depend on whether a plan came from here: the code does the loop's arithmetic.
 */
const PLAN_CACHE = new Map<string, FactorPlan>();
/** Plans kept in PLAN_CACHE (the least recently used goes first). */
const PLAN_CACHE_LIMIT = 32;

function sharedPlan(
  patternKey: string,
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  order: PivotOrder,
): FactorPlan {
  const key = `${patternKey};${order.rowOrder.join(",")};${order.colOrder.join(",")}`;
  let plan = PLAN_CACHE.get(key);
  if (plan !== undefined) {
    PLAN_CACHE.delete(key);
  } else {
    plan = buildFactorPlan(n, rows, cols, order);
    if (PLAN_CACHE.size >= PLAN_CACHE_LIMIT) PLAN_CACHE.delete(PLAN_CACHE.keys().next().value!);
  }
  PLAN_CACHE.set(key, plan);
  return plan;
}

/**
 * Empties PLAN_CACHE: factorisations started afterwards build their own plans (and run the loops
 * until their own code is compiled). For tests and cold-start measurements; results are the same.
 */
export function forgetSharedPlans(): void {
  PLAN_CACHE.clear();
}

/** A compiled solve and its uses so far (code: undefined until tried, null if not possible). */
interface SolveCode {
  uses: number;
  code: CompiledSolve | null | undefined;
}

/** Code compiled for one plan, shared by every factorisation along it. */
interface PlanCode {
  /** Factorisations along the plan so far (counted until COMPILE_AFTER_USES). */
  factorisations: number;
  /** The compiled elimination: undefined until tried, null where not possible (too large, CSP). */
  elimination: Elimination | null | undefined;
  /** Compiled partial solves, by first driven step and wanted unknowns. */
  readonly solves: Map<string, SolveCode>;
}

const PLAN_CODE = new WeakMap<FactorPlan, PlanCode>();

function planCode(plan: FactorPlan): PlanCode {
  let code = PLAN_CODE.get(plan);
  if (code === undefined) {
    code = { factorisations: 0, elimination: undefined, solves: new Map() };
    PLAN_CODE.set(plan, code);
  }
  return code;
}

function solveCode(code: PlanCode, key: string): SolveCode {
  let entry = code.solves.get(key);
  if (entry === undefined) {
    entry = { uses: 0, code: undefined };
    code.solves.set(key, entry);
  }
  return entry;
}

/** First p in [lo, hi) with colIndex[p] ≥ column (colIndex ascending there); hi when none. */
function firstAtLeast(colIndex: Int32Array, lo: number, hi: number, column: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (colIndex[mid]! < column) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Factorisations along one plan (or repeats of one solve) after which its code is compiled (when
 * small enough: see MAX_COMPILED_OPERATIONS), counted over every use of the plan (see PLAN_CACHE).
 * Until the engine optimises it, the generated code is slower than the loop, so this is more than
 * one sweep of the usual 1000 points needs: a one-off simulation never pays for compiling, and a
 * design swept again and again (an optimiser, an interactive edit) wins.
 */
const COMPILE_AFTER_USES = 1500;

/** Componentwise backward error above which `solveRefined` refines (a few units of rounding). */
const REFINE_ABOVE = 1e-15;

/** A pivot reduced by elimination below this fraction of its initial value triggers re-ordering. */
const CANCELLATION_LIMIT = 1e-8;
