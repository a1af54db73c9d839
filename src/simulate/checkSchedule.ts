/**
 * Largest componentwise backward error accepted from a reused pivot order (after one refinement
 * step) before ordering afresh: about 100 units of rounding.
 */
export const ACCEPTABLE_BACKWARD_ERROR = 1e-14;

/** Verify accuracy at least every this many frequencies … */
const CHECK_EVERY_POINTS = 32;
/** … whenever the frequency has moved by more than this factor (half as much again) either way since … */
const CHECK_EVERY_RATIO = 1.5;
/**
 * … and wherever a factorisation along the reused order has a multiplier above this, as the
 * ordering's equilibrated matrix measures it (see SparseComplexLu.largestMultiplier): 100 times
 * what the ordering itself allows (1/PIVOT_THRESHOLD). Checked at every frequency, it catches a
 * pivot losing its dominance between two verified frequencies (a resonance passing by).
 */
export const MULTIPLIER_LIMIT = 1e5;

/**
 * Where a sweep's run verifies its accuracy (componentwise backward error, with refinement; see
 * FrequencySweep.run): at the first and last point of its grid, and wherever the frequency has
 * moved far enough from the last verified point, in points or in ratio.
 */
export class CheckSchedule {
  /** The last point verified; −1 before the first. */
  verified = -1;
  /** Frequencies outside (below, above) are due for a check. */
  private below = 0;
  private above = 0;

  constructor(private readonly grid: ArrayLike<number>) {}

  /** Whether point f of the grid is due for a check (the last one always is). */
  due(f: number): boolean {
    if (this.verified < 0 || f >= this.grid.length - 1) return true;
    const frequency = this.grid[f]!;
    return (
      f - this.verified >= CHECK_EVERY_POINTS || !(frequency > this.below && frequency < this.above)
    );
  }

  /** Point f has been verified. */
  passed(f: number): void {
    const frequency = this.grid[f]!;
    this.verified = f;
    this.below = frequency / CHECK_EVERY_RATIO;
    this.above = frequency * CHECK_EVERY_RATIO;
  }
}
