import type { FactorPlan } from "../linalg/factorPlan.js";
import { backSteps } from "../linalg/substitution.js";
import type { Network } from "./compileNetwork.js";
import type { LuLayout } from "./luLayout.js";

/**
 * What the head of a factor (see FactorPlan.headSteps: the unknowns inside single elements — a
 * driver's motor and diaphragm nodes, the ear simulator's inner nodes — eliminated first) left for
 * the tail at each frequency of a grid, kept so that a later sweep can skip the head.
 *
 * The head reads only its own rows and columns, whose entries only the elements inside it write;
 * what it passes to the tail is its sums (the boundary of the plan) and the size of its largest
 * multiplier. Both are a function of the head's entries at that frequency alone. So when the next
 * run has the same plan, the same grid and the same values in the head's rows and columns (the
 * frequency-independent part, the jω coefficients and the same stamps) — an optimiser changing a
 * crossover part, a tolerance run drawing resistors — the sums kept from the last run are exactly
 * what the head would compute again, and the tail's factorisation from them is bit for bit the
 * whole one's (SparseComplexLu.factorTailInPlace). About 70 % of the tribrid's elimination is head.
 *
 * A solve for unknowns of the head (a motor's force, for per-driver shares) also reads the head's
 * U rows of those unknowns and their inverse pivots: those are kept and restored as well.
 */
/** Largest number of doubles kept (32 MiB): a longer grid or a wider boundary keeps nothing. */
const MAX_KEPT_DOUBLES = 2 ** 22;

export class HeadCache {
  /** The plan, grid and head values the kept sums belong to. */
  private plan: FactorPlan | undefined;
  private grid: Float64Array = new Float64Array(0);
  private key: Float64Array = new Float64Array(0);
  private stamps: unknown[] = [];
  /** Offsets (even) of the head's rows and columns in the storage; jω terms and stamps there. */
  private headOffsets = new Int32Array(0);
  private headTerms = new Int32Array(0);
  private headStamps = new Int32Array(0);
  private layoutTerms: Int32Array | undefined;
  /** Per grid point: whether kept, the sums (re, im interleaved, in boundary order), the largest. */
  private kept = new Uint8Array(0);
  private sums = new Float64Array(0);
  /** sums, one view per grid point (a restore is then one copy). */
  private sumsAt: Float64Array[] = [];
  private largest = new Float64Array(0);
  /** Where the plan's sums are in the factor's storage: after its pattern, in boundary order. */
  private sumsOffset = 0;
  private sumsView: Float64Array = new Float64Array(0);
  private sumsViewOf: Float64Array | undefined;
  /** The wanted unknowns' head steps (see backSteps), their U entries' offsets, and kept values. */
  private wanted: Int32Array | undefined;
  private solveOffsets = new Int32Array(0);
  /** Offsets of those steps' inverse pivots (2k). */
  private solvePivots = new Int32Array(0);
  private solveValues = new Float64Array(0);
  /** Whether the current plan has a head whose sums can be kept. */
  private usable = false;
  /**
   * At some grid points (a sweep's accuracy checks, which solve for every unknown) the head's whole
   * factor: its rows (storage up to `headEnd`), the multipliers it leaves in the tail's rows (at
   * `wholeOffsets`) and its inverse pivots — with the tail factorised, the whole factorisation.
   */
  private wholes = new Map<number, Float64Array>();
  private headEnd = 0;
  private wholeOffsets = new Int32Array(0);
  /** Doubles the sums and solve values take, and the wholes (all within MAX_KEPT_DOUBLES). */
  private keptDoubles = 0;
  private wholeDoubles = 0;

