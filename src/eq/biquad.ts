/**
 * Second-order IIR filters (biquads) as parametric EQ and graph tools use them: peaking, low shelf and
 * high shelf, designed with the bilinear transform at a sample rate (48 kHz by default).
 *
 * Coefficients: R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients"
 * (the Audio EQ Cookbook, W3C Audio Working Group note, https://www.w3.org/TR/audio-eq-cookbook/),
 * with A = 10^(gainDb/40), w0 = 2π·fc/fs, α = sin(w0)/(2Q):
 *
 *   peaking     b = [1 + αA, −2cos w0, 1 − αA],  a = [1 + α/A, −2cos w0, 1 − α/A]
 *   low shelf   b = A·[(A+1) − (A−1)cos w0 + 2√A α, 2((A−1) − (A+1)cos w0), (A+1) − (A−1)cos w0 − 2√A α]
 *               a = [(A+1) + (A−1)cos w0 + 2√A α, −2((A−1) + (A+1)cos w0), (A+1) + (A−1)cos w0 − 2√A α]
 *   high shelf  b = A·[(A+1) + (A−1)cos w0 + 2√A α, −2((A−1) + (A+1)cos w0), (A+1) + (A−1)cos w0 − 2√A α]
 *               a = [(A+1) − (A−1)cos w0 + 2√A α, 2((A−1) − (A+1)cos w0), (A+1) − (A−1)cos w0 − 2√A α]
 *
 * The magnitude is evaluated in closed form on the unit circle, z = e^{jw}, w = 2π·f/fs. The power
 * response |H|² = (b0² + b1² + b2² + 2(b0b1 + b1b2)cos w + 2b0b2 cos 2w) / (same with a) is, in
 * u = 1 − cos w = 2·sin²(w/2), a ratio of two quadratics:
 *
 *   |H(w)|² = (n0 − n1·u + n2·u²) / (d0 − d1·u + d2·u²)
 *
 * with n0 = (b0 + b1 + b2)², n1 = 2(b0b1 + b1b2) + 8·b0b2, n2 = 4·b0b2 (the same with 1, a1, a2 for
 * d). Both forms are equal, but the one in u keeps its precision where filters act at low
 * frequencies: there u ≈ w²/2 and N ≈ (b0 + b1 + b2)² are tiny, and the cosine form gets them as the
 * difference of O(1) terms. That lost the EQ fit's derivatives (differences of such values) below a
 * filter's centre — half the derivative at 20 Hz of a 131 Hz filter at 48 kHz. A cascade multiplies
 * the ratios, so a chain in dB is 10·log10 of their product: one logarithm per frequency however
 * many filters there are — what makes the EQ fit fast. One filter's response is a chain of one.
 */
import { TympanError, type Issue } from "../core/issues.js";

export type BiquadType = "peaking" | "low-shelf" | "high-shelf";

/** One RBJ-cookbook filter: plain data, serialisable. */
export interface Biquad {
  readonly type: BiquadType;
  /** Centre (peaking) or corner (shelf, the midpoint of the transition in dB) frequency, Hz. */
  readonly fcHz: number;
  /** Gain at fc (peaking) or of the shelf plateau, dB. */
  readonly gainDb: number;
  /** Quality factor; for shelves the cookbook's Q (0.707 gives the steepest slope without overshoot). */
  readonly q: number;
}

/** The sample rate filters are designed at when none is given, Hz. */
export const DEFAULT_SAMPLE_RATE_HZ = 48_000;

/** Normalised coefficients: b0, b1, b2, a1, a2 with a0 = 1. */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/**
 * The cookbook coefficients of `filter` at `sampleRateHz`, normalised so that a0 = 1.
 *
 * @throws TympanError when fc is not between 0 and Nyquist, Q is not positive, or gain is not finite.
 */
