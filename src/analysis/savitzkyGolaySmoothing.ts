import type { Curve } from "../core/curve.js";
import { assertResponseCurve } from "./responseCurveCheck.js";
import { TympanError } from "../core/issues.js";

/**
 * The smoothing the community EQ reference (AutoEq) applies before it fits an equalizer
 * (docs/measurements.md §2): a quadratic Savitzky–Golay filter over a window of `windowOctaves` (1/12 octave)
 * and a much wider one of `trebleWindowOctaves` (2 octaves), blended by a logistic in log frequency
 * that moves from the first to the second between `trebleFromHz` and `trebleToHz` (6–8 kHz).
 *
 * Facts of the method (not its code) as published in AutoEq: the window in samples is
 * round(ln 2^octaves / ln s̄), made odd, with s̄ the mean ratio of neighbouring frequencies, so the
 * curve must be (near) log-spaced, as AutoEq's 1.01-step grid is; the filter treats the first and
 * last half-windows by fitting one quadratic to the first (last) full window ("interp" edges); the
 * blend weight is the logistic of (log10 f − log10 f_c) / (h / 4), with f_c = √(f_lower·f_upper) and
 * h = log10 f_upper − log10 f_c.
 */
export interface SavitzkyGolayOptions {
  readonly windowOctaves: number;
  readonly trebleWindowOctaves: number;
  readonly trebleFromHz: number;
  readonly trebleToHz: number;
}

/** AutoEq's windows: 1/12 octave, 2 octaves in the treble, blended between 6 and 8 kHz. */
export const SAVITZKY_GOLAY_DEFAULTS: SavitzkyGolayOptions = {
  windowOctaves: 1 / 12,
  trebleWindowOctaves: 2,
  trebleFromHz: 6000,
  trebleToHz: 8000,
};

/**
 * The response smoothed as AutoEq smooths it before fitting (see SavitzkyGolayOptions): quadratic
 * Savitzky–Golay over 1/12 octave, 2 octaves in the treble. Frequencies, name and kind are kept.
 *
 * @throws TympanError when the curve is not a usable, near log-spaced response or the options are invalid.
 */
export function smoothSavitzkyGolay(
  curve: Curve,
  options: Partial<SavitzkyGolayOptions> = {},
): Curve {
  assertResponseCurve(curve, "AutoEq-style smoothing");
  const settings = { ...SAVITZKY_GOLAY_DEFAULTS, ...options };
  if (!(settings.trebleToHz > settings.trebleFromHz)) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-smoothing",
        path: ["trebleToHz"],
        message: `the treble transition must rise: ${settings.trebleFromHz} Hz to ${settings.trebleToHz} Hz`,
      },
    ]);
  }
  const f = curve.frequencyHz;
  const y = curve.values;
  const normal = savitzkyGolay(y, windowPoints(f, settings.windowOctaves));
  const treble = savitzkyGolay(y, windowPoints(f, settings.trebleWindowOctaves));
  const center = Math.log10(Math.sqrt(settings.trebleFromHz * settings.trebleToHz));
  const halfRange = Math.log10(settings.trebleToHz) - center;
  const values = f.map((frequency, i) => {
    const k = 1 / (1 + Math.exp(-(Math.log10(frequency) - center) / (halfRange / 4)));
    return normal[i]! * (1 - k) + treble[i]! * k;
  });
  return {
    kind: "response",
    frequencyHz: [...f],
    values,
    ...(curve.name ? { name: curve.name } : {}),
  };
}

/** The window in samples for a width in octaves on a log-spaced grid: odd, at least 3. */
function windowPoints(frequencies: readonly number[], octaves: number): number {
  let ratioSum = 0;
  for (let i = 1; i < frequencies.length; i++) ratioSum += frequencies[i]! / frequencies[i - 1]!;
  const meanStep = ratioSum / (frequencies.length - 1);
  let n = Math.round(Math.log(2 ** octaves) / Math.log(meanStep));
  if (n % 2 === 0) n += 1;
  return Math.max(n, 3);
}

/**
 * Quadratic Savitzky–Golay smoothing with a window of n (odd) samples: each interior point becomes
 * the value at its centre of the least-squares parabola through its window; the first and last
 * (n − 1)/2 points take the parabola fitted to the first (last) n samples.
 */
function savitzkyGolay(y: readonly number[], n: number): number[] {
  if (y.length < n) {
    throw new TympanError([
      {
        severity: "error",
        code: "curve-too-short",
        path: [],
        message: `the curve has ${y.length} points, fewer than the ${n}-point smoothing window; use a finer grid (AutoEq's is 1 % steps)`,
      },
    ]);
  }
  const m = (n - 1) / 2;
  // Closed-form quadratic SG weights: (3(3m² + 3m − 1) − 15k²) / ((2m + 1)(4m² + 4m − 3)).
  const denominator = (2 * m + 1) * (4 * m * m + 4 * m - 3);
  const weights = Array.from({ length: n }, (_, j) => {
    const k = j - m;
    return (3 * (3 * m * m + 3 * m - 1) - 15 * k * k) / denominator;
  });
  const out = new Array<number>(y.length);
  for (let i = m; i < y.length - m; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += weights[j]! * y[i - m + j]!;
    out[i] = sum;
  }
  const head = fitQuadratic(y, 0, n);
  for (let i = 0; i < m; i++) out[i] = head(i);
  const tailStart = y.length - n;
  const tail = fitQuadratic(y, tailStart, n);
  for (let i = y.length - m; i < y.length; i++) out[i] = tail(i - tailStart);
  return out;
}

/** Least-squares parabola through y[start … start+n) against x = 0 … n−1, as a function of x. */
function fitQuadratic(y: readonly number[], start: number, n: number): (x: number) => number {
  // Normal equations for a + b·x + c·x² (sums of powers of x, exact for integer x).
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0,
    t0 = 0,
    t1 = 0,
    t2 = 0;
  for (let x = 0; x < n; x++) {
    const v = y[start + x]!;
    const x2 = x * x;
    s0 += 1;
    s1 += x;
    s2 += x2;
    s3 += x2 * x;
    s4 += x2 * x2;
    t0 += v;
    t1 += v * x;
    t2 += v * x2;
  }
  const det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
  const a = (t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2)) / det;
  const b = (s0 * (t1 * s4 - t2 * s3) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2)) / det;
  const c = (s0 * (s2 * t2 - s3 * t1) - s1 * (s1 * t2 - s2 * t1) + t0 * (s1 * s3 - s2 * s2)) / det;
  return (x) => a + b * x + c * x * x;
}
