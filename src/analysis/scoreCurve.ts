import type { Curve } from "../core/curve.js";
import {
  type PreferenceModel,
  type PreferenceRating,
  type RatingRig,
  type RatingTarget,
  type RatingValidity,
  PREFERENCE_RATING_DEFAULTS,
  preferenceRating,
  ratingValidity,
} from "./preferenceRating.js";

/** A target to rate against, and the id the preference model knows it by ("other" when adjusted or a file). */
export interface RatedTarget {
  readonly curve: Curve;
  readonly id: RatingTarget;
}

export interface ScoreOptions {
  /** The preference model; default in-ear. */
  readonly model?: PreferenceModel;
  /** Where the curve was measured; default "unknown" (a simulated design: pass "simulated"). */
  readonly rig?: RatingRig;
}

/** A curve's predicted preference and whether that number means what the model says. */
export interface CurveScore {
  readonly rating: PreferenceRating;
  readonly validity: RatingValidity;
  readonly rig: RatingRig;
  readonly model: PreferenceModel;
}

/**
 * The predicted preference rating of `curve` against `target` (Olive, Welti & Khonsaripour 2017; see
 * preferenceRating) with the validity label for its rig, model and target (ratingValidity): valid
 * only for a GRAS-type coupler against the model's own Harman target.
 *
 * @throws TympanError when the curve cannot be rated (an impedance, or not covering 20 Hz–10 kHz).
 */
export function scoreCurve(
  curve: Curve,
  target: RatedTarget,
  options: ScoreOptions = {},
): CurveScore {
  const model = options.model ?? PREFERENCE_RATING_DEFAULTS.model;
  const rig = options.rig ?? "unknown";
  const rating = preferenceRating(curve, target.curve, { model });
  return { rating, validity: ratingValidity({ target: target.id, rig, model }), rig, model };
}
