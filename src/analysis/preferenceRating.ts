import { TympanError, type Issue } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "./interpolate.js";

/**
 * Predicted preference rating of a headphone from its error against the Harman target.
 *
 * In-ear model: S. E. Olive, T. Welti and O. Khonsaripour, "A statistical model that predicts
 * listeners' preference ratings of in-ear headphones", AES 143rd Convention (2017):
 *
 *   PPR = 100.0795 − 8.5·SD − 6.796·|slope| − 3.475·AME
 *
 * Over-ear model: S. E. Olive, T. Welti and E. McMullin, "A statistical model that predicts
 * listeners' preference ratings of around-ear and on-ear headphones", AES 144th Convention (2018):
 *
 *   PPR = 114.490443008238 − 12.62·SD − 15.5163857197367·|slope|
 *
 * Computed as the community reference (AutoEq) does, whose ranking reproduces the published
 * spreadsheet (docs/measurements.md §4): error(f) = measurement(f) − target(f), both interpolated linearly in
 * log10 f onto `PREFERENCE_GRID_HZ` (no smoothing); SD is the sample standard deviation (n − 1) of the
 * error and slope the least-squares slope of the error against ln f (dB per natural-log unit), both
 * over 20 Hz–10 kHz (in-ear) or 50 Hz–10 kHz (over-ear); AME (in-ear only) is the mean of
 * |error(f) − error(500 Hz)| over 40 Hz–10 kHz. All bands include their ends.
 */

/** The fixed 121-point grid of the preference model, in Hz, exactly as published (docs/measurements.md §4). */
export const PREFERENCE_GRID_HZ: readonly number[] = Object.freeze([
  20, 21.2, 22.4, 23.6, 25, 26.5, 28, 30, 31.5, 33.5, 35.5, 37.5, 40, 42.5, 45, 47.5, 50, 53, 56,
  60, 63, 67, 71, 75, 80, 85, 90, 95, 100, 106, 112, 118, 125, 132, 140, 150, 160, 170, 180, 190,
  200, 212, 224, 236, 250, 265, 280, 300, 315, 335, 355, 375, 400, 425, 450, 475, 500, 530, 560,
  600, 630, 670, 710, 750, 800, 850, 900, 950, 1000, 1060, 1120, 1180, 1250, 1320, 1400, 1500, 1600,
  1700, 1800, 1900, 2000, 2120, 2240, 2360, 2500, 2650, 2800, 3000, 3150, 3350, 3550, 3750, 4000,
  4250, 4500, 4750, 5000, 5300, 5600, 6000, 6300, 6700, 7100, 7500, 8000, 8500, 9000, 9500, 10000,
  10600, 11200, 11800, 12500, 13200, 14000, 15000, 16000, 17000, 18000, 19000, 20000,
]);

export type PreferenceModel = "in-ear" | "over-ear";

export interface PreferenceRatingOptions {
  /** Which published model to apply; "in-ear" by default. */
  readonly model?: PreferenceModel;
}

export const PREFERENCE_RATING_DEFAULTS: Required<PreferenceRatingOptions> = { model: "in-ear" };

export interface PreferenceRating {
  readonly model: PreferenceModel;
  /** Predicted preference rating, full precision (the literature prints it to 0.1 or 1). */
  readonly ppr: number;
  /** Sample standard deviation (n − 1) of the error over the model's band, dB. */
  readonly sd: number;
  /** Least-squares slope of the error against ln f over the model's band, dB per natural-log unit. */
  readonly slope: number;
  /** The same slope in dB per octave (slope · ln 2), for people who think in octaves. */
  readonly slopePerOctave: number;
  /** Mean |error(f) − error(500 Hz)| over 40 Hz–10 kHz, dB; in-ear model only. */
  readonly ame?: number;
  /** Number of grid points in the SD/slope band (109 for in-ear, 93 for over-ear). */
  readonly gridPoints: number;
}

interface ModelDefinition {
  readonly bandFromHz: number;
  readonly bandToHz: number;
  readonly intercept: number;
  readonly sdWeight: number;
  readonly slopeWeight: number;
  /** AME band and weight; absent for models without an AME term. */
  readonly ame?: { readonly fromHz: number; readonly toHz: number; readonly weight: number };
}