  /**
   * Makes the cache follow `plan` and the head values of `layout` and `network` on `grid`: what was
   * kept for anything else is dropped. Call after the layout is up to date, before a run's first
   * frequency and after every new ordering.
   */
  follow(
    plan: FactorPlan,
    layout: LuLayout,
    network: Network,
    grid: ArrayLike<number>,
    /** The unknowns the sweep's solves want. */
    wanted: Int32Array,
  ): void {
    if (plan !== this.plan || layout.jOffsets !== this.layoutTerms || wanted !== this.wanted)
      this.locate(plan, layout, network, wanted);
    const kept = grid.length * (plan.boundary.length + this.solveWidth());
    this.usable = plan.headSteps > 0 && kept <= MAX_KEPT_DOUBLES;
    this.keptDoubles = kept;
    if (!this.usable) return;
    const key = this.headKey(layout);
    const stamps = Array.from(this.headStamps, (s) => network.stamps[s]);
    const same =
      sameValues(key, this.key) &&
      sameValues(grid, this.grid) &&
      stamps.every((stamp, i) => stamp === this.stamps[i]);
    if (same) return;
    this.forgetWholes();
    this.key = key;
    this.stamps = stamps;
    this.grid = Float64Array.from(grid);
    const count = grid.length;
    const width = plan.boundary.length;
    if (this.kept.length !== count || this.sums.length !== count * width) {
      this.kept = new Uint8Array(count);
      this.sums = new Float64Array(count * width);
      this.sumsAt = Array.from({ length: count }, (_, f) =>
        this.sums.subarray(f * width, (f + 1) * width),
      );
      this.largest = new Float64Array(count);
      this.solveValues = new Float64Array(count * this.solveWidth());
    } else {
      this.kept.fill(0);
    }
  }

  /** Whether the head's sums at grid point f are kept (then `restore` them, skip the head). */
  has(f: number): boolean {
    return this.usable && this.kept[f] === 1;
  }

  /** Writes the kept sums of grid point f into the factor's storage; returns the head's largest. */
  restore(f: number, values: Float64Array): number {
    values.set(this.sumsAt[f]!, this.sumsOffset);
    return this.largest[f]!;
  }

  /**
   * After the tail's factorisation at grid point f: puts back what the solves read of the head
   * (the wanted unknowns' U rows in `values`, their inverse pivots in `inversePivot`).
   */
  restoreSolve(f: number, values: Float64Array, inversePivot: Float64Array): void {
    const at = move(values, this.solveOffsets, this.solveValues, f * this.solveWidth(), false);
    move(inversePivot, this.solvePivots, this.solveValues, at, false);
  }

  /** Keeps the head's part of a whole factorisation at grid point f (see restore, restoreSolve). */
  keep(f: number, values: Float64Array, inversePivot: Float64Array, largest: number): void {
    if (!this.usable) return;
    this.sumsAt[f]!.set(this.sumsIn(values));
    const at = move(values, this.solveOffsets, this.solveValues, f * this.solveWidth(), true);
    move(inversePivot, this.solvePivots, this.solveValues, at, true);
    this.largest[f] = largest;
    this.kept[f] = 1;
  }

  /** Whether the head's whole factor at grid point f is kept too (see `restoreWhole`). */
  hasWhole(f: number): boolean {
    return this.has(f) && this.wholes.has(f);
  }

  /** After `keep` at grid point f: keeps the head's whole factor there as well (see `wholes`). */
  keepWhole(f: number, values: Float64Array, inversePivot: Float64Array): void {
    const { headEnd, wholeOffsets } = this;
    const pivots = 2 * this.plan!.headSteps;
    const size = headEnd + 2 * wholeOffsets.length + pivots;
    if (!this.has(f) || this.wholes.has(f)) return;
    if (this.keptDoubles + this.wholeDoubles + size > MAX_KEPT_DOUBLES) return;
    this.wholeDoubles += size;
    const whole = new Float64Array(size);
    whole.set(values.subarray(0, headEnd));
    const at = move(values, wholeOffsets, whole, headEnd, true);
    whole.set(inversePivot.subarray(0, pivots), at);
    this.wholes.set(f, whole);
  }

  /**
   * After the tail's factorisation at grid point f (from the kept sums): puts back the head's whole
   * factor, which makes the storage and the inverse pivots those of a whole factorisation.
   */
  restoreWhole(f: number, values: Float64Array, inversePivot: Float64Array): void {
    const whole = this.wholes.get(f)!;
    const { headEnd } = this;
    values.set(whole.subarray(0, headEnd));
    const at = move(values, this.wholeOffsets, whole, headEnd, false);
    inversePivot.set(whole.subarray(at));
  }

  private forgetWholes(): void {
    this.wholes.clear();
    this.wholeDoubles = 0;
  }

