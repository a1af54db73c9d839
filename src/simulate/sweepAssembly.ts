import type { FactorPlan } from "../linalg/factorPlan.js";
import type { PairRoutine } from "../linalg/routines.js";
import type { Network } from "./compileNetwork.js";
import { JOmegaTerms } from "./jOmegaTerms.js";
import { LuLayout } from "./luLayout.js";
import { StampCache } from "./stampCache.js";
import { TailImage } from "./tailImage.js";

/**
 * A network's matrix at one frequency of a sweep: the frequency-independent part, the jω terms and
 * the stamps, either by slot (the matrix as the ordering and the accuracy check read it) or
 * straight into a factor's storage along a plan. Both make the same sums in the same order.
 */
export class SweepAssembly {
  /** The network's jω terms merged per slot. */
  readonly terms = new JOmegaTerms();
  /** The direct layout (see LuLayout). */
  readonly layout = new LuLayout();
  /** The stamps' values over the run's grid (see StampCache). */
  private readonly stampCache = new StampCache();
  /** Whether this run adds the stamps from `stampCache` (false: it calls them). */
  stampsCached = false;
  /** The tail rows assembled over the run's grid (see TailImage), when kept. */
  private readonly image = new TailImage();
  private grid: ArrayLike<number> = [];
  /** The pair routine `intoPair` last gave the layout's constant matrix and terms to. */
  private pairLoaded: PairRoutine | undefined;

  /** Takes a network's values (its jω terms merged afresh); bring the layout up to date after. */
  load(network: Network): void {
    this.terms.load(network);
  }

  /** Before a run on `grid`: the stamps' values there, computed or kept (see StampCache). */
  prepare(network: Network, grid: ArrayLike<number>): void {
    this.stampsCached = this.stampCache.prepare(network, grid);
    this.grid = grid;
  }

  /**
   * Brings the layout up to date with `plan` and the values of `network`, and with `keepTail` the
   * image of the tail rows over the run's grid too (worth it where factorisations skip the head).
   */
  follow(plan: FactorPlan, network: Network, keepTail: boolean): void {
    const { layout, image } = this;
    layout.update(plan, network, this.terms);
    image.usable = false;
    this.pairLoaded = undefined;
    if (keepTail && plan.headSteps > 0 && this.stampsCached) {
      const stampTail = this.stampCache.tail(plan.slotOffset, layout.tailOffset);
      image.follow(plan, layout, stampTail, this.grid);
    }
  }

  /** Whether the tail's rows over the run's grid are kept (see `tailInto`). */
  get tailReady(): boolean {
    return this.image.usable;
  }

  /** Writes the tail's rows at point f into `values` (when `tailReady`): intoFactor's tailOnly. */
  tailInto(f: number, values: Float64Array): void {
    values.set(this.image.at(f), this.layout.tailOffset);
  }

  /** The matrix by slot from `values`, a factor's storage along `plan` (assembled, not factored). */
  gather(plan: FactorPlan, values: Float64Array, matrixRe: Float64Array, matrixIm: Float64Array) {
    const { slotOffset } = plan;
    for (let s = 0; s < slotOffset.length; s++) {
      const p = slotOffset[s]!;
      matrixRe[s] = values[p]!;
      matrixIm[s] = values[p + 1]!;
    }
  }

  /** Fills matrixRe/matrixIm by slot at point f of the run's grid. */
  bySlot(
    network: Network,
    f: number,
    frequencyHz: number,
    matrixRe: Float64Array,
    matrixIm: Float64Array,
  ): void {
    const { slots: jSlots, times: jTimes, over: jOver } = this.terms;
    const { stamps, constantRe, constantIm } = network;
    const omega = 2 * Math.PI * frequencyHz;
    const inverseOmega = 1 / omega;
    matrixRe.set(constantRe);
    matrixIm.set(constantIm);
    // ω·C − L⁻¹/ω: coefficient/(jω) = −j·coefficient/ω
    for (let k = 0; k < jSlots.length; k++) {
      const slot = jSlots[k]!;
      matrixIm[slot] = matrixIm[slot]! + (omega * jTimes[k]! - jOver[k]! * inverseOmega);
    }
    if (this.stampsCached) this.stampCache.addInto(f, matrixRe, matrixIm);
    else for (let s = 0; s < stamps.length; s++) stamps[s]!(omega, matrixRe, matrixIm);
  }