const MODELS: { readonly [K in PreferenceModel]: ModelDefinition } = {
  "in-ear": {
    bandFromHz: 20,
    bandToHz: 10_000,
    intercept: 100.0795,
    sdWeight: 8.5,
    slopeWeight: 6.796,
    ame: { fromHz: 40, toHz: 10_000, weight: 3.475 },
  },
  "over-ear": {
    bandFromHz: 50,
    bandToHz: 10_000,
    intercept: 114.490443008238,
    sdWeight: 12.62,
    slopeWeight: 15.5163857197367,
  },
};

/** AME is measured relative to the error at this grid frequency. */
const AME_REFERENCE_HZ = 500;

/**
 * The predicted preference rating of `measurement` against `target` (see the module comment for the
 * equations). Both curves are dB responses; their absolute levels do not matter.
 *
 * @throws TympanError when either curve is an impedance, or does not cover the model's band
 *   (20 Hz–10 kHz in-ear, 50 Hz–10 kHz over-ear); every problem found is reported at once.
 */
export function preferenceRating(
  measurement: Curve,
  target: Curve,
  options: PreferenceRatingOptions = {},
): PreferenceRating {
  const { model } = { ...PREFERENCE_RATING_DEFAULTS, ...options };
  const definition = MODELS[model];
  const issues = [
    ...curveIssues(measurement, "measurement", definition, model),
    ...curveIssues(target, "target", definition, model),
  ];
  if (issues.length > 0) throw new TympanError(issues as [Issue, ...Issue[]]);

  const measured = interpolateLogFrequency(measurement, PREFERENCE_GRID_HZ);
  const targeted = interpolateLogFrequency(target, PREFERENCE_GRID_HZ);
  const error = measured.map((value, i) => value - (targeted[i] as number));

  const band = indicesWithin(definition.bandFromHz, definition.bandToHz);
  const sd = sampleStandardDeviation(band.map((i) => error[i] as number));
  const slope = leastSquaresSlope(
    band.map((i) => Math.log(PREFERENCE_GRID_HZ[i] as number)),
    band.map((i) => error[i] as number),
  );
  let ppr =
    definition.intercept - definition.sdWeight * sd - definition.slopeWeight * Math.abs(slope);

  let ame: number | undefined;
  if (definition.ame !== undefined) {
    const reference = error[PREFERENCE_GRID_HZ.indexOf(AME_REFERENCE_HZ)] as number;
    const ameBand = indicesWithin(definition.ame.fromHz, definition.ame.toHz);
    ame = ameBand.reduce((sum, i) => sum + Math.abs((error[i] as number) - reference), 0);
    ame /= ameBand.length;
    ppr -= definition.ame.weight * ame;
  }

  return {
    model,
    ppr,
    sd,
    slope,
    slopePerOctave: slope * Math.LN2,
    ...(ame === undefined ? {} : { ame }),
    gridPoints: band.length,
  };
}

function curveIssues(
  curve: Curve,
  role: "measurement" | "target",
  definition: ModelDefinition,
  model: PreferenceModel,
): Issue[] {
  const label = curve.name === undefined ? `the ${role}` : `the ${role} "${curve.name}"`;
  if (curve.kind !== "response") {
    return [
      {
        severity: "error",
        code: "rating-needs-response",
        path: [role, "kind"],
        message: `${label} is an impedance curve; the preference rating needs a frequency response in dB`,
      },
    ];
  }
  const first = curve.frequencyHz[0];
  const last = curve.frequencyHz[curve.frequencyHz.length - 1];
  if (first === undefined || last === undefined) {
    return [
      { severity: "error", code: "empty-curve", path: [role], message: `${label} has no points` },
    ];
  }
  const from = definition.bandFromHz;
  const to = definition.bandToHz;
  if (first > from || last < to) {
    return [
      {
        severity: "error",
        code: "rating-band-not-covered",
        path: [role, "frequencyHz"],
        message: `${label} spans ${first}–${last} Hz but the ${model} preference model needs ${from} Hz–${to / 1000} kHz; use a measurement that covers the whole band (values outside a curve are never extrapolated)`,
      },
    ];
  }
  return [];
}

function indicesWithin(fromHz: number, toHz: number): number[] {
  const indices: number[] = [];
  PREFERENCE_GRID_HZ.forEach((f, i) => {
    if (f >= fromHz && f <= toHz) indices.push(i);
  });
  return indices;
}

function sampleStandardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

