import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "./interpolate.js";
import { logBandAverageDb } from "./logBandAverage.js";
import { assertResponseCurve } from "./responseCurveCheck.js";

/**
 * How to set a response's level (docs/measurements.md §2):
 * - `{ at: hz, level? }`: the log-interpolated level at `hz` becomes `level` dB (default 0);
 *   squig.link uses `{ at: 500, level: 60 }`.
 * - `"midband"`: the mean of the dB values over 300–3000 Hz, uniform in log frequency, becomes 0 dB.
 * - `"loudness"`: a simple loudness proxy, the power average 10·log10(mean(10^(L/10))) over
 *   100 Hz–10 kHz uniform in log frequency, becomes 0 dB. No ISO 226 equal-loudness weighting: the
 *   band leaves out the bass and the top octave, where a hearing-threshold-free power average would
 *   be dominated by bass boost and the ear simulator's unreliable top end, and it lies inside every
 *   common measurement grid (AutoEq's ends at 19.87 kHz).
 */
export type Normalization =
  { readonly at: number; readonly level?: number } | "midband" | "loudness";

const MIDBAND_HZ = [300, 3000] as const;
const LOUDNESS_HZ = [100, 10_000] as const;

/**
 * The response shifted by a constant so that its reference level (see `Normalization`) is 0 dB, or
 * `level` dB for `{ at, level }`. Shape, frequencies, phase and name are kept.
 *
 * @throws TympanError when the curve is not a usable response, the reference frequency or band lies
 *   outside the curve (its level there would be invented), or `at`/`level` are not finite numbers.
 */
export function normalize(curve: Curve, method: Normalization): Curve {
  assertResponseCurve(curve, "normalisation");
  const offsetDb = targetLevel(method) - referenceLevel(curve, method);
  return { ...curve, values: curve.values.map((v) => v + offsetDb) };
}

function targetLevel(method: Normalization): number {
  if (typeof method === "string") return 0;
  const level = method.level ?? 0;
  if (!Number.isFinite(level)) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-level",
        path: ["method", "level"],
        message: `normalisation level ${level} dB is not a finite number; give e.g. { at: 500, level: 60 }`,
      },
    ]);
  }
  return level;
}

function referenceLevel(curve: Curve, method: Normalization): number {
  if (method === "midband") return logBandAverageDb(curve, MIDBAND_HZ[0], MIDBAND_HZ[1], "db");
  if (method === "loudness")
    return logBandAverageDb(curve, LOUDNESS_HZ[0], LOUDNESS_HZ[1], "power");
  if (typeof method !== "object" || method === null || typeof method.at !== "number") {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-normalization",
        path: ["method"],
        message: `unknown normalisation ${JSON.stringify(method)}; use { at: hz, level? }, "midband" or "loudness"`,
      },
    ]);
  }
  const { at } = method;
  const first = curve.frequencyHz[0] as number;
  const last = curve.frequencyHz[curve.frequencyHz.length - 1] as number;
  if (!Number.isFinite(at) || at < first || at > last) {
    const label = curve.name === undefined ? "the curve" : `curve "${curve.name}"`;
    throw new TympanError([
      {
        severity: "error",
        code: "frequency-out-of-range",
        path: ["method", "at"],
        message: `cannot normalise at ${at} Hz: ${label} spans ${first}–${last} Hz; pick a frequency inside it, e.g. 500 or 1000 Hz`,
      },
    ]);
  }
  return interpolateLogFrequency(curve, [at])[0] as number;
}
