import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "./interpolate.js";
import { assertResponseCurve } from "./responseCurveCheck.js";

/**
 * How levels are averaged over a band: `"power"` averages the magnitude squared,
 * 10·log10(mean(10^(L/10))) (a band's energy; the usual fractional-octave smoothing), `"db"` averages
 * the dB values themselves, mean(L) (REW's "Var" smoothing; keeps a tilt a tilt).
 */
export type LevelAverage = "power" | "db";

/** Natural-log units of power per dB: 10^(L/10) = e^(POWER_PER_DB · L). */
const POWER_PER_DB = Math.LN10 / 10;

/**
 * Mean level of the log-frequency–interpolated curve over `[xFrom, xTo]` (log10 Hz), integrated
 * exactly segment by segment rather than sampled, so uneven point spacing cannot bias it. The curve
 * is L(x) linear in x = log10 f between points (docs/measurements.md §2); on a segment where it rises by ΔL
 * over Δx, the power integral is Δx · 10^(L₀/10) · (e^d − 1)/d with d = ΔL · ln10/10.
 *
 * Internal numeric core: `logF` strictly increases with at least two points, `xFrom < xTo` lie within
 * it, and `referenceDb` (the curve's maximum) keeps powers at most 1 so nothing overflows.
 */
export function meanOverLogBand(
  logF: Float64Array,
  values: readonly number[],
  xFrom: number,
  xTo: number,
  average: LevelAverage,
  referenceDb: number,
): number {
  const last = logF.length - 1;
  let k = 0;
  let hi = last;
  while (hi - k > 1) {
    const mid = (k + hi) >> 1;
    if ((logF[mid] as number) <= xFrom) k = mid;
    else hi = mid;
  }
  let sum = 0;
  for (; k < last; k++) {
    const x0 = logF[k] as number;
    const x1 = logF[k + 1] as number;
    if (x0 >= xTo) break;
    const v0 = values[k] as number;
    const slope = ((values[k + 1] as number) - v0) / (x1 - x0);
    const xa = Math.max(x0, xFrom);
    const xb = Math.min(x1, xTo);
    if (!(xb > xa)) continue;
    const va = v0 + slope * (xa - x0);
    const vb = v0 + slope * (xb - x0);
    if (average === "db") {
      sum += ((xb - xa) * (va + vb)) / 2;
    } else {
      const d = POWER_PER_DB * (vb - va);
      const growth = Math.abs(d) < 1e-12 ? 1 : Math.expm1(d) / d;
      sum += (xb - xa) * Math.exp(POWER_PER_DB * (va - referenceDb)) * growth;
    }
  }
  const mean = sum / (xTo - xFrom);
  return average === "db" ? mean : referenceDb + Math.log10(mean) * 10;
}

/** Largest value, the power reference of `meanOverLogBand`. */
export function maxLevel(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** Relative slack when checking that a band lies inside a curve (rounded grid ends, e.g. 20.00 Hz). */
const RANGE_TOLERANCE = 1e-9;

/**
 * The mean level of a frequency response over `[fromHz, toHz]`, weighted uniformly in log frequency
 * (each octave counts the same) and integrated exactly over the log-interpolated curve:
 *
 *   "db":    (1/(x₂−x₁)) ∫ L(x) dx                          x = log10 f
 *   "power": 10·log10((1/(x₂−x₁)) ∫ 10^(L(x)/10) dx)
 *
 * @throws TympanError when the curve is not a usable response, the band is not a positive range, or
 *   the curve does not cover the band (end values are not extrapolated into an average).
 */
export function logBandAverageDb(
  curve: Curve,
  fromHz: number,
  toHz: number,
  average: LevelAverage,
): number {
  assertResponseCurve(curve, "a band average");
  if (!(fromHz > 0) || !Number.isFinite(toHz) || !(toHz > fromHz)) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-band",
        path: ["fromHz"],
        message: `band ${fromHz}–${toHz} Hz is not a range of positive frequencies; give 0 < fromHz < toHz`,
      },
    ]);
  }
  const { frequencyHz, values } = curve;
  const first = frequencyHz[0] as number;
  const last = frequencyHz[frequencyHz.length - 1] as number;
  if (fromHz < first * (1 - RANGE_TOLERANCE) || toHz > last * (1 + RANGE_TOLERANCE)) {
    const label = curve.name === undefined ? "the curve" : `curve "${curve.name}"`;
    throw new TympanError([
      {
        severity: "error",
        code: "band-not-covered",
        path: ["frequencyHz"],
        message: `${label} spans ${first}–${last} Hz but the average needs ${fromHz}–${toHz} Hz; use a measurement that covers the band`,
      },
    ]);
  }
  const logF = Float64Array.from(frequencyHz, Math.log10);
  const xFrom = Math.max(Math.log10(fromHz), logF[0] as number);
  const xTo = Math.min(Math.log10(toHz), logF[logF.length - 1] as number);
  // A band squeezed to one point by the tolerance (or a one-point curve): its level there.
  if (!(xTo > xFrom))
    return interpolateLogFrequency(curve, [Math.sqrt(fromHz * toHz)])[0] as number;
  return meanOverLogBand(logF, values, xFrom, xTo, average, maxLevel(values));
}
