/**
 * The summed magnitude response of a chain of biquads (an EQ preset), in dB, evaluated in closed form.
 *
 * Each filter's power response on the unit circle is a ratio of two quadratics in u = 1 − cos w:
 *
 *   |H(w)|² = (n0 − n1·u + n2·u²) / (d0 − d1·u + d2·u²),  w = 2π·f/fs, u = 2·sin²(w/2)
 *
 * with n0 = (b0 + b1 + b2)², n1 = 2(b0b1 + b1b2) + 8·b0b2, n2 = 4·b0b2 (the same with 1, a1, a2 for
 * d). It equals the cosine form n0' + n1'·cos w + n2'·cos 2w, but keeps its precision where filters
 * act at low frequencies: there u ≈ w²/2 and N ≈ (b0 + b1 + b2)² are tiny, and the cosine form gets
 * them as the difference of O(1) terms. That lost the fit's derivatives (differences of such values)
 * below a filter's centre — half the derivative at 20 Hz of a 131 Hz filter at 48 kHz.
 * A cascade multiplies the ratios, so the chain in dB is 10·log10 of their product: one logarithm
 * per frequency however many filters there are — what makes the EQ fit fast.
 */
import { type Biquad, DEFAULT_SAMPLE_RATE_HZ, biquadCoefficients } from "./biquad.js";

/** u = 1 − cos w at each frequency of a grid, for one sample rate: computed once per fit. */
export interface UnitCircleGrid {
  readonly sampleRateHz: number;
  /** 1 − cos(2π·f/fs) = 2·sin²(π·f/fs), exact to rounding even where it is tiny. */
  readonly oneMinusCosW: Float64Array;
}

export function unitCircleGrid(
  frequenciesHz: ArrayLike<number>,
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): UnitCircleGrid {
  const oneMinusCosW = new Float64Array(frequenciesHz.length);
  for (let i = 0; i < frequenciesHz.length; i++) {
    const half = Math.sin((Math.PI * (frequenciesHz[i] as number)) / sampleRateHz);
    oneMinusCosW[i] = 2 * half * half;
  }
  return { sampleRateHz, oneMinusCosW };
}

/** The coefficients of one filter's power response in u = 1 − cos w (see the module comment). */
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
  const numeratorAtDc = b0 + b1 + b2;
  const denominatorAtDc = 1 + a1 + a2;
  return {
    n0: numeratorAtDc * numeratorAtDc,
    n1: 2 * (b0 * b1 + b1 * b2) + 8 * b0 * b2,
    n2: 4 * b0 * b2,
    d0: denominatorAtDc * denominatorAtDc,
    d1: 2 * (a1 + a1 * a2) + 8 * a2,
    d2: 4 * a2,
  };
}

/**
 * The chain's response in dB on a prepared grid, written into `out` (allocated when not given).
 * An empty chain is 0 dB everywhere.
 */
export function chainResponseDbOnGrid(
  filters: readonly Biquad[],
  grid: UnitCircleGrid,
  out: Float64Array = new Float64Array(grid.oneMinusCosW.length),
): Float64Array {
  const polynomials = filters.map((filter) => powerPolynomials(filter, grid.sampleRateHz));
  const { oneMinusCosW } = grid;
  for (let i = 0; i < oneMinusCosW.length; i++) {
    const u = oneMinusCosW[i] as number;
    let ratio = 1;
    for (const p of polynomials) {
      ratio *= (p.n0 - u * (p.n1 - u * p.n2)) / (p.d0 - u * (p.d1 - u * p.d2));
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
