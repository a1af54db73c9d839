/**
 * The frequency grid EQ fits and residuals use: AutoEq's, f_k = 20·1.01^k Hz up to 20 kHz (695
 * points, about 1/70 octave; AutoEq constants DEFAULT_F_MIN, DEFAULT_F_MAX, DEFAULT_STEP), so a fit
 * is judged on the very points AutoEq's published results are printed on.
 */
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "../analysis/interpolate.js";
import { TympanError, type Issue, isNonEmpty } from "../core/issues.js";

export const EQ_GRID_FROM_HZ = 20;
export const EQ_GRID_TO_HZ = 20_000;
export const EQ_GRID_STEP = 1.01;
/** The error counts point by point up to here; above, only its average level. */
export const EQ_POINT_BAND_TO_HZ = 10_000;

/** 20·1.01^k for every k with the value ≤ `toHz` (default 20 kHz). */
export function eqFitGrid(toHz: number = EQ_GRID_TO_HZ): Float64Array {
  const count = Math.floor(Math.log(toHz / EQ_GRID_FROM_HZ) / Math.log(EQ_GRID_STEP) + 1e-9) + 1;
  return Float64Array.from({ length: count }, (_, k) => EQ_GRID_FROM_HZ * EQ_GRID_STEP ** k);
}

/**
 * `measurement` and `target` on the fit grid. The grid stops at 20 kHz or where either curve
 * stops, whichever is lower; values are never extrapolated.
 *
 * @throws TympanError when a curve is not a dB response or does not cover 20 Hz–10 kHz.
 */
export function curvesOnFitGrid(
  measurement: Curve,
  target: Curve,
): { frequencyHz: Float64Array; measurementDb: Float64Array; targetDb: Float64Array } {
  const issues: Issue[] = [];
  for (const [role, curve] of [
    ["measurement", measurement],
    ["target", target],
  ] as const) {
    const label = curve.name === undefined ? `the ${role}` : `the ${role} "${curve.name}"`;
    const first = curve.frequencyHz[0];
    const last = curve.frequencyHz[curve.frequencyHz.length - 1];
    if (curve.kind !== "response") {
      issues.push({
        severity: "error",
        code: "eq-needs-response",
        path: [role, "kind"],
        message: `${label} is an impedance curve; an EQ fit needs frequency responses in dB`,
      });
    } else if (first === undefined || last === undefined || first > 20 || last < 10_000) {
      issues.push({
        severity: "error",
        code: "eq-band-not-covered",
        path: [role, "frequencyHz"],
        message: `${label} spans ${first ?? "no"}–${last ?? "no"} Hz but an EQ fit needs 20 Hz–10 kHz; use a curve that covers that band (values are never extrapolated)`,
      });
    }
  }
  if (isNonEmpty(issues)) throw new TympanError(issues);
  const top = Math.min(
    EQ_GRID_TO_HZ,
    measurement.frequencyHz[measurement.frequencyHz.length - 1]!,
    target.frequencyHz[target.frequencyHz.length - 1]!,
  );
  const frequencyHz = eqFitGrid(top);
  return {
    frequencyHz,
    measurementDb: Float64Array.from(interpolateLogFrequency(measurement, frequencyHz)),
    targetDb: Float64Array.from(interpolateLogFrequency(target, frequencyHz)),
  };
}
