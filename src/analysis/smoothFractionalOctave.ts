import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { maxLevel, meanOverLogBand, type LevelAverage } from "./logBandAverage.js";
import { assertResponseCurve } from "./responseCurveCheck.js";

export interface SmoothingOptions {
  /** `"power"` (default) averages the magnitude squared; `"db"` averages the dB values. */
  readonly average?: LevelAverage;
}

const SMOOTHING_DEFAULTS: Required<SmoothingOptions> = { average: "power" };

/** Widest and narrowest bands accepted: 1/1 octave (REW's widest) to 1/48 octave. */
const WIDEST_FRACTION = 1;
const NARROWEST_FRACTION = 1 / 48;

/**
 * Fractional-octave smoothing of a frequency response: at each of the curve's own frequencies f, the
 * mean level over the band [f·2^(−fraction/2), f·2^(+fraction/2)] with a rectangular window in log
 * frequency. By default the mean is a power average of the magnitude squared,
 *
 *   L̃(f) = 10·log10( (1/Δx) ∫ 10^(L(x)/10) dx ),   x = log10 f, Δx = fraction·log10 2,
 *
 * so a narrow peak is lowered and widened while keeping its energy; `average: "db"` instead takes the
 * mean of the dB values (REW's "Var" smoothing), which leaves a straight tilt in dB/octave unchanged.
 * The integral runs over the log-interpolated curve (docs/measurements.md §2), not just its samples, so
 * uneven point spacing does not bias it. Near the ends the window is cut to the measured range (no
 * extrapolation), so the end points average over half a band. The phase is dropped: it does not
 * smooth the same way, and a smoothed magnitude with the raw phase would not be a response.
 *
 * @param fraction band width in octaves, from 1 to 1/48 (e.g. 1/3, 1/12, 1/24).
 * @throws TympanError when the curve is not a usable response (impedance, empty, unsorted, non-finite)
 *   or the fraction is out of range.
 */
export function smoothFractionalOctave(
  curve: Curve,
  fraction: number,
  options: SmoothingOptions = {},
): Curve {
  assertResponseCurve(curve, "smoothing");
  if (
    !Number.isFinite(fraction) ||
    fraction > WIDEST_FRACTION * (1 + 1e-12) ||
    fraction < NARROWEST_FRACTION * (1 - 1e-12)
  ) {
    const hint =
      fraction > 1 ? `; for 1/${fraction} octave pass 1/${fraction}, not ${fraction}` : "";
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-smoothing-fraction",
        path: ["fraction"],
        message: `smoothing fraction ${fraction} octave is out of range; give a band width from 1 to 1/48 octave, e.g. 1/12${hint}`,
      },
    ]);
  }
  const { average } = { ...SMOOTHING_DEFAULTS, ...options };
  const { frequencyHz, values } = curve;
  const count = frequencyHz.length;
  const smoothed = new Array<number>(count);
  if (count === 1) {
    smoothed[0] = values[0] as number;
  } else {
    const logF = Float64Array.from(frequencyHz, Math.log10);
    const halfWidth = (fraction * Math.LOG10E * Math.LN2) / 2;
    const xFirst = logF[0] as number;
    const xLast = logF[count - 1] as number;
    const referenceDb = maxLevel(values);
    for (let i = 0; i < count; i++) {
      const x = logF[i] as number;
      const xFrom = Math.max(x - halfWidth, xFirst);
      const xTo = Math.min(x + halfWidth, xLast);
      smoothed[i] = meanOverLogBand(logF, values, xFrom, xTo, average, referenceDb);
    }
  }
  return {
    kind: "response",
    frequencyHz: [...frequencyHz],
    values: smoothed,
    ...(curve.name === undefined ? {} : { name: curve.name }),
  };
}
