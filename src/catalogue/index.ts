// Parts, reference designs, the guides' claims. The public part of catalogue/: only re-exports.
export { REFERENCE_DESIGNS, referenceDesign } from "./referenceDesigns.js";
export type { ReferenceDesign } from "./referenceDesigns.js";
export {
  allClaims,
  damperClaim,
  driverClaim,
  estClaim,
  impedanceClaim,
  scoreClaim,
  sealClaim,
} from "./claims/claims.js";
export type { ClaimResult } from "./claims/claims.js";
export { DYNAMIC_DRIVERS } from "./parts/dynamicDrivers.js";
export { BALANCED_ARMATURE_PARTS } from "./parts/balancedArmatures.js";
export { PLANAR_DRIVERS } from "./parts/planarDrivers.js";
export { ELECTROSTATIC_TWEETERS } from "./parts/electrostaticTweeters.js";
export { partParameters } from "./parts/part.js";
export type { Part, PartClass } from "./parts/part.js";
export { describeProvenance } from "./parts/provenance.js";
export type { Provenance, Sourced } from "./parts/provenance.js";
export {
  dampingClaim,
  fitClaim,
  hissClaim,
  sourceAndFitClaims,
  voltageClaim,
} from "./claims/sourceClaims.js";