function leastSquaresSlope(x: readonly number[], y: readonly number[]): number {
  const meanX = x.reduce((sum, v) => sum + v, 0) / x.length;
  const meanY = y.reduce((sum, v) => sum + v, 0) / y.length;
  let covariance = 0;
  let variance = 0;
  x.forEach((xi, i) => {
    const dx = xi - meanX;
    covariance += dx * ((y[i] as number) - meanY);
    variance += dx * dx;
  });
  return covariance / variance;
}

/** Which targets a score can be computed against. */
export type RatingTarget = "harman-in-ear-2019v2" | "harman-over-ear-2018" | "other";

/**
 * Where the measurement came from: "gras" a GRAS-type coupler (RA0045 / 43AG, as used to build the
 * models), "711" another IEC 60318-4 (711) ear simulator such as the common clones, "simulated" a
 * Tympan or other simulation, "unknown" when nobody said.
 */
export type RatingRig = "gras" | "711" | "simulated" | "unknown";

/** Every rig a rating can come from, for option lists and validation (RIG_DESCRIPTION's keys). */
export const RATING_RIGS: readonly RatingRig[] = ["gras", "711", "simulated", "unknown"];

/** Every preference model, for option lists and validation (MODELS' keys). */
export const PREFERENCE_MODELS: readonly PreferenceModel[] = ["in-ear", "over-ear"];

/** True when `text` names a rig of RATING_RIGS. */
export function isRatingRig(text: string): text is RatingRig {
  return (RATING_RIGS as readonly string[]).includes(text);
}

/** True when `text` names a model of PREFERENCE_MODELS. */
export function isPreferenceModel(text: string): text is PreferenceModel {
  return (PREFERENCE_MODELS as readonly string[]).includes(text);
}

export interface RatingContext {
  readonly target: RatingTarget;
  readonly rig: RatingRig;
  /** The model the score was computed with; "in-ear" by default. */
  readonly model?: PreferenceModel;
}

export interface RatingValidity {
  /** True only for a GRAS-type coupler measurement against the model's own Harman target. */
  readonly valid: boolean;
  /** One line to show next to the score. */
  readonly statement: string;
  /** Why the score is informative only (empty when valid), as warnings the caller may show. */
  readonly issues: readonly Issue[];
}

const MODEL_TARGET: { readonly [K in PreferenceModel]: Exclude<RatingTarget, "other"> } = {
  "in-ear": "harman-in-ear-2019v2",
  "over-ear": "harman-over-ear-2018",
};

const TARGET_NAME: { readonly [K in Exclude<RatingTarget, "other">]: string } = {
  "harman-in-ear-2019v2": "Harman in-ear 2019 v2",
  "harman-over-ear-2018": "Harman over-ear 2018",
};

const RIG_DESCRIPTION: { readonly [K in RatingRig]: string } = {
  gras: "a GRAS-type coupler",
  "711": "an IEC 60318-4 (711) ear simulator other than GRAS",
  simulated: "a simulation",
  unknown: "an unknown rig",
};

/**
 * Whether a preference score means what the model says. The models were fitted to measurements on
 * GRAS-type couplers against the Harman target, so any other rig or target gives a number that is
 * informative only (docs/measurements.md §4); say so next to the score.
 */
export function ratingValidity(context: RatingContext): RatingValidity {
  const model = context.model ?? PREFERENCE_RATING_DEFAULTS.model;
  const modelTarget = MODEL_TARGET[model];
  const issues: Issue[] = [];
  if (context.rig !== "gras") {
    issues.push({
      severity: "warning",
      code: "rating-rig-not-gras",
      path: ["rig"],
      message: `the ${model} preference model is defined for GRAS-type coupler measurements; this one comes from ${RIG_DESCRIPTION[context.rig]}, so the score is informative only`,
    });
  }
  if (context.target !== modelTarget) {
    const which = context.target === "other" ? "another target" : TARGET_NAME[context.target];
    issues.push({
      severity: "warning",
      code: "rating-target-not-harman",
      path: ["target"],
      message: `the ${model} preference model is defined against the ${TARGET_NAME[modelTarget]} target; this score uses ${which}, so it is informative only`,
    });
  }
  const statement =
    issues.length === 0
      ? `Predicted preference (${model} model): GRAS-type coupler measurement against the ${TARGET_NAME[modelTarget]} target, as the model was defined.`
      : `Informative only: the ${model} preference model is defined for GRAS-type coupler measurements against the ${TARGET_NAME[modelTarget]} target.`;
  return { valid: issues.length === 0, statement, issues };
}
