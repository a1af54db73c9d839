import type { Network } from "./compileNetwork.js";
import { type SavedOrder, SparseComplexLu } from "../linalg/sparseLu.js";
import { unsolvableAt } from "./solveFailure.js";
import { SweepAssembly } from "./sweepAssembly.js";
import { drivenRows, insideElements } from "./sweepUnknowns.js";
import { HeadCache } from "./headCache.js";
import { TailSteps } from "./tailSteps.js";
import { PairSteps } from "./pairSteps.js";
import { InputCurrent } from "./inputCurrent.js";
import type { SweepOptions, SweepValues } from "./sweepTypes.js";
import { ACCEPTABLE_BACKWARD_ERROR, CheckSchedule, MULTIPLIER_LIMIT } from "./checkSchedule.js";

export type { SweepOptions, SweepValues } from "./sweepTypes.js";

/**
 * Solves a compiled network at many frequencies. The LU pivot order and fill pattern are computed at
 * the first frequency and reused; per frequency the work is: assemble, refactor, solve — with no
 * allocation. Keep one instance per network to sweep it repeatedly (an optimiser does).
 *
 * Most frequencies are assembled straight into the factor's storage (the frequency-independent part
 * pre-scattered once per pivot order, then the jω terms and the per-frequency stamps added at their
 * LU offsets) and factorised in place. The frequencies where accuracy is verified also assemble the
 * matrix by slot, which the backward-error check and any re-ordering need. The unknowns inside
 * drivers and the ear simulator are eliminated first, and a run that finds their values as the last
 * run left them skips that part (see HeadCache).
 */
export class FrequencySweep {
  network: Network;
  /** The unknowns `run` reports, in order (indices; -1 reads as ground, i.e. 0). */
  private readonly reported: readonly number[];
  /** The same without ground, for the partial solves. */
  private outputs: Int32Array;
  /** Rows where the right-hand side is not zero (the same at every frequency). */
  private readonly driven: Int32Array;
  private readonly lu: SparseComplexLu;
  private readonly matrixRe: Float64Array;
  private readonly matrixIm: Float64Array;
  /** The sources divided by `sourceScale`: the right-hand side actually solved for. */
  private rhsRe: Float64Array;
  private rhsIm: Float64Array;
  private readonly xRe: Float64Array;
  private readonly xIm: Float64Array;

  /** The matrix at each frequency, by slot or into the factor (see SweepAssembly). */
  private readonly assembly = new SweepAssembly();

  /** Largest source amplitude (1 when every source is 0). */
  private sourceScale = 1;

  /**
   * Whether the assembly's layout and the head's sums kept from earlier factorisations (see
   * HeadCache) are to be brought up to date with the plan, values and grid: once per run, and
   * after every new ordering.
   */
  private layoutOrdering = -1;
  private stale = true;
  private readonly headCache = new HeadCache();
  /** The grid of the current run. */
  private grid: ArrayLike<number> = [];
  /** The head's largest multiplier when the last factorisation skipped the head, else undefined. */
  private headLargest: number | undefined;
  private readonly keepHead: boolean;
  /** Frequencies of the last run whose factorisation skipped the head (see HeadCache). */
  headsSkipped = 0;
  private readonly pairs: boolean;
  /** Frequencies of the last run factorised two at a time (see PairSteps). */
  pairsFactored = 0;
  /**
   * The pivot order found at the first frequency of the first run. Every run starts from it, so
   * that a run's results depend on its own values and grid alone, never on the runs before it (one
   * that had to order afresh part-way does not hand that order on): the same edit gives the same
   * bits whatever was evaluated before — a tolerance analysis split over threads, an undo.
   */
  private anchor: SavedOrder | undefined;

  /** Input source's branch, and its current per volt (see SweepValues.inputCurrent). */
  private readonly inputBranch: number;
  private readonly current: InputCurrent | undefined;

