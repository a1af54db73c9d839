// Target curves. The public part of targets/: only re-exports.
export { harmanInEar2019v2 } from "./harmanInEar2019v2.js";
export {
  harmanInEar2019v2WithoutBass,
  HARMAN_IN_EAR_BASS_SHELF,
} from "./harmanInEar2019v2WithoutBass.js";
export { adjustableTarget, ADJUSTABLE_TARGET_DEFAULTS } from "./adjustableTarget.js";
export type { AdjustableTargetOptions } from "./adjustableTarget.js";
export {
  BUILT_IN_TARGETS,
  DEFAULT_TARGET_NAME,
  adjustTarget,
  builtInTarget,
} from "./builtInTargets.js";
export type { ToneControls } from "./builtInTargets.js";
