// Optimisers, tuning towards a target with orderable parts, and tolerance analysis. The public
// part of optimize/: only re-exports.
export { nelderMead } from "./nelderMead.js";
export { differentialEvolution } from "./differentialEvolution.js";
export { defaultBounds, parameterKind } from "./parameterKinds.js";
export type { ParameterKind } from "./parameterKinds.js";
export { purchasableNeighbours, snapToPurchasable } from "./purchasable.js";
export { parseFreeParameter, resolveFreeParameters } from "./parameterPaths.js";
export type { FreeParameter, FreeParameterRequest, ParameterPath } from "./parameterPaths.js";
export { TUNING_GRID_HZ } from "./tuningScore.js";
export type { TuningFigures, TuningGoal, TuningObjective } from "./tuningScore.js";
export { OPTIMIZE_DEFAULTS, defaultEvaluations, optimizeDesign } from "./optimizeDesign.js";
export type {
  OptimizeOptions,
  OptimizeProgress,
  OptimizeResult,
  TunedValue,
} from "./optimizeDesign.js";
export { parseToleranceOverride, resolveTolerances } from "./toleranceSpec.js";
export type { AppliedTolerance, ToleranceOverride } from "./toleranceSpec.js";
export { summariseTolerance, toleranceAnalysis } from "./toleranceAnalysis.js";
export type {
  ProbeBands,
  ToleranceAnalysis,
  ToleranceOptions,
  ToleranceSummaryInput,
} from "./toleranceAnalysis.js";
export { TOLERANCE_DEFAULTS, TolerancePlan, mergeToleranceUnits } from "./toleranceUnits.js";
export type {
  ToleranceUnitOptions,
  ToleranceUnits,
  ToleranceUnitsShape,
} from "./toleranceUnits.js";
export { optimizeChart, toleranceChart } from "./tuningCharts.js";