  constructor(network: Network, outputs: readonly number[], options: SweepOptions = {}) {
    this.network = network;
    this.inputBranch = options.inputBranch ?? -1;
    this.keepHead = options.keepHead ?? true;
    this.pairs = options.pairs ?? true;
    this.outputs = Int32Array.from(outputs.filter((unknown) => unknown >= 0));
    const alsoReport = options.alsoReport ?? [];
    this.reported = [...outputs, ...alsoReport];
    // Sources are frequency-independent: the right-hand side is set once, and the rows it drives
    // are known (the partial solves rely on b being zero elsewhere).
    this.driven = drivenRows(network);
    const branch = this.inputBranch;
    this.current = branch >= 0 ? new InputCurrent(branch, network.size) : undefined;
    if (branch >= 0 && !this.outputs.includes(branch)) {
      this.outputs = Int32Array.from([...this.outputs, branch]);
    }
    // Outputs and driven rows are eliminated last, so each solve needs only the factor's tail; the
    // unknowns inside one element (and not reported) first, as the head HeadCache keeps.
    this.lu = new SparseComplexLu(network.size, network.rows, network.cols, {
      eliminateLast: [...this.outputs, ...this.driven],
      eliminateFirst: insideElements(network),
    });
    const extra = alsoReport.filter((unknown) => unknown >= 0 && !this.outputs.includes(unknown));
    if (extra.length > 0) this.outputs = Int32Array.from([...this.outputs, ...new Set(extra)]);
    this.matrixRe = new Float64Array(network.rows.length);
    this.matrixIm = new Float64Array(network.rows.length);
    this.xRe = new Float64Array(network.size);
    this.xIm = new Float64Array(network.size);
    this.rhsRe = new Float64Array(network.size);
    this.rhsIm = new Float64Array(network.size);
    this.load(network);
  }

  /**
   * Takes the values of `network`, which must have this sweep's pattern (the same `rows` and
   * `cols` arrays, as NetworkRecipe.network gives them) and the same driven rows; the pivot order
   * and its compiled code are kept (the first frequency of the next run verifies that the order
   * still serves). False, changing nothing, when the network does not fit: make a new sweep.
   */
  setNetwork(network: Network): boolean {
    const { rows, cols, dynamicSlots } = this.network;
    if (network.rows !== rows || network.cols !== cols || network.dynamicSlots !== dynamicSlots)
      return false;
    const driven = drivenRows(network);
    if (driven.length !== this.driven.length || driven.some((row, k) => row !== this.driven[k]))
      return false;
    this.network = network;
    this.load(network);
    return true;
  }

  /** The value-dependent part of set-up: scaled sources and the merged jω terms. */
  private load(network: Network): void {
    const largest = network.sourceRe.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    this.sourceScale = largest > 0 ? largest : 1;
    for (let row = 0; row < network.size; row++)
      this.rhsRe[row] = network.sourceRe[row]! / this.sourceScale;
    this.current?.load(this.driven);
    this.assembly.load(network);
    this.stale = true;
  }

