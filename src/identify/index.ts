// Receivers identified from measured impedances. The public part of identify/: only re-exports.
export { identifyThreeLoad, identifyAtFrequency } from "./threeLoadIdentification.js";
export type {
  IdentifiedReceiver,
  PolarityReference,
  ThreeLoadOptions,
} from "./threeLoadIdentification.js";
export {
  knownLoadImpedance,
  knownLoadElements,
  parseKnownLoad,
  describeKnownLoad,
} from "./knownLoads.js";
export type { KnownLoad } from "./knownLoads.js";
export {
  checkComplexImpedance,
  commonImpedanceGrid,
  complexImpedanceOnGrid,
  identifyFromImpedances,
  parseKnownLoads,
} from "./measuredImpedances.js";
export type { Three } from "./measuredImpedances.js";
export {
  formatIdentification,
  identificationNotes,
  identificationProvenance,
} from "./identificationReport.js";
export { thieleSmallFromImpedance } from "./thieleSmallFromImpedance.js";
export type { ThieleSmallImpedanceFit } from "./thieleSmallFromImpedance.js";
