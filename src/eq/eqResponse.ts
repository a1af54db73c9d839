/**
 * The summed magnitude response of a chain of biquads (an EQ preset), in dB, evaluated in closed form.
 *
 * Each filter's power response on the unit circle is a ratio of two cosine polynomials (biquad.ts):
 *
 *   |H(w)|² = (n0 + n1·cos w + n2·cos 2w) / (d0 + d1·cos w + d2·cos 2w),  w = 2π·f/fs
 *
 * A cascade multiplies them, so the chain in dB is 10·log10 of the product of the ratios: one logarithm
 * per frequency however many filters there are — what makes the EQ fit fast.
 */
import { type Biquad, DEFAULT_SAMPLE_RATE_HZ, biquadCoefficients } from "./biquad.js";

/** cos w and cos 2w at each frequency of a grid, for one sample rate: computed once per fit. */
export interface UnitCircleGrid {
  readonly sampleRateHz: number;
  readonly cosW: Float64Array;
  readonly cos2W: Float64Array;
}

export function unitCircleGrid(
  frequenciesHz: ArrayLike<number>,
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): UnitCircleGrid {
  const cosW = new Float64Array(frequenciesHz.length);
  const cos2W = new Float64Array(frequenciesHz.length);
  for (let i = 0; i < frequenciesHz.length; i++) {
    const c = Math.cos((2 * Math.PI * (frequenciesHz[i] as number)) / sampleRateHz);
    cosW[i] = c;
    cos2W[i] = 2 * c * c - 1;
  }
  return { sampleRateHz, cosW, cos2W };
}

/** The six cosine-polynomial coefficients of one filter's power response (see the module comment). */
export interface PowerPolynomials {
  readonly n0: number;
  readonly n1: number;
  readonly n2: number;
  readonly d0: number;
  readonly d1: number;
  readonly d2: number;
}

export function powerPolynomials(filter: Biquad, sampleRateHz: number): PowerPolynomials {
  const { b0, b1, b2, a1, a2 } = biquadCoefficients(filter, sampleRateHz);
  return {
    n0: b0 * b0 + b1 * b1 + b2 * b2,
    n1: 2 * (b0 * b1 + b1 * b2),
    n2: 2 * b0 * b2,
    d0: 1 + a1 * a1 + a2 * a2,
    d1: 2 * (a1 + a1 * a2),
    d2: 2 * a2,
  };
}

/**
 * The chain's response in dB on a prepared grid, written into `out` (allocated when not given).
 * An empty chain is 0 dB everywhere.
 */
export function chainResponseDbOnGrid(
  filters: readonly Biquad[],
  grid: UnitCircleGrid,
  out: Float64Array = new Float64Array(grid.cosW.length),
): Float64Array {
  const polynomials = filters.map((filter) => powerPolynomials(filter, grid.sampleRateHz));
  const { cosW, cos2W } = grid;
  for (let i = 0; i < cosW.length; i++) {
    const c1 = cosW[i] as number;
    const c2 = cos2W[i] as number;
    let ratio = 1;
    for (const p of polynomials) {
      ratio *= (p.n0 + p.n1 * c1 + p.n2 * c2) / (p.d0 + p.d1 * c1 + p.d2 * c2);
    }
    out[i] = 10 * Math.log10(ratio);
  }
  return out;
}

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