  /**
   * Values of the output unknowns given to the constructor at every frequency in Hz.
   * Throws a TympanError naming the frequency and the elements involved if the network is singular.
   */
  run(frequenciesHz: ArrayLike<number>): SweepValues {
    const unknowns = this.reported;
    const count = frequenciesHz.length;
    const re = unknowns.map(() => new Float64Array(count));
    const im = unknowns.map(() => new Float64Array(count));
    const inputCurrent = { re: new Float64Array(count), im: new Float64Array(count) };
    this.inputCurrent = inputCurrent;
    const { matrixRe, matrixIm, rhsRe, rhsIm, xRe, xIm, lu, outputs, driven } = this;
    this.assembly.prepare(this.network, frequenciesHz);
    this.grid = frequenciesHz;
    this.stale = true;
    this.headsSkipped = 0;
    this.pairsFactored = 0;
    if (this.anchor !== undefined && lu.currentPlan !== this.anchor.plan)
      lu.restoreOrder(this.anchor);
    // Accuracy is verified where the schedule says; when a check fails, the pivot order has gone
    // stale: order afresh and redo the unverified stretch.
    const schedule = new CheckSchedule(frequenciesHz);
    let tail: TailSteps | undefined;
    let pairs: PairSteps | undefined;
    for (let f = 0; f < count; f++) {
      const frequency = frequenciesHz[f]!;
      if (!schedule.due(f) && lu.currentPlan !== undefined) {
        // The next frequency not due either: both at once where possible.
        if (!schedule.due(f + 1)) {
          pairs = this.pairSteps(pairs);
          if (
            pairs.usable &&
            this.pairFactor(pairs, f) &&
            pairs.within(0, MULTIPLIER_LIMIT) &&
            pairs.within(1, MULTIPLIER_LIMIT)
          ) {
            for (let lane = 0; lane < 2; lane++) this.solveLane(pairs, lane, f + lane, re, im);
            f++;
            continue;
          }
        }
        if (tail?.ordering !== lu.orderings)
          tail = new TailSteps(lu, this.assembly, this.headCache, outputs, driven);
        if (tail.step(f, rhsRe, rhsIm, xRe, xIm, MULTIPLIER_LIMIT)) {
          this.headsSkipped++;
          this.store(f, frequency, unknowns, re, im);
          continue;
        }
        const factored = this.assembleAndFactor(f, frequency);
        if (!factored) {
          // A pivot went bad: order afresh at this frequency.
          this.assemble(f, frequency);
          if (!lu.orderAndFactor(matrixRe, matrixIm))
            throw this.singular(frequency, lu.singularRows, lu.singularExactly);
        }
        // Multipliers grown large: verify at this frequency instead (below).
        if (!factored || this.largestMultiplier() <= MULTIPLIER_LIMIT) {
          lu.solveFor(rhsRe, rhsIm, outputs, xRe, xIm, driven);
          this.store(f, frequency, unknowns, re, im);
          continue;
        }
      }
      // Assembled in place as elsewhere (and by slot on the way, for the check), or by slot alone
      // before the first ordering. Where pairs run, with the next point: the check reads this
      // one's whole factor, and the next is used if the check keeps the order and it is not due.
      let paired = false;
      let factored: boolean;
      if (lu.currentPlan !== undefined) {
        pairs = this.pairSteps(pairs);
        paired = f + 2 < count && pairs.usable && this.pairFactor(pairs, f);
        if (paired) {
          this.assemble(f, frequency);
          pairs.unpack(0, true);
        }
        factored =
          paired ||
          this.assembleAndFactor(f, frequency, true) ||
          lu.orderAndFactor(matrixRe, matrixIm);
      } else {
        this.assemble(f, frequency);
        factored = lu.factor(matrixRe, matrixIm);
      }
      if (!factored) throw this.singular(frequency, lu.singularRows, lu.singularExactly);
      if (this.refinedSolve() > ACCEPTABLE_BACKWARD_ERROR) {
        for (let g = schedule.verified + 1; g <= f; g++) {
          this.assemble(g, frequenciesHz[g]!);
          if (!lu.orderAndFactor(matrixRe, matrixIm))
            throw this.singular(frequenciesHz[g]!, lu.singularRows, lu.singularExactly);
          this.refinedSolve();
          this.store(g, frequenciesHz[g]!, unknowns, re, im);
        }
      } else {
        this.store(f, frequency, unknowns, re, im);
      }
      schedule.passed(f);
      this.anchor ??= lu.savedOrder();
      if (paired && pairs!.ordering === lu.orderings) {
        this.pairsFactored++;
        if (!schedule.due(f + 1) && pairs!.within(1, MULTIPLIER_LIMIT)) {
          this.solveLane(pairs!, 1, ++f, re, im);
        }
      }
    }
    return { re, im, scale: this.sourceScale, ...(this.inputBranch >= 0 ? { inputCurrent } : {}) };
  }

  /** Solves along matrix `lane` of the last pair for grid point f and stores its results. */
  private solveLane(
    pairs: PairSteps,
    lane: number,
    f: number,
    re: Float64Array[],
    im: Float64Array[],
  ) {
    const { lu, rhsRe, rhsIm, xRe, xIm } = this;
    pairs.unpack(lane);
    lu.solveFor(rhsRe, rhsIm, this.outputs, xRe, xIm, this.driven);
    this.store(f, this.grid[f]!, this.reported, re, im);
    this.pairsFactored++;
  }

  /** The accuracy check's solve (SparseComplexLu.solveRefined) of the matrix by slot: its error. */
  private refinedSolve(): number {
    const { lu, matrixRe, matrixIm, rhsRe, rhsIm, xRe, xIm, driven } = this;
    return lu.solveRefined(
      matrixRe,
      matrixIm,
      rhsRe,
      rhsIm,
      xRe,
      xIm,
      driven,
      ACCEPTABLE_BACKWARD_ERROR,
    );
  }

  /** Fills the matrix by slot at point `f` of the run's grid. */
  private assemble(f: number, frequencyHz: number): void {
    this.assembly.bySlot(this.network, f, frequencyHz, this.matrixRe, this.matrixIm);
  }

