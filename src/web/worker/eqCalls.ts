// The EQ panel's calls: the library's PEQ fit with exactly what `tympan eq` does (eqConstraintsFor,
// fitParametricEq, summarizeEqFit, the exporters), and a live preview of filters the user edited.
import {
  type Biquad,
  type BiquadType,
  type Curve,
  type EqConstraints,
  type FilterSlot,
  type ValueRange,
  eqConstraintsFor,
  eqPreferenceRating,
  eqResponseDb,
  fitParametricEq,
  formatEqFitCsv,
  formatEqSummaryComments,
  formatEqualizerApo,
  formatGraphicEq,
  harmanInEar2019v2,
  normalize,
  presetPreampDb,
  preferenceRating,
  summarizeEqFit,
} from "../../index.js";
import type { EqPreviewRequest, EqView, FilterLimits, FitEqRequest } from "./protocol.js";
import { targetCurve } from "./targets.js";

export function fitEq(request: FitEqRequest): EqView {
  const constraints = withSlotTypes(
    eqConstraintsFor({
      preset: request.presetId,
      ...(request.filterCount !== undefined ? { filterCount: request.filterCount } : {}),
      ...(request.maxBoostDb !== undefined ? { maxBoostDb: request.maxBoostDb } : {}),
    }),
    request.slotTypes,
  );
  const measurement: Curve = { ...request.curve };
  const target = targetCurve(request.target);
  const fit = fitParametricEq(measurement, target, {
    constraints,
    source: request.isDesign ? "simulation" : "measurement",
  });
  const summary = summarizeEqFit(fit);
  // The rating is against the Harman target whatever the EQ aimed at: the model is defined for it
  // (as `tympan eq --format json` reports it).
  const rating = eqPreferenceRating(
    fit,
    harmanInEar2019v2,
    request.isDesign ? "simulated" : "unknown",
  );
  const preset = { preampDb: summary.preampDb, filters: fit.filters };
  const { beforeDb, afterDb } = levelMatched(
    fit.frequencyHz,
    fit.measurementDb,
    fit.eqDb,
    fit.targetDb,
  );
  return {
    preset,
    filters: fit.filters,
    limits: constraints.slots.map(filterLimits),
    sampleRateHz: fit.sampleRateHz,
    frequencyHz: fit.frequencyHz,
    beforeDb,
    eqDb: fit.eqDb,
    afterDb,
    targetDb: fit.targetDb,
    ratingBefore: rating.before,
    ratingAfter: rating.after,
    residualBeforeDb: fit.before.rmsDb,
    residualAfterDb: fit.after.rmsDb,
    equalizerApo: `${formatEqSummaryComments(summary)}\n${formatEqualizerApo(preset)}`,
    graphicEq: formatGraphicEq(fit.filters, fit.sampleRateHz),
    csv: formatEqFitCsv(fit),
  };
}

/** The EQ panel after the user changed a filter: the response, rating and presets of those filters. */
export function previewEq(request: EqPreviewRequest): EqView {
  const { fit, filters } = request;
  const eqDb = eqResponseDb(filters as Biquad[], fit.frequencyHz, fit.sampleRateHz);
  const measured = fit.beforeDb;
  const equalised = measured.map((value, i) => value + eqDb[i]!);
  const rate = (values: number[]) =>
    preferenceRating({ kind: "response", frequencyHz: fit.frequencyHz, values }, harmanInEar2019v2)
      .ppr;
  const preset = {
    preampDb: presetPreampDb(filters as Biquad[], fit.sampleRateHz),
    filters: filters as Biquad[],
  };
  return {
    ...fit,
    preset,
    filters: filters as Biquad[],
    eqDb,
    afterDb: equalised,
    ratingAfter: rate(equalised),
    equalizerApo: formatEqualizerApo(preset),
    graphicEq: formatGraphicEq(filters as Biquad[], fit.sampleRateHz),
    edited: true,
  };
}

/**
 * The preset's slots with the user's filter types: each slot keeps its fc, Q and gain limits, so a
 * peaking filter turned into a shelf is fitted as a shelf within the same ranges.
 */
function withSlotTypes(constraints: EqConstraints, types?: readonly BiquadType[]): EqConstraints {
  if (types === undefined) return constraints;
  if (types.length !== constraints.slots.length) {
    throw new Error(
      `the EQ has ${constraints.slots.length} filters but ${types.length} types were given; fit again without changing types`,
    );
  }
  return {
    ...constraints,
    slots: constraints.slots.map((slot, i) => ({ ...slot, type: types[i]! })),
  };
}

/** A slot's limits as ranges (a fixed value is the range from it to itself). */
function filterLimits(slot: FilterSlot): FilterLimits {
  const range = (value: number | ValueRange) =>
    typeof value === "number" ? { min: value, max: value } : { min: value.min, max: value.max };
  return {
    type: slot.type,
    fcHz: range(slot.fcHz),
    q: range(slot.q),
    gainDb: range(slot.gainDb),
  };
}

/** Before and after EQ shifted to the target's 300 Hz–3 kHz level, as the fit compares them. */
function levelMatched(
  frequencyHz: number[],
  measurementDb: number[],
  eqDb: number[],
  targetDb: number[],
): { beforeDb: number[]; afterDb: number[] } {
  const level = (values: number[]) =>
    values[0]! - normalize({ kind: "response", frequencyHz, values }, "midband").values[0]!;
  const shiftDb = level(targetDb) - level(measurementDb);
  return {
    beforeDb: measurementDb.map((value) => value + shiftDb),
    afterDb: measurementDb.map((value, i) => value + eqDb[i]! + shiftDb),
  };
}
