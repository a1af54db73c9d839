/**
 * The fitted filters rounded to what EQ software takes: fc to 1 Hz (0.1 Hz below 100 Hz), Q to 0.01,
 * gain to 0.1 dB, each within its slot's ranges, without letting the rounding lift the summed EQ
 * above the boost limit.
 */
import { type Biquad, chainResponseDbOnGrid, unitCircleGrid } from "./biquad.js";
import { type EqConstraints, type ValueRange, rangeOf } from "./eqConstraints.js";

/**
 * Rounds fc (1 Hz, 0.1 Hz below 100 Hz), Q (0.01) and gain (0.1 dB) within each slot's ranges. If
 * rounding lifts the summed EQ above the maximum boost, the boosting filter that contributes most at
 * the peak gives up 0.1 dB, until the peak is within the limit.
 */
export function roundWithinLimits(
  filters: readonly Biquad[],
  constraints: EqConstraints,
  frequencyHz: Float64Array,
  sampleRateHz: number,
): Biquad[] {
  const grid = unitCircleGrid(frequencyHz, sampleRateHz);
  const rounded = filters.map((filter, k) => {
    const slot = constraints.slots[k]!;
    return {
      type: filter.type,
      fcHz: roundInRange(filter.fcHz, filter.fcHz < 100 ? 0.1 : 1, rangeOf(slot.fcHz)),
      q: roundInRange(filter.q, 0.01, rangeOf(slot.q)),
      gainDb: roundInRange(filter.gainDb, 0.1, slot.gainDb),
    };
  });
  for (let step = 0; step < 1000; step++) {
    const eq = chainResponseDbOnGrid(rounded, grid);
    const peak = eq.indexOf(Math.max(...eq));
    if (eq[peak]! <= constraints.maxBoostDb) break;
    const at = [frequencyHz[peak]!];
    const contributions = rounded.map((filter, k) =>
      filter.gainDb - 0.1 >= constraints.slots[k]!.gainDb.min
        ? chainResponseDbOnGrid([filter], unitCircleGrid(at, sampleRateHz))[0]!
        : -Infinity,
    );
    const k = contributions.indexOf(Math.max(...contributions));
    if (!(contributions[k]! > 0)) break;
    rounded[k] = { ...rounded[k]!, gainDb: Number((rounded[k]!.gainDb - 0.1).toFixed(1)) };
  }
  return rounded;
}

/** `value` rounded to a multiple of `step`, moved one step inwards if that leaves `range`. */
function roundInRange(value: number, step: number, range: ValueRange): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const fix = (v: number) => Number(v.toFixed(decimals));
  let rounded = fix(Math.round(value / step) * step);
  if (rounded < range.min) rounded = fix(Math.ceil(range.min / step - 1e-9) * step);
  if (rounded > range.max) rounded = fix(Math.floor(range.max / step + 1e-9) * step);
  // A range narrower than one step: keep the exact bound.
  return rounded < range.min || rounded > range.max
    ? Math.min(range.max, Math.max(range.min, value))
    : rounded;
}
