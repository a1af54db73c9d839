export { TUBE_MODELS, isTubeModel, tubePerUnitLength } from "./tubeModel.js";
export type { PerUnitLength, TubeModel } from "./tubeModel.js";
export { exactPerUnitLength } from "./exactMedium.js";
export { FOSTER_COEFFICIENTS, fosterPerUnitLength } from "./fosterMedium.js";
export { losslessPerUnitLength } from "./losslessMedium.js";
export { kinematicViscosityM2PerS, thermalDiffusivityM2PerS } from "./diffusivity.js";
export {
  characteristicImpedance,
  propagationConstant,
  transmissionLineAbcd,
  tubeAbcd,
} from "./transmissionLine.js";
export { sharedTubeAbcd } from "./sharedTubeAbcd.js";