  /** The sums' region of a factor's storage, as a view made once per storage array and plan. */
  private sumsIn(values: Float64Array): Float64Array {
    if (this.sumsViewOf !== values) {
      this.sumsView = values.subarray(
        this.sumsOffset,
        this.sumsOffset + this.plan!.boundary.length,
      );
      this.sumsViewOf = values;
    }
    return this.sumsView;
  }

  /** Doubles kept per grid point for the solves. */
  private solveWidth(): number {
    return 2 * (this.solveOffsets.length + this.solvePivots.length);
  }

  /** Forgets grid point f (a factorisation there did not run the head along this plan). */
  drop(f: number): void {
    if (f < this.kept.length) this.kept[f] = 0;
  }

  /** Where the head's rows and columns are, and which jω terms and stamps write there. */
  private locate(plan: FactorPlan, layout: LuLayout, network: Network, wanted: Int32Array): void {
    const { headSteps, rowStart, colIndex, diagonal } = plan;
    const n = rowStart.length - 1;
    this.wanted = wanted;
    const solveSteps = backSteps(plan, n, wanted).filter((k) => k < headSteps);
    const solveOffsets: number[] = [];
    for (const k of solveSteps)
      for (let p = diagonal[k]! + 1; p < rowStart[k + 1]!; p++) solveOffsets.push(2 * p);
    this.solveOffsets = Int32Array.from(solveOffsets);
    this.solvePivots = solveSteps.map((k) => 2 * k);
    const offsets: number[] = [];
    const isHead = new Uint8Array(2 * plan.size);
    for (let i = 0; i < plan.rowStart.length - 1; i++) {
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
        if (i < headSteps || colIndex[p]! < headSteps) {
          offsets.push(2 * p);
          isHead[2 * p] = 1;
        }
      }
    }
    this.headOffsets = Int32Array.from(offsets);
    this.headEnd = 2 * rowStart[headSteps]!;
    this.wholeOffsets = this.headOffsets.filter((offset) => offset >= this.headEnd);
    this.forgetWholes();
    const { jOffsets } = layout;
    const terms: number[] = [];
    for (let k = 0; k < jOffsets.length; k++) if (isHead[jOffsets[k]! - 1]) terms.push(k);
    this.headTerms = Int32Array.from(terms);
    const stamps: number[] = [];
    network.stampSlots.forEach((slots, s) => {
      if (slots.some((slot) => isHead[plan.slotOffset[slot]!])) stamps.push(s);
    });
    this.headStamps = Int32Array.from(stamps);
    this.layoutTerms = jOffsets;
    this.plan = plan;
    this.sumsOffset = 2 * plan.rowStart[plan.rowStart.length - 1]!;
    this.sumsViewOf = undefined;
    this.key = new Float64Array(0);
    this.grid = new Float64Array(0);
    this.sums = new Float64Array(0);
  }

  /** The head's frequency-independent values and jω coefficients, as one array to compare. */
  private headKey(layout: LuLayout): Float64Array {
    const { headOffsets, headTerms } = this;
    const { constantLu, jTimes, jOver } = layout;
    const key = new Float64Array(2 * headOffsets.length + 2 * headTerms.length);
    let at = 0;
    for (const p of headOffsets) {
      key[at++] = constantLu[p]!;
      key[at++] = constantLu[p + 1]!;
    }
    for (const k of headTerms) {
      key[at++] = jTimes[k]!;
      key[at++] = jOver[k]!;
    }
    return key;
  }
}

/**
 * Copies the complex values at `offsets` of `storage` into `kept` from `at` on (`toKept`), or back;
 * returns where the next values go in `kept`.
 */
function move(
  storage: Float64Array,
  offsets: Int32Array,
  kept: Float64Array,
  at: number,
  toKept: boolean,
): number {
  if (toKept) {
    for (let i = 0; i < offsets.length; i++, at += 2) {
      kept[at] = storage[offsets[i]!]!;
      kept[at + 1] = storage[offsets[i]! + 1]!;
    }
  } else {
    for (let i = 0; i < offsets.length; i++, at += 2) {
      storage[offsets[i]!] = kept[at]!;
      storage[offsets[i]! + 1] = kept[at + 1]!;
    }
  }
  return at;
}

/** Whether a and b hold the same numbers (−0 and 0 differ: they can make different sums). */
function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
