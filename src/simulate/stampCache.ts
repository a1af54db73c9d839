import type { Stamp } from "../network/elementModel.js";
import type { Network } from "./compileNetwork.js";

/** A factor's tail entries of the stamps (see StampCache.tail). */
export interface StampTail {
  readonly offsets: Int32Array;
  readonly values: Float64Array;
  readonly stamps: readonly (Stamp | undefined)[];
}

/**
 * Largest cache kept, in stamp entries × frequencies (each entry two doubles: 2²¹ of them are
 * 32 MiB). A larger network or grid calls its stamps at every frequency instead.
 */
const MAX_CACHED_ENTRIES = 2 ** 21;

/**
 * The values a network's per-frequency stamps (tubes, ducts, …) write at every frequency of one
 * grid, kept between sweeps of that grid. A stamp is a function of ω alone, fixed when its element
 * is realised: an edited element gets a new stamp, and only that stamp is called again. So a
 * compiled design evaluated with, say, a resistor changed calls no stamp at all, and one with a tube
 * changed calls that tube's stamp only — instead of all of them at every frequency of every sweep.
 *
 * Each stamp is called alone on zeroed slots, and its values are added back in stamp order by
 * `addInto`: the same additions into the matrix the stamps themselves make.
 */
export class StampCache {
  /** The grid the values are for. */
  private grid = new Float64Array(0);
  /** The stamp each cached range was computed from (undefined: not computed). */
  private stamps: (Stamp | undefined)[] = [];
  /** The slots written, stamp after stamp (each stamp's `stampSlots` in turn). */
  private entrySlots = new Int32Array(0);
  /** Stamp s wrote entries [firstEntry[s], firstEntry[s + 1]). */
  private firstEntry = new Int32Array(1);
  /** Values by frequency, then entry: re at 2·(f·entries + k), im after it. */
  private values = new Float64Array(0);
  /** Storage offsets of `entrySlots` along the plan whose `slotOffset` is `offsetsFor`. */
  private offsets = new Int32Array(0);
  private offsetsFor: Int32Array | undefined;
  private offsetsOf: Int32Array | undefined;
  /**
   * The entries at offsets from `tailFrom` on (see addIntoFactor), for the same plan, and their
   * values gathered by frequency (re, im at 2·(f·tailEntries + e)): read in order, not picked out
   * of every frequency's whole row, which misses the processor's caches on a long grid.
   */
  private tailEntries = new Int32Array(0);
  /** The storage offsets of `tailEntries`, for adding without a second look-up. */
  private tailOffsets = new Int32Array(0);
  private tailFrom = -1;
  private tailValues = new Float64Array(0);
  /** The stamp each tail entry's values came from. */
  private tailStamps: readonly (Stamp | undefined)[] = [];
  /** The three as one object, made when they change (tail() is called at every frequency). */
  private tailView: StampTail = { offsets: this.tailOffsets, values: this.tailValues, stamps: [] };
  private tailFresh = false;
  private scratchRe = new Float64Array(0);
  private scratchIm = new Float64Array(0);

  /**
   * Makes the values of every stamp of `network` at every frequency of `frequenciesHz` ready for
   * `addInto`, calling only the stamps not cached yet. False when the cache would be too large
   * (see MAX_CACHED_ENTRIES): then the caller calls the stamps itself.
   */
  prepare(network: Network, frequenciesHz: ArrayLike<number>): boolean {
    const { stamps, stampSlots } = network;
    const count = frequenciesHz.length;
    let entries = 0;
    for (const slots of stampSlots) entries += slots.length;
    if (entries * count > MAX_CACHED_ENTRIES) return false;
    if (!this.sameGrid(frequenciesHz) || !this.sameLayout(stampSlots)) {
      this.grid = Float64Array.from(frequenciesHz);
      this.entrySlots = new Int32Array(entries);
      this.firstEntry = new Int32Array(stampSlots.length + 1);
      stampSlots.forEach((slots, s) => {
        this.entrySlots.set(slots, this.firstEntry[s]!);
        this.firstEntry[s + 1] = this.firstEntry[s]! + slots.length;
      });
      this.values = new Float64Array(2 * entries * count);
      this.tailFresh = false;
      this.stamps = [];
    }
    if (this.scratchRe.length !== network.rows.length) {
      this.scratchRe = new Float64Array(network.rows.length);
      this.scratchIm = new Float64Array(network.rows.length);
    }
    const stale: number[] = [];
    for (let s = 0; s < stamps.length; s++) if (this.stamps[s] !== stamps[s]) stale.push(s);
    if (stale.length > 0) this.fill(stale, stamps);
    return true;
  }

