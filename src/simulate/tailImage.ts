import type { FactorPlan } from "../linalg/factorPlan.js";
import type { LuLayout } from "./luLayout.js";
import type { StampTail } from "./stampCache.js";

/** Largest image kept, in doubles (32 MiB): a longer grid or a wider tail assembles as it goes. */
const MAX_IMAGE_DOUBLES = 2 ** 22;

/**
 * The rows of a factor's tail (see FactorPlan.headSteps) as assembled at every frequency of a grid,
 * kept between sweeps: a factorisation that skips the head (see HeadCache) then starts with one
 * copy of them instead of scattering the frequency-independent values, the jω terms and the stamps
 * into the factor at every frequency.
 *
 * Every stored entry's assembled value depends only on its own frequency-independent value, its own
 * jω coefficients and the stamps that write it. So when a run changes a few values — an optimiser
 * moving a crossover part — only those entries are assembled again, over the whole grid, by the same
 * operations in the same order as SweepAssembly.intoFactor: the image is bit for bit what assembling
 * at each frequency would give.
 */
export class TailImage {
  /** The plan, term layout, stamp entries and grid the image was laid out for. */
  private plan: FactorPlan | undefined;
  private termOffsets: Int32Array | undefined;
  private stampOffsets: Int32Array | undefined;
  private grid = new Float64Array(0);
  /** Doubles per frequency: the tail's stored entries, re and im interleaved. */
  private width = 0;
  private image = new Float64Array(0);
  /** The image, one view per grid point. */
  private views: Float64Array[] = [];
  /** Per entry (q: at offset tailOffset + 2q): its jω term (-1: none), its stamp entries (CSR). */
  private termOf = new Int32Array(0);
  private stampStart = new Int32Array(1);
  private stampEntries = new Int32Array(0);
  /** What the image holds: the entries' constant values, term coefficients, stamps (by entry). */
  private constants = new Float64Array(0);
  private times = new Float64Array(0);
  private over = new Float64Array(0);
  private stamps: unknown[] = [];
  /** Whether `at` may be used (the last `follow` found the image small enough). */
  usable = false;

  /**
   * Brings the image up to date with `layout`'s values along `plan`, the stamps' tail values
   * (`stampTail`, for `grid`) and `grid`; false, leaving it unusable, when it would be too large.
   */
  follow(
    plan: FactorPlan,
    layout: LuLayout,
    stampTail: StampTail,
    grid: ArrayLike<number>,
  ): boolean {
    const width = layout.constantTail.length;
    this.usable = width > 0 && width * grid.length <= MAX_IMAGE_DOUBLES;
    if (!this.usable) return false;
    const changed = new Set<number>();
    if (
      plan !== this.plan ||
      layout.jOffsets !== this.termOffsets ||
      stampTail.offsets !== this.stampOffsets ||
      !sameValues(grid, this.grid)
    ) {
      this.lay(plan, layout, stampTail, grid);
      for (let q = 0; q < width / 2; q++) changed.add(q);
    } else {
      this.findChanges(layout, stampTail, changed);
    }
    if (changed.size > 0) this.assemble(changed, layout, stampTail);
    return true;
  }

  /** The tail's assembled entries at grid point f (copy them to the layout's tailOffset). */
  at(f: number): Float64Array {
    return this.views[f]!;
  }

  private lay(plan: FactorPlan, layout: LuLayout, stampTail: StampTail, grid: ArrayLike<number>) {
    const { constantTail, tailOffset, tailTerm, jOffsets } = layout;
    const width = constantTail.length;
    const entries = width / 2;
    this.plan = plan;
    this.termOffsets = jOffsets;
    this.stampOffsets = stampTail.offsets;
    this.grid = Float64Array.from(grid);
    this.width = width;
    this.image = new Float64Array(width * grid.length);
    this.views = Array.from(grid, (_, f) => this.image.subarray(f * width, (f + 1) * width));
    this.termOf = new Int32Array(entries).fill(-1);
    for (let k = tailTerm; k < jOffsets.length; k++)
      this.termOf[(jOffsets[k]! - 1 - tailOffset) / 2] = k;
    // Each entry's stamp entries in the order addIntoFactor adds them.
    const counts = new Int32Array(entries + 1);
    for (const offset of stampTail.offsets) counts[(offset - tailOffset) / 2 + 1]!++;
    for (let q = 0; q < entries; q++) counts[q + 1] = counts[q + 1]! + counts[q]!;
    this.stampStart = counts.slice();
    this.stampEntries = new Int32Array(stampTail.offsets.length);
    stampTail.offsets.forEach((offset, e) => {
      this.stampEntries[counts[(offset - tailOffset) / 2]!++] = e;
    });
    this.constants = new Float64Array(width);
    this.times = new Float64Array(entries);
    this.over = new Float64Array(entries);
    this.stamps = [];
  }

  /** Adds to `changed` the entries whose values differ from what the image holds. */
  private findChanges(layout: LuLayout, stampTail: StampTail, changed: Set<number>): void {
    const { constantTail, jTimes, jOver } = layout;
    const { termOf, stampStart, stampEntries, constants, times, over, stamps } = this;
    for (let q = 0; q < termOf.length; q++) {
      const k = termOf[q]!;
      if (
        !Object.is(constantTail[2 * q], constants[2 * q]) ||
        !Object.is(constantTail[2 * q + 1], constants[2 * q + 1]) ||
        (k >= 0 && (!Object.is(jTimes[k], times[q]) || !Object.is(jOver[k], over[q])))
      ) {
        changed.add(q);
        continue;
      }
      for (let i = stampStart[q]!; i < stampStart[q + 1]!; i++) {
        const e = stampEntries[i]!;
        if (stampTail.stamps[e] !== stamps[e]) changed.add(q);
      }
    }
  }

  /** Assembles the `changed` entries over the whole grid, as intoFactor does at each frequency. */
  private assemble(changed: Set<number>, layout: LuLayout, stampTail: StampTail): void {
    const { constantTail, jTimes, jOver } = layout;
    const { termOf, stampStart, stampEntries, constants, times, over, stamps, image, grid } = this;
    const { values: stampValues } = stampTail;
    const width = this.width;
    const stampWidth = 2 * stampTail.offsets.length;
    for (const q of changed) {
      const re = constantTail[2 * q]!;
      const im = constantTail[2 * q + 1]!;
      constants[2 * q] = re;
      constants[2 * q + 1] = im;
      const k = termOf[q]!;
      const t = k >= 0 ? jTimes[k]! : 0;
      const o = k >= 0 ? jOver[k]! : 0;
      times[q] = t;
      over[q] = o;
      const first = stampStart[q]!;
      const last = stampStart[q + 1]!;
      for (let i = first; i < last; i++)
        stamps[stampEntries[i]!] = stampTail.stamps[stampEntries[i]!];
      for (let f = 0, at = 2 * q; f < grid.length; f++, at += width) {
        let vr = re;
        let vi = im;
        if (k >= 0) {
          const omega = 2 * Math.PI * grid[f]!;
          const inverseOmega = 1 / omega;
          vi = vi + (omega * t - o * inverseOmega);
        }
        for (let i = first; i < last; i++) {
          const from = f * stampWidth + 2 * stampEntries[i]!;
          vr = vr + stampValues[from]!;
          vi = vi + stampValues[from + 1]!;
        }
        image[at] = vr;
        image[at + 1] = vi;
      }
    }
  }
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
