/**
 * The figures printed beside a fitted preset (`tympan eq`, its `--format json`, the web app's EQ
 * panel): residual before and after, the summed EQ's maximum, the preamp, the cancellation index,
 * the treble boost and the band the fit weighed; and the predicted preference before and after EQ.
 */
import type { Curve } from "../core/curve.js";
import { type RatingRig, preferenceRating, ratingValidity } from "../analysis/preferenceRating.js";
import { RELIABLE_TO_HZ } from "./desiredEq.js";
import {
  cancellationIndex,
  levelAfterPreampDb,
  presetPreampDb,
  trebleBoostDb,
} from "./eqMetrics.js";
import type { ParametricEqFit } from "./fitParametricEq.js";
import { EQ_POINT_BAND_TO_HZ } from "./fitGrid.js";

export interface EqFitSummary {
  readonly residual: {
    readonly band: string;
    readonly beforeRmsDb: number;
    readonly afterRmsDb: number;
    readonly beforeMaxAbsDb: number;
    readonly afterMaxAbsDb: number;
  };
  /** The summed EQ's maximum, 20 Hz–20 kHz, dB. */
  readonly maxEqDb: number;
  /** The preset's preamp (eqMetrics.ts presetPreampDb), dB ≤ 0. */
  readonly preampDb: number;
  /** The EQ's mean over 20 Hz–10 kHz plus the preamp (eqMetrics.ts levelAfterPreampDb), dB. */
  readonly levelAfterPreampDb: number;
  readonly cancellationIndex: number;
  /** The summed EQ's maximum above 10 kHz, dB. */
  readonly trebleMaxEqDb: number;
  /** How the fit weighed the error, in words and numbers. */
  readonly weighedBand: {
    readonly fromHz: number;
    readonly fullWeightToHz: number;
    readonly pointByPointToHz: number;
    readonly description: string;
  };
}

/** The figures of a fit (module comment), all computed from its rounded filters. */
export function summarizeEqFit(fit: ParametricEqFit): EqFitSummary {
  return {
    residual: {
      band: "20 Hz–10 kHz, level-matched",
      beforeRmsDb: fit.before.rmsDb,
      afterRmsDb: fit.after.rmsDb,
      beforeMaxAbsDb: fit.before.maxAbsDb,
      afterMaxAbsDb: fit.after.maxAbsDb,
    },
    maxEqDb: fit.maxBoostDb,
    preampDb: presetPreampDb(fit.filters, fit.sampleRateHz),
    levelAfterPreampDb: levelAfterPreampDb(fit.filters, fit.sampleRateHz),
    cancellationIndex: cancellationIndex(fit.filters, fit.sampleRateHz),
    trebleMaxEqDb: trebleBoostDb(fit.filters, fit.sampleRateHz),
    weighedBand: weighedBand(fit),
  };
}

const TREBLE = "above 10 kHz the average level only (cut, never boosted)";

/** How the fit weighed the error: a measurement less from 6 to 10 kHz, a simulation fully to 10 kHz. */
function weighedBand(fit: ParametricEqFit): EqFitSummary["weighedBand"] {
  const fromHz = fit.frequencyHz[0]!;
  if (fit.weightAt10kHz >= 1) {
    return {
      fromHz,
      fullWeightToHz: EQ_POINT_BAND_TO_HZ,
      pointByPointToHz: EQ_POINT_BAND_TO_HZ,
      description: `20 Hz–10 kHz point by point (a simulated design: its ear model holds to 10 kHz), ${TREBLE}`,
    };
  }
  return {
    fromHz,
    fullWeightToHz: RELIABLE_TO_HZ,
    pointByPointToHz: EQ_POINT_BAND_TO_HZ,
    description: `20 Hz–6 kHz point by point, 6–10 kHz with weight falling to ${fit.weightAt10kHz.toFixed(2)} (a measurement: the seating moves it), ${TREBLE}`,
  };
}

export interface EqPreferenceRating {
  readonly target: string;
  readonly before: number;
  readonly after: number;
  readonly valid: boolean;
  readonly validity: string;
}

/**
 * The in-ear preference rating before and after EQ against `reference` (the Harman in-ear 2019 v2
 * target, which the model is defined against, whatever the EQ aimed at).
 */
export function eqPreferenceRating(
  fit: ParametricEqFit,
  reference: Curve,
  rig: RatingRig,
): EqPreferenceRating {
  const before: Curve = {
    kind: "response",
    frequencyHz: fit.frequencyHz,
    values: fit.measurementDb,
  };
  const after: Curve = {
    ...before,
    values: fit.measurementDb.map((value, i) => value + fit.eqDb[i]!),
  };
  const validity = ratingValidity({ target: "harman-in-ear-2019v2", rig, model: "in-ear" });
  return {
    target: reference.name ?? "Harman in-ear 2019 v2",
    before: preferenceRating(before, reference).ppr,
    after: preferenceRating(after, reference).ppr,
    valid: validity.valid,
    validity: validity.statement,
  };
}

/** The fit's curves on its grid as CSV: measurement, target, EQ and the equalised curve level-matched. */
export function formatEqFitCsv(fit: ParametricEqFit): string {
  const header = "frequency_hz,measurement_db,target_db,eq_db,equalized_db";
  const rows = fit.frequencyHz.map((f, i) => {
    const equalized = fit.measurementDb[i]! + fit.eqDb[i]! - fit.after.levelOffsetDb;
    return [f, fit.measurementDb[i]!, fit.targetDb[i]!, fit.eqDb[i]!, equalized]
      .map((value, column) => value.toFixed(column === 0 ? 2 : 3))
      .join(",");
  });
  return `${[header, ...rows].join("\n")}\n`;
}

/** The summary as EqualizerAPO comment lines (`# …`), which EQ software skips. */
export function formatEqSummaryComments(summary: EqFitSummary): string {
  const r = summary.residual;
  return [
    `# residual ${r.afterRmsDb.toFixed(2)} dB RMS (before EQ ${r.beforeRmsDb.toFixed(2)} dB), ${r.band}`,
    `# max boost ${summary.maxEqDb.toFixed(1)} dB, above 10 kHz ${summary.trebleMaxEqDb.toFixed(1)} dB; preamp ${summary.preampDb.toFixed(1)} dB, level after it ${summary.levelAfterPreampDb.toFixed(1)} dB (20 Hz–10 kHz mean)`,
    `# cancellation index ${summary.cancellationIndex.toFixed(2)} (1: no filter undoes another)`,
    `# weighed: ${summary.weighedBand.description}`,
  ].join("\n");
}