export function biquadCoefficients(
  filter: Biquad,
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): BiquadCoefficients {
  const issues = biquadIssues(filter, sampleRateHz);
  if (issues.length > 0) throw new TympanError(issues as [Issue, ...Issue[]]);
  const A = 10 ** (filter.gainDb / 40);
  const w0 = (2 * Math.PI * filter.fcHz) / sampleRateHz;
  const cosW0 = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * filter.q);
  let b: [number, number, number];
  let a: [number, number, number];
  switch (filter.type) {
    case "peaking":
      b = [1 + alpha * A, -2 * cosW0, 1 - alpha * A];
      a = [1 + alpha / A, -2 * cosW0, 1 - alpha / A];
      break;
    case "low-shelf": {
      const s = 2 * Math.sqrt(A) * alpha;
      b = [
        A * (A + 1 - (A - 1) * cosW0 + s),
        2 * A * (A - 1 - (A + 1) * cosW0),
        A * (A + 1 - (A - 1) * cosW0 - s),
      ];
      a = [
        A + 1 + (A - 1) * cosW0 + s,
        -2 * (A - 1 + (A + 1) * cosW0),
        A + 1 + (A - 1) * cosW0 - s,
      ];
      break;
    }
    case "high-shelf": {
      const s = 2 * Math.sqrt(A) * alpha;
      b = [
        A * (A + 1 + (A - 1) * cosW0 + s),
        -2 * A * (A - 1 + (A + 1) * cosW0),
        A * (A + 1 + (A - 1) * cosW0 - s),
      ];
      a = [A + 1 - (A - 1) * cosW0 + s, 2 * (A - 1 - (A + 1) * cosW0), A + 1 - (A - 1) * cosW0 - s];
      break;
    }
  }
  const a0 = a[0];
  return { b0: b[0] / a0, b1: b[1] / a0, b2: b[2] / a0, a1: a[1] / a0, a2: a[2] / a0 };
}

/**
 * The magnitude response of `filter` in dB at each of `frequenciesHz` (closed form on the unit circle;
 * see the module comment). Frequencies are taken as they are: above Nyquist the response repeats.
 */
export function biquadResponseDb(
  filter: Biquad,
  frequenciesHz: ArrayLike<number>,
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): number[] {
  return Array.from(chainResponseDbOnGrid([filter], unitCircleGrid(frequenciesHz, sampleRateHz)));
}

/** u = 1 − cos w at each frequency of a grid, for one sample rate: computed once per fit. */
export interface UnitCircleGrid {
  readonly sampleRateHz: number;
  /** 1 − cos(2π·f/fs) = 2·sin²(π·f/fs), exact to rounding even where it is tiny. */
  readonly oneMinusCosW: Float64Array;
}

/** The grid's u = 1 − cos w at `sampleRateHz`. */
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

function biquadIssues(filter: Biquad, sampleRateHz: number): Issue[] {
  const issues: Issue[] = [];
  if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) {
    issues.push({
      severity: "error",
      code: "invalid-sample-rate",
      path: ["sampleRateHz"],
      message: `sample rate ${sampleRateHz} Hz is not a positive finite number; use e.g. 48000`,
    });
  } else if (!(filter.fcHz > 0) || !(filter.fcHz < sampleRateHz / 2)) {
    issues.push({
      severity: "error",
      code: "invalid-filter-frequency",
      path: ["fcHz"],
      message: `${filter.type} filter at ${filter.fcHz} Hz: the frequency must be above 0 and below Nyquist (${sampleRateHz / 2} Hz)`,
    });
  }
  if (!(filter.q > 0) || !Number.isFinite(filter.q)) {
    issues.push({
      severity: "error",
      code: "invalid-filter-q",
      path: ["q"],
      message: `${filter.type} filter at ${filter.fcHz} Hz has Q ${filter.q}; Q must be a positive number (0.707 is a common choice)`,
    });
  }
  if (!Number.isFinite(filter.gainDb)) {
    issues.push({
      severity: "error",
      code: "invalid-filter-gain",
      path: ["gainDb"],
      message: `${filter.type} filter at ${filter.fcHz} Hz has gain ${filter.gainDb} dB; give a finite gain`,
    });
  }
  return issues;
}
