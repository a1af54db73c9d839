// Large-signal distortion: harmonic balance over the whole network, and the weakly nonlinear
// (Volterra) path. The public part of nonlinear/: only re-exports.
export { distortion } from "./distortion.js";
export type {
  DistortionMethod,
  DistortionOptions,
  DistortionResult,
  ProbeDistortion,
} from "./distortion.js";
export { driveForLevel, chooseProbe } from "./driveLevel.js";
export type { DriveForLevelOptions } from "./driveLevel.js";
export { distortionChart } from "./distortionChart.js";
export { distortionTable } from "./distortionTable.js";
export { maxSplAtThd } from "./maxSpl.js";
export type { MaxSplOptions, MaxSplResult, MaxSplLimit } from "./maxSpl.js";
export { intermodulation } from "./intermodulation.js";
export type {
  IntermodulationOptions,
  IntermodulationResult,
  ProbeIntermodulation,
} from "./intermodulation.js";
export { maxSplTable } from "./maxSplTable.js";
export { intermodulationTable } from "./intermodulationTable.js";
