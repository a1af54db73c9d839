// The EQ panel's call: the library's PEQ fit with `tympan eq`'s defaults, and its exports.
import {
  type Curve,
  DEVICE_PRESETS,
  devicePreset,
  fitParametricEq,
  formatEqualizerApo,
  formatGraphicEq,
  normalize,
  parametricConstraints,
  preampForMaxBoost,
  preferenceRating,
} from "../../index.js";
import type { EqView, FitEqRequest } from "./protocol.js";
import { targetCurve } from "./targets.js";

/** The 300 Hz–3 kHz mean level of a response (the amount normalize's "midband" takes away). */
function midbandLevel(curve: Curve): number {
  return curve.values[0]! - normalize(curve, "midband").values[0]!;
}

export function fitEq(request: FitEqRequest): EqView {
  const preset = devicePreset(request.presetId);
  if (preset === undefined) {
    throw new Error(
      `no EQ device "${request.presetId}"; choose one of ${DEVICE_PRESETS.map((p) => p.id).join(", ")}`,
    );
  }
  let constraints = preset.constraints;
  if (request.filterCount !== undefined && preset.variableFilterCount) {
    constraints = parametricConstraints(request.filterCount, constraints.maxBoostDb);
  }
  if (request.maxBoostDb !== undefined)
    constraints = { ...constraints, maxBoostDb: request.maxBoostDb };
  const measurement: Curve = { ...request.curve };
  const target = targetCurve(request.target);
  const fit = fitParametricEq(measurement, target, { constraints });
  const eqPreset = { preampDb: preampForMaxBoost(fit.maxBoostDb), filters: fit.filters };
  const afterDb = fit.measurementDb.map((value, i) => value + fit.eqDb[i]!);
  // Drawn level-matched (300 Hz–3 kHz means), as the fit compares them; the rating ignores level.
  const onGrid = (values: number[]): Curve => ({
    kind: "response",
    frequencyHz: fit.frequencyHz,
    values,
  });
  const shiftDb = midbandLevel(onGrid(fit.targetDb)) - midbandLevel(onGrid(fit.measurementDb));
  const rate = (values: number[]) =>
    preferenceRating({ kind: "response", frequencyHz: fit.frequencyHz, values }, target).ppr;
  return {
    preset: eqPreset,
    filters: fit.filters,
    frequencyHz: fit.frequencyHz,
    beforeDb: fit.measurementDb.map((value) => value + shiftDb),
    eqDb: fit.eqDb,
    afterDb: afterDb.map((value) => value + shiftDb),
    targetDb: fit.targetDb,
    ratingBefore: rate(fit.measurementDb),
    ratingAfter: rate(afterDb),
    residualBeforeDb: fit.before.rmsDb,
    residualAfterDb: fit.after.rmsDb,
    equalizerApo: formatEqualizerApo(eqPreset),
    graphicEq: formatGraphicEq(fit.filters, fit.sampleRateHz),
  };
}