  /**
   * Assembles the matrix at one frequency straight into the LU storage and factorises it in place
   * along the current pivot order; false when a pivot went bad (then nothing usable is left). With
   * `bySlot`, the assembled matrix is also gathered into matrixRe/matrixIm (what the accuracy check
   * and a re-ordering need), the same values `assemble` gives. Where an earlier run left the head
   * at this frequency (see HeadCache), only the tail is assembled and eliminated — with `bySlot`,
   * where it left the head's whole factor, which the check's complete solve reads.
   */
  private assembleAndFactor(f: number, frequencyHz: number, bySlot = false): boolean {
    const { lu, assembly, matrixRe, matrixIm } = this;
    const plan = lu.currentPlan!;
    this.followPlan();
    const values = lu.values;
    const { headCache } = this;
    const kept = this.keepHead && assembly.stampsCached;
    // With the matrix by slot too (an accuracy check), the head's whole factor must be kept.
    const tailOnly = kept && (bySlot ? headCache.hasWhole(f) : headCache.has(f));
    if (bySlot && tailOnly) this.assemble(f, frequencyHz);
    assembly.intoFactor(this.network, plan, f, frequencyHz, values, tailOnly, matrixRe, matrixIm);
    if (tailOnly) {
      // The head as an earlier run left it at this frequency: only the tail is eliminated.
      this.headLargest = headCache.restore(f, values);
      if (!lu.factorTailInPlace()) return false;
      if (bySlot) headCache.restoreWhole(f, lu.values, lu.inversePivots);
      else headCache.restoreSolve(f, lu.values, lu.inversePivots);
      this.headsSkipped++;
      return true;
    }
    if (bySlot) assembly.gather(plan, values, matrixRe, matrixIm);
    this.headLargest = undefined;
    if (!lu.factorInPlace()) {
      headCache.drop(f);
      return false;
    }
    headCache.keep(f, lu.values, lu.inversePivots, lu.headLargestMultiplier());
    if (bySlot) headCache.keepWhole(f, lu.values, lu.inversePivots);
    return true;
  }

  /** Brings the assembly's layout and the head's cache up to date with the current plan. */
  private followPlan(): void {
    const { lu, assembly } = this;
    if (!this.stale && this.layoutOrdering === lu.orderings) return;
    assembly.follow(lu.currentPlan!, this.network, this.keepHead);
    this.headCache.follow(lu.currentPlan!, assembly.layout, this.network, this.grid, this.outputs);
    this.layoutOrdering = lu.orderings;
    this.stale = false;
  }

  /**
   * Two at a time (see PairSteps) along the current order, where the head is not kept: `kept`
   * while it is still made for that order, else new (for the layout as it is then).
   */
  private pairSteps(kept: PairSteps | undefined): PairSteps {
    const { lu, outputs, driven, current } = this;
    if (kept !== undefined && kept.ordering === lu.orderings) return kept;
    this.followPlan();
    const headKept = this.keepHead && this.assembly.stampsCached && lu.currentPlan!.headSteps > 0;
    const solves = [[outputs, driven] as const];
    if (current) solves.push([current.only, current.only]);
    return new PairSteps(lu, this.assembly, solves, this.pairs && !headKept);
  }

  /** Factorises grid points f and f + 1 at once (see PairSteps); false where it cannot. */
  private pairFactor(pairs: PairSteps, f: number): boolean {
    this.followPlan();
    return pairs.factor(this.network, f, f + 1, this.matrixRe, this.matrixIm);
  }

  /** The largest multiplier of the last factorisation (see SparseComplexLu.largestMultiplier). */
  private largestMultiplier(): number {
    const tail = this.lu.largestMultiplier();
    return this.headLargest === undefined ? tail : Math.max(this.headLargest, tail);
  }

  /** Where `store` puts the input source's current per volt during a run. */
  private inputCurrent = { re: new Float64Array(0), im: new Float64Array(0) };

  /** Copies the wanted unknowns of the current solution into column f of the results. */
  private store(
    f: number,
    frequencyHz: number,
    unknowns: readonly number[],
    re: Float64Array[],
    im: Float64Array[],
  ): void {
    const { xRe, xIm } = this;
    for (let u = 0; u < unknowns.length; u++) {
      const k = unknowns[u]!;
      const vr = k >= 0 ? xRe[k]! : 0;
      const vi = k >= 0 ? xIm[k]! : 0;
      if (!Number.isFinite(vr) || !Number.isFinite(vi))
        throw this.singular(frequencyHz, k >= 0 ? [k] : []);
      re[u]![f] = vr;
      im[u]![f] = vi;
    }
    const { current } = this;
    if (current === undefined) return;
    current.find(this.lu, this.rhsRe, xRe, xIm);
    if (!Number.isFinite(current.re) || !Number.isFinite(current.im))
      throw this.singular(frequencyHz, [current.branch]);
    this.inputCurrent.re[f] = current.re;
    this.inputCurrent.im[f] = current.im;
  }

  /** The error for a failed solve at this frequency (see unsolvableAt). */
  private singular(frequencyHz: number, unknowns: readonly number[], exactly = false) {
    return unsolvableAt(this.network, frequencyHz, unknowns, exactly);
  }
}
