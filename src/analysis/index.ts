// Curves analysed and rated. The public part of analysis/: only re-exports.
export { interpolateLogFrequency } from "./interpolate.js";
export {
  preferenceRating,
  ratingValidity,
  PREFERENCE_GRID_HZ,
  PREFERENCE_MODELS,
  RATING_RIGS,
  isPreferenceModel,
  isRatingRig,
} from "./preferenceRating.js";
export type {
  PreferenceRating,
  PreferenceModel,
  RatingContext,
  RatingRig,
  RatingTarget,
  RatingValidity,
} from "./preferenceRating.js";
export { scoreCurve } from "./scoreCurve.js";
export type { CurveScore, RatedTarget, ScoreOptions } from "./scoreCurve.js";
export { rankCurves, rankingCsv } from "./rankCurves.js";
export type { RankEntry, RankedCurve, Ranking } from "./rankCurves.js";
export {
  COMPARE_DEFAULTS,
  COMPARE_GRID_HZ,
  compareCurves,
  comparisonCsv,
} from "./compareCurves.js";
export type { CompareInput, CompareOptions, ComparedCurve, Comparison } from "./compareCurves.js";
export { designCurve } from "./designCurve.js";
export type { DesignCurve } from "./designCurve.js";
export { parseMeasurementChannel, tryParseMeasurementChannel } from "./measurementChannel.js";
export type { MeasurementChannelOptions } from "./measurementChannel.js";
export { smoothFractionalOctave } from "./smoothFractionalOctave.js";
export type { SmoothingOptions } from "./smoothFractionalOctave.js";
export { normalize } from "./normalize.js";
export type { Normalization } from "./normalize.js";
export { averageChannels } from "./averageChannels.js";
export { combineChannels } from "./combineChannels.js";
export type { CombinedChannels } from "./combineChannels.js";
export { channelImbalance } from "./channelImbalance.js";
export type {
  ChannelImbalance,
  ChannelImbalanceOptions,
  ImbalanceBand,
} from "./channelImbalance.js";
export { smoothSavitzkyGolay, SAVITZKY_GOLAY_DEFAULTS } from "./savitzkyGolaySmoothing.js";
export type { SavitzkyGolayOptions } from "./savitzkyGolaySmoothing.js";
export { targetDeviation } from "./targetDeviation.js";
export type { TargetDeviation, TargetDeviationOptions } from "./targetDeviation.js";
export { milliwattMinusVoltDb, sensitivity } from "./sensitivity.js";
export type { Sensitivity } from "./sensitivity.js";
export { groupDelaySeconds, unwrapDegrees } from "./groupDelay.js";
