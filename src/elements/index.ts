// Element types, their parameters and models. The public part of elements/: only re-exports.
export { ELEMENT_MODELS, ELEMENT_TYPES } from "./registry.js";
export { elementTypesText } from "./elementTypesText.js";
export type { ElementDefinition, ElementType, DefinitionOf } from "./registry.js";
export { ductImpedance } from "./ducts/ductImpedance.js";
export { tubeAbcd, TUBE_MODELS } from "./tube/index.js";
export type { TubeModel } from "./tube/index.js";
export { EAR711, EAR711_VALID_RANGE_HZ, COUPLER_2CC_VOLUME_M3 } from "./loads/ear711Parameters.js";
export { theveninSource, pressureInLoad, inputImpedanceWithLoad } from "./drivers/huntTwoPort.js";
export type { TwoPortTable, TheveninSource } from "./drivers/huntTwoPort.js";
export { gapMagneticStiffness } from "./drivers/armatureLargeSignal.js";
export { membraneStiffening } from "./drivers/membraneLargeSignal.js";
export type { MembraneStiffeningInputs } from "./drivers/membraneLargeSignal.js";
export { adiabaticPressurePa } from "./drivers/cavityCompression.js";
