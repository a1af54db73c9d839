/**
 * The summed magnitude response of a chain of biquads (an EQ preset), in dB, evaluated in closed form
 * (biquad.ts: the product of the filters' power ratios in u = 1 − cos w, one logarithm a frequency).
 */
import {
  type Biquad,
  DEFAULT_SAMPLE_RATE_HZ,
  chainResponseDbOnGrid,
  unitCircleGrid,
} from "./biquad.js";

/**
 * The summed response of `filters` in dB at each of `frequenciesHz`, designed at `sampleRateHz`
 * (48 kHz by default). Equal, to rounding, to the sum of `biquadResponseDb` of each filter.
 *
 * @throws TympanError when a filter is invalid at that sample rate (see biquadCoefficients).
 */
export function eqResponseDb(
  filters: readonly Biquad[],
  frequenciesHz: ArrayLike<number>,
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): number[] {
  return Array.from(chainResponseDbOnGrid(filters, unitCircleGrid(frequenciesHz, sampleRateHz)));
}