  /**
   * Calls each stale stamp alone at every frequency of the grid and keeps what it wrote. Frequency
   * by frequency, as a sweep calls them: tubes of one bore share their per-length values at each
   * frequency (sharedTubeAbcd keeps the last ω's), which stamp after stamp would compute again.
   */
  private fill(stale: readonly number[], stamps: readonly Stamp[]): void {
    const { grid, entrySlots, values, scratchRe, scratchIm, firstEntry } = this;
    const stride = 2 * entrySlots.length;
    for (let f = 0; f < grid.length; f++) {
      const omega = 2 * Math.PI * grid[f]!;
      for (const s of stale) {
        const from = firstEntry[s]!;
        const to = firstEntry[s + 1]!;
        for (let k = from; k < to; k++) {
          scratchRe[entrySlots[k]!] = 0;
          scratchIm[entrySlots[k]!] = 0;
        }
        stamps[s]!(omega, scratchRe, scratchIm);
        for (let k = from, at = f * stride + 2 * from; k < to; k++, at += 2) {
          values[at] = scratchRe[entrySlots[k]!]!;
          values[at + 1] = scratchIm[entrySlots[k]!]!;
        }
      }
    }
    for (const s of stale) this.stamps[s] = stamps[s];
    this.tailFresh = false;
  }

  /** Adds every stamp's values at grid point `f` into the matrix (by slot), stamp after stamp. */
  addInto(f: number, matrixRe: Float64Array, matrixIm: Float64Array): void {
    const { entrySlots, values } = this;
    const entries = entrySlots.length;
    for (let k = 0, at = 2 * f * entries; k < entries; k++, at += 2) {
      const slot = entrySlots[k]!;
      matrixRe[slot] = matrixRe[slot]! + values[at]!;
      matrixIm[slot] = matrixIm[slot]! + values[at + 1]!;
    }
  }

  /**
   * As addIntoFactor (every entry), into a paired storage (see PairRoutine.values) as its matrix
   * `lane` (0, 1): the real part of the entry at `slotOffset[s]` = p is at 2p + lane there.
   */
  addIntoPair(f: number, lane: number, values: Float64Array, slotOffset: Int32Array): void {
    this.locate(slotOffset);
    const { offsets, values: cached } = this;
    const entries = offsets.length;
    for (let k = 0, at = 2 * f * entries; k < entries; k++, at += 2) {
      const q = 2 * offsets[k]! + lane;
      values[q] = values[q]! + cached[at]!;
      values[q + 2] = values[q + 2]! + cached[at + 1]!;
    }
  }