  /**
   * Writes the matrix at point f straight into `values`, a factor's storage along `plan` (the
   * layout must be up to date with both). With `tailOnly`, only the rows of the plan's tail (see
   * FactorPlan.headSteps), which needs the stamps cached. matrixRe/matrixIm are scratch for stamps
   * that are not cached.
   */
  intoFactor(
    network: Network,
    plan: FactorPlan,
    f: number,
    frequencyHz: number,
    values: Float64Array,
    tailOnly: boolean,
    matrixRe: Float64Array,
    matrixIm: Float64Array,
  ): void {
    const { constantLu, constantTail, jOffsets, jTimes, jOver, dynamicOffsets, tailOffset } =
      this.layout;
    const { stamps, dynamicSlots } = network;
    if (tailOnly && this.image.usable) {
      this.tailInto(f, values);
      return;
    }
    const omega = 2 * Math.PI * frequencyHz;
    const inverseOmega = 1 / omega;
    if (tailOnly) values.set(constantTail, tailOffset);
    else values.set(constantLu);
    for (let k = tailOnly ? this.layout.tailTerm : 0; k < jOffsets.length; k++) {
      const p = jOffsets[k]!;
      values[p] = values[p]! + (omega * jTimes[k]! - jOver[k]! * inverseOmega);
    }
    if (this.stampsCached) {
      this.stampCache.addIntoFactor(f, values, plan.slotOffset, tailOnly ? tailOffset : 0);
    } else if (stamps.length > 0) {
      // The stamps add into their slots: clear those, stamp, and gather them into the factor.
      stampSlots(network, omega, matrixRe, matrixIm);
      for (let d = 0; d < dynamicSlots.length; d++) {
        const slot = dynamicSlots[d]!;
        const p = dynamicOffsets[d]!;
        values[p] = values[p]! + matrixRe[slot]!;
        values[p + 1] = values[p + 1]! + matrixIm[slot]!;
      }
    }
  }

  /**
   * Writes the matrices at grid points f (lane 0) and g (lane 1) into `routine.values`, a paired
   * storage along `plan` (the layout must be up to date with both): for each the sums intoFactor
   * makes, in its order — the constant part and the jω terms by the routine's WebAssembly, the
   * stamps here. False, when the routine was not made for the layout's `pairEntries`. matrixRe and
   * matrixIm are scratch for stamps not cached.
   */
  intoPair(
    network: Network,
    plan: FactorPlan,
    f: number,
    g: number,
    routine: PairRoutine,
    matrixRe: Float64Array,
    matrixIm: Float64Array,
  ): boolean {
    const { constantLu, jOffsets, jTimes, jOver, dynamicOffsets } = this.layout;
    if (this.pairLoaded !== routine) {
      // Again with the layout (every run and every new order), and for every new routine.
      if (!routine.load(constantLu, jOffsets, jTimes, jOver)) return false;
      this.pairLoaded = routine;
    }
    const omegaF = 2 * Math.PI * this.grid[f]!;
    const omegaG = 2 * Math.PI * this.grid[g]!;
    routine.assemble(omegaF, omegaG);
    const values = routine.values;
    const { stamps, dynamicSlots } = network;
    for (let lane = 0; lane < 2; lane++) {
      const at = lane === 0 ? f : g;
      if (this.stampsCached) {
        this.stampCache.addIntoPair(at, lane, values, plan.slotOffset);
        continue;
      }
      if (stamps.length === 0) continue;
      stampSlots(network, lane === 0 ? omegaF : omegaG, matrixRe, matrixIm);
      for (let d = 0; d < dynamicSlots.length; d++) {
        const slot = dynamicSlots[d]!;
        const q = 2 * dynamicOffsets[d]! + lane;
        values[q] = values[q]! + matrixRe[slot]!;
        values[q + 2] = values[q + 2]! + matrixIm[slot]!;
      }
    }
    return true;
  }

  /**
   * The entries `intoPair` writes at every frequency (entry p at offset 2p of a single storage),
   * ascending: the jω terms' and the stamps'. The layout must be up to date.
   */
  pairEntries(): Int32Array {
    const { jOffsets, dynamicOffsets } = this.layout;
    const entries = new Set<number>();
    for (const offset of dynamicOffsets) entries.add(offset >> 1);
    for (const offset of jOffsets) entries.add(offset >> 1);
    return Int32Array.from(entries).sort();
  }
}

/** The network's stamps at ω by slot into matrixRe/matrixIm: their slots cleared, then each added. */
function stampSlots(
  network: Network,
  omega: number,
  matrixRe: Float64Array,
  matrixIm: Float64Array,
): void {
  const { stamps, dynamicSlots } = network;
  for (let d = 0; d < dynamicSlots.length; d++) {
    matrixRe[dynamicSlots[d]!] = 0;
    matrixIm[dynamicSlots[d]!] = 0;
  }
  for (let s = 0; s < stamps.length; s++) stamps[s]!(omega, matrixRe, matrixIm);
}
