import { compileSolve } from "./compiledElimination.js";
import type { FactorPlan } from "./factorPlan.js";
import { markowitzOrder } from "./markowitz.js";
import { type RowIndex, backwardError, rowIndex } from "./backwardError.js";
import { equilibrate } from "./equilibration.js";
import { type MultiplierLayout, multiplierLayout } from "./multipliers.js";
import { PartialSolves } from "./partialSolves.js";
import { COMPILE_AFTER_USES, type PlanCode, planCode, sharedPlan } from "./planCache.js";
import { substitute } from "./substitution.js";
import { FactorStorage } from "./factorStorage.js";
import { makePairRoutine } from "./pairRoutine.js";
import type { PairRoutine, TailRoutine } from "./routines.js";

export { forgetSharedPlans } from "./planCache.js";

/** A pivot order and what goes with it (see SparseComplexLu.savedOrder). */
export interface SavedOrder {
  readonly plan: FactorPlan;
  readonly multipliers: MultiplierLayout;
}

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
  /** Unknowns the ordering takes first (see FactorPlan.headSteps). */
  private readonly first: Uint8Array;
  /** The partial solves asked for so far (see PartialSolves). */
  private readonly partials = new PartialSolves();
  /** 0, 1, …, size − 1: what `solve` wants. */
  private readonly everyUnknown: Int32Array;
  private readonly cols: Int32Array;
  private plan: FactorPlan | undefined;
  /** L and U, the inverse pivots and how they are eliminated (see FactorStorage). */
  private readonly storage: FactorStorage;
  /** Work vector, re and im interleaved. */
  private readonly work: Float64Array;
  private readonly residualRe: Float64Array;
  private readonly residualIm: Float64Array;
  private readonly byRow: RowIndex;
  private readonly correctionRe: Float64Array;
  private readonly correctionIm: Float64Array;
  /** The shared code of `codePlan` (see PlanCode). */
  private code: PlanCode | undefined;
  private codePlan: FactorPlan | undefined;
  /** Where the multipliers of the current plan are, and their weights (see `largestMultiplier`). */
  private multipliers: MultiplierLayout = {
    offsets: new Int32Array(0),
    weights: new Float64Array(0),
    headCount: 0,
  };
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
    options: {
      readonly eliminateLast?: readonly number[];
      /**
       * Unknowns to eliminate first, as the head of the factor (see FactorPlan.headSteps and
       * `factorTailInPlace`): their rows and columns should hold entries of nothing else.
       */
      readonly eliminateFirst?: readonly number[];
    } = {},
  ) {
    this.size = size;
    this.rows = rows;
    this.cols = cols;
    this.last = new Uint8Array(size);
    this.first = new Uint8Array(size);
    this.everyUnknown = Int32Array.from({ length: size }, (_, i) => i);
    for (const unknown of options.eliminateLast ?? []) this.last[unknown] = 1;
    for (const unknown of options.eliminateFirst ?? [])
      if (!this.last[unknown]) this.first[unknown] = 1;
    // Fill-in can at worst make the factor dense; the plan tells the real size when it is built.
    this.work = new Float64Array(2 * size);
    this.residualRe = new Float64Array(size);
    this.residualIm = new Float64Array(size);
    this.byRow = rowIndex(size, rows, cols);
    this.storage = new FactorStorage(size, this.byRow);
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
    // Equilibrate so that the threshold and negligibility tests compare like with like across
    // domains whose impedances differ by many decades.
    const scaled = equilibrate(n, rows, cols, re, im);
    if (!scaled.ok) {
      this.singularRows = scaled.rows;
      this.singularExactly = scaled.exact;
      return false;
    }
    const { re: scaledRe, im: scaledIm } = scaled;
    const { first } = this;
    const outcome = markowitzOrder(n, rows, cols, scaledRe, scaledIm, this.last, undefined, first);
    this.orderings++;
    if (!outcome.ok) {
      this.singularRows = outcome.rows;
      this.singularExactly = outcome.exact;
      return false;
    }
    const { rowOrder, colOrder } = outcome.order;
    let headSteps = 0;
    while (headSteps < n && first[rowOrder[headSteps]!] && first[colOrder[headSteps]!]) headSteps++;
    this.plan = sharedPlan(n, rows, cols, outcome.order, headSteps);
    this.storage.fit(this.plan);
    this.multipliers = multiplierLayout(this.plan, n, scaled.rowScale);
    if (this.refactor(re, im, true)) return true;
    // The order's own pivots fell below 1e-300: far beyond what double precision resolves.
    this.singularRows = [];
    this.singularExactly = false;
    return false;
  }

  /**
   * The largest multiplier of the last factorisation, as the equilibrated matrix of the last
   * ordering has it (see multipliers.ts): at most 1/PIVOT_THRESHOLD at the ordering's frequency.
   */
  largestMultiplier(): number {
    return this.storage.largestMultiplier(this.multipliers);
  }

  /** Rows (unknowns) implicated when `factor` last returned false. */
  singularRows: number[] = [];
  /**
   * When `factor` last returned false: true when the matrix is singular exactly (a row or column
   * of exact zeros, or exact zeros left after elimination), false when it is only numerically so
   * (what is left is non-zero but negligible: ill-conditioned).
   */
  singularExactly = true;

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
    const n = this.size;
    const partial = this.partials.get(plan, n, wanted, driven, this.everyUnknown, this.planCode);
    const entry = partial.entry;
    // A partial solve that repeats (a sweep's outputs at every frequency) is compiled to
    // straight-line code once it is clear that it does (see COMPILE_AFTER_USES); the code is shared
    // by every factorisation along the same plan. (Complete solves stay loops: as straight-line
    // code they are too long for the engine to optimise.)
    if (entry?.code) {
      entry.code(bRe, bIm, this.storage.lu, this.storage.inversePivot, xRe, xIm);
      return;
    }
    if (entry !== undefined && entry.code === undefined && ++entry.uses >= COMPILE_AFTER_USES) {
      entry.code = compileSolve(plan, n, partial.start, partial.steps, wanted) ?? null;
      if (entry.code) {
        entry.code(bRe, bIm, this.storage.lu, this.storage.inversePivot, xRe, xIm);
        return;
      }
    }
    let start = partial.start;
    if (driven === undefined) {
      // Forward substitution starts at the first row with a non-zero right side.
      const { rowOrder } = plan;
      start = 0;
      while (start < n && bRe[rowOrder[start]!] === 0 && bIm[rowOrder[start]!] === 0) start++;
    }
    const { work } = this;
    const { lu, inversePivot } = this.storage;
    substitute(plan, n, lu, inversePivot, work, bRe, bIm, start, partial.steps, wanted, xRe, xIm);
  }

  /** The shared code of the current plan (one function for every solve, not a closure per call). */
  private readonly planCode = (): PlanCode => this.codeOf(this.plan!);
  /** The shared code of `plan`. */
  private codeOf(plan: FactorPlan): PlanCode {
    if (plan !== this.codePlan || this.code === undefined) {
      this.codePlan = plan;
      this.code = planCode(plan);
    }
    return this.code;
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
    /** Refine only when the backward error is above this. */
    refineAbove = REFINE_ABOVE,
  ): number {
    const checked = this.storage.checkedSolve(this.plan!, re, im, bRe, bIm, xRe, xIm, refineAbove);
    if (checked !== undefined) return checked;
    this.solveFor(bRe, bIm, this.everyUnknown, xRe, xIm, driven);
    const { byRow, residualRe, residualIm } = this;
    let error = backwardError(byRow, re, im, bRe, bIm, xRe, xIm, residualRe, residualIm);
    if (!(error > refineAbove)) return error;
    const { correctionRe, correctionIm } = this;
    this.solve(residualRe, residualIm, correctionRe, correctionIm);
    for (let i = 0; i < this.size; i++) {
      xRe[i] = xRe[i]! + correctionRe[i]!;
      xIm[i] = xIm[i]! + correctionIm[i]!;
    }
    error = backwardError(byRow, re, im, bRe, bIm, xRe, xIm, residualRe, residualIm);
    return error;
  }

  /**
   * What the next refactorisation along the current plan runs: the loop, generated JavaScript
   * (compiledElimination.ts) or WebAssembly (wasmElimination.ts); see FactorStorage.
   */
  get elimination(): "loop" | "javascript" | "webassembly" {
    if (this.plan === undefined) return "loop";
    const code = this.codeOf(this.plan);
    return code.wasm ? "webassembly" : code.elimination ? "javascript" : "loop";
  }

  /**
   * The current pivot order, to take back later with `restoreOrder` (undefined before the first
   * ordering).
   */
  savedOrder(): SavedOrder | undefined {
    return this.plan && { plan: this.plan, multipliers: this.multipliers };
  }

  /**
   * Takes back a pivot order `savedOrder` gave (it counts as an ordering: a caller that keeps
   * anything per ordering sees it change). The next factorisation runs along it.
   */
  restoreOrder(saved: SavedOrder): void {
    this.plan = saved.plan;
    this.multipliers = saved.multipliers;
    this.storage.fit(saved.plan);
    this.orderings++;
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
    return this.storage.lu;
  }

  /** The inverse pivots (re and im interleaved by pivot step); fetch again as `values`. */
  get inversePivots(): Float64Array {
    return this.storage.inversePivot;
  }

  /**
   * Factorises the matrix already written into `values` (every slot at its offset, fill-in zero)
   * along the current plan; false when a pivot is too small to trust — the caller then orders
   * afresh with `orderAndFactor`. `values` is overwritten by the factor either way.
   */
  factorInPlace(): boolean {
    return this.eliminate(CANCELLATION_LIMIT);
  }

  /**
   * As `factorInPlace`, but skips the head of the plan (see FactorPlan.headSteps): the head's sums
   * (the entries at the second offset of each `boundary` pair) must already hold what an earlier
   * factorisation along the same plan, with the same head rows and columns, left there. The tail's
   * arithmetic is then exactly that of a whole factorisation, and so are its solves for unknowns
   * of the tail (`solveFor`); the head's entries are left unfactorised. `largestMultiplier` then
   * reads the tail's multipliers alone.
   */
  factorTailInPlace(): boolean {
    return this.eliminate(CANCELLATION_LIMIT, true);
  }

  /**
   * factorTailInPlace, the tail's largestMultiplier and solveFor(wanted, …, driven) as bare
   * functions along the current plan, for a caller that runs them at many frequencies (a sweep
   * where the head is kept): the same arithmetic without the look-ups on the way. Valid while
   * `orderings` stays; undefined until compiled code runs all three (then use the methods).
   */
  tailRoutine(wanted: Int32Array, driven: Int32Array): TailRoutine | undefined {
    const plan = this.plan;
    if (plan === undefined) return undefined;
    const code = this.partials.get(plan, this.size, wanted, driven, this.everyUnknown, () =>
      this.codeOf(plan),
    ).entry?.code;
    const wasm = this.storage.wasmAlong(plan, this.multipliers);
    if (!code || wasm === undefined) return undefined;
    const { lu, inversePivot } = this.storage;
    const { eliminate, largest } = wasm;
    return {
      factorTail: () => eliminate(CANCELLATION_LIMIT, 1) === 1,
      largest: () => largest[0]!,
      solve: (bRe, bIm, xRe, xIm) => code(bRe, bIm, lu, inversePivot, xRe, xIm),
    };
  }

  /**
   * Two factorisations at once along the current plan (see PairRoutine), for a sweep whose solves
   * are `solves` ([wanted, driven] as it gives them to solveFor) and whose assembly writes the
   * `entries` (p at offset 2p of `values`; ascending) every time; undefined where the plan has no
   * paired WebAssembly (see FactorStorage.pairAlong).
   */
  pairRoutine(
    solves: readonly (readonly [Int32Array, Int32Array])[],
    entries: Int32Array,
  ): PairRoutine | undefined {
    const plan = this.plan;
    if (plan === undefined) return undefined;
    const code = this.codeOf(plan);
    const pair = this.storage.pairAlong(plan, code, this.multipliers, entries);
    if (pair === undefined) return undefined;
    const from = this.partials.earliestStep(plan, this.size, solves, this.everyUnknown, code);
    return makePairRoutine(plan, this.size, pair, this.storage, from, CANCELLATION_LIMIT);
  }

  /** The largest multiplier of the head (see `largestMultiplier`) after a whole factorisation. */
  headLargestMultiplier(): number {
    return this.storage.headLargestMultiplier(this.multipliers);
  }

  /** Numeric factorisation along the stored plan; false when a pivot is too small to trust. */
  private refactor(re: Float64Array, im: Float64Array, lastResort = false): boolean {
    this.storage.load(this.plan!, re, im);
    return this.eliminate(lastResort ? 0 : CANCELLATION_LIMIT);
  }

  /** Elimination of the loaded `lu` along the plan; `limit`: see CANCELLATION_LIMIT. */
  private eliminate(limit: number, tailOnly = false): boolean {
    const plan = this.plan!;
    return this.storage.eliminate(plan, this.codeOf(plan), this.multipliers, limit, tailOnly);
  }
}

/** Componentwise backward error above which `solveRefined` refines (a few units of rounding). */
const REFINE_ABOVE = 1e-15;

/** A pivot reduced by elimination below this fraction of its initial value triggers re-ordering. */
const CANCELLATION_LIMIT = 1e-8;