  /**
   * Adds every stamp's values at grid point `f` straight into a factor's storage (interleaved),
   * slot s at `slotOffset[s]` (a FactorPlan's): the slots' offsets are worked out once per plan.
   * With `fromOffset`, only the entries stored there or later (a factor's tail rows).
   */
  addIntoFactor(f: number, values: Float64Array, slotOffset: Int32Array, fromOffset = 0): void {
    if (fromOffset > 0) {
      const { offsets: tailOffsets, values: tailValues } = this.tail(slotOffset, fromOffset);
      const width = 2 * tailOffsets.length;
      for (let e = 0, at = f * width; e < tailOffsets.length; e++, at += 2) {
        const p = tailOffsets[e]!;
        values[p] = values[p]! + tailValues[at]!;
        values[p + 1] = values[p + 1]! + tailValues[at + 1]!;
      }
      return;
    }
    this.locate(slotOffset);
    const { offsets, values: cached } = this;
    const entries = offsets.length;
    for (let k = 0, at = 2 * f * entries; k < entries; k++, at += 2) {
      const p = offsets[k]!;
      values[p] = values[p]! + cached[at]!;
      values[p + 1] = values[p + 1]! + cached[at + 1]!;
    }
  }

  /**
   * The entries stored at `fromOffset` or later along the plan whose `slotOffset` is given (a
   * factor's tail rows): their storage offsets, their values by frequency (re, im at
   * 2·(f·entries + e)), and the stamp each came from — what addIntoFactor adds there, in its order.
   * The arrays stay the same while the plan, the grid and the stamps do.
   */
  tail(slotOffset: Int32Array, fromOffset: number): StampTail {
    this.locate(slotOffset);
    const { offsets } = this;
    if (this.tailFrom !== fromOffset) {
      this.tailEntries = Int32Array.from(offsets.keys()).filter((k) => offsets[k]! >= fromOffset);
      this.tailOffsets = this.tailEntries.map((k) => offsets[k]!);
      this.tailFrom = fromOffset;
      this.tailFresh = false;
    }
    if (!this.tailFresh) {
      this.gatherTail();
      this.tailView = {
        offsets: this.tailOffsets,
        values: this.tailValues,
        stamps: this.tailStamps,
      };
    }
    return this.tailView;
  }

  /** The storage offsets of the entries along the plan whose `slotOffset` is given. */
  private locate(slotOffset: Int32Array): void {
    if (this.offsetsFor === slotOffset && this.offsetsOf === this.entrySlots) return;
    this.offsets = Int32Array.from(this.entrySlots, (slot) => slotOffset[slot]!);
    this.offsetsFor = slotOffset;
    this.offsetsOf = this.entrySlots;
    this.tailFrom = -1;
  }

  /** Gathers the tail entries' values, frequency by frequency (see tailValues). */
  private gatherTail(): void {
    const { tailEntries, values, grid } = this;
    const entries = this.entrySlots.length;
    const width = 2 * tailEntries.length;
    if (this.tailValues.length !== width * grid.length)
      this.tailValues = new Float64Array(width * grid.length);
    const { tailValues } = this;
    for (let f = 0; f < grid.length; f++) {
      for (let e = 0; e < tailEntries.length; e++) {
        const from = 2 * (f * entries + tailEntries[e]!);
        tailValues[f * width + 2 * e] = values[from]!;
        tailValues[f * width + 2 * e + 1] = values[from + 1]!;
      }
    }
    this.tailStamps = Array.from(tailEntries, (k) => {
      let s = 0;
      while (this.firstEntry[s + 1]! <= k) s++;
      return this.stamps[s];
    });
    this.tailFresh = true;
  }

  private sameGrid(frequenciesHz: ArrayLike<number>): boolean {
    const { grid } = this;
    if (grid.length !== frequenciesHz.length) return false;
    for (let f = 0; f < grid.length; f++) if (grid[f] !== frequenciesHz[f]) return false;
    return true;
  }

  private sameLayout(stampSlots: readonly Int32Array[]): boolean {
    if (stampSlots.length + 1 !== this.firstEntry.length) return false;
    for (let s = 0; s < stampSlots.length; s++) {
      const slots = stampSlots[s]!;
      const from = this.firstEntry[s]!;
      if (this.firstEntry[s + 1]! - from !== slots.length) return false;
      for (let k = 0; k < slots.length; k++)
        if (this.entrySlots[from + k] !== slots[k]) return false;
    }
    return true;
  }
}
