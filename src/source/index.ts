// Sources, spec sheets, hiss, fit and seal scenarios. The public part of source/: only re-exports.
export { SEAL_SCENARIOS, withSeal } from "./sealScenarios.js";
export type { SealScenario, SealScenarioName } from "./sealScenarios.js";
export {
  FIT_SCENARIOS,
  FIT_SCENARIO_NAMES,
  TIP_BORE_ID,
  fitScenario,
  tipBoreId,
  withFit,
  fitChangeDb,
} from "./fitScenarios.js";
export type { FitScenario, FitScenarioName, LeakPath } from "./fitScenarios.js";
export {
  FIT_TABLE_HZ,
  fitChart,
  fitResponses,
  fitResponsesJson,
  fitScenariosByName,
  formatFitTable,
} from "./fitResponses.js";
export type { FitResponses } from "./fitResponses.js";
export { SOURCE_PRESETS, SOURCE_PRESET_NAMES, sourcePreset } from "./sourcePresets.js";
export type { SourceModel } from "./sourceModel.js";
export { sourceProblems } from "./sourceModel.js";
export { loadFromDesign, loadFromMeasurement, parseSensitivity } from "./sourceLoad.js";
export type { SourceLoad, SensitivityFigure } from "./sourceLoad.js";
export { specSheet } from "./specSheet.js";
export type { SpecSheet } from "./specSheet.js";
export { formatSpecSheet } from "./specSheetText.js";
export { driveRequirement, DEFAULT_PEAK_LEVEL_DB_SPL } from "./driveRequirement.js";
export type { DriveRequirement } from "./driveRequirement.js";
export { hissAtDrum, hissVerdict } from "./hiss.js";
export type { Hiss, HissBand } from "./hiss.js";
export { outputImpedanceDamping } from "./outputImpedanceDamping.js";
export type { Damping } from "./outputImpedanceDamping.js";
export { chooseSources, matchSource } from "./sourceMatch.js";
export type { SourceFigures, SourceMatch } from "./sourceMatch.js";
export { formatSourceComparison, formatSourceMatch, sourceMatchJson } from "./sourceReport.js";
export { sourceChart } from "./sourceChart.js";
export { aWeightingDb } from "./aWeighting.js";
export { THRESHOLD_AT_711_DRUM, thresholdAtDrumDb } from "./hearingThreshold.js";
