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
export { KNOWLES_RECEIVERS } from "./parts/knowlesReceivers.js";
export { PARTS, findPart, partKeyFigures, partOrigin } from "./parts/partsCatalogue.js";
export { resolveParts } from "./resolveParts.js";
export { dynamicDriverFromThieleSmall, thieleSmallOf } from "./thieleSmall.js";
export type { DynamicDriverParameters, ThieleSmallFigures } from "./thieleSmall.js";
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
export {
  DAMPER_AND_TUBE_INTO_711,
  FIXTURE_INTO_711,
  IMPEDANCE_BAND_HZ,
  LOAD_CHAIN_SYNTAX,
  RECEIVER_FIT_DEFAULTS,
  RESPONSE_BAND_HZ,
  describeLoadChain,
  driverFromImpedance,
  fitReceiver,
  parseLoadChain,
  receiverFitChart,
  receiverFitDesign,
} from "./receiverFit/index.js";
export type {
  DriverDatasheetFigures,
  DriverFromImpedance,
  FitProgress,
  FittedValue,
  LoadChain,
  LoadSegment,
  ReceiverDatasheet,
  ReceiverFit,
  ReceiverFitOptions,
  SecondLoadBand,
  ValueWithRange,
} from "./receiverFit/index.js";
export {
  comparisonMarkdown,
  distortionMarkdown,
  referenceComparison,
  sourceAndFitMarkdown,
} from "./referenceReport.js";
export type { ReferenceComparison } from "./referenceReport.js";
export {
  REPORT_TABLE_FREQUENCIES_HZ,
  designReportChart,
  reportFrequencies,
  reportStems,
  reportSummaryMarkdown,
} from "./designReport.js";
export type { ReportEntry } from "./designReport.js";
export {
  PREFERRED_SERIES,
  nearestPreferredValue,
  preferredValues,
} from "./stock/preferredValues.js";
export type { PreferredSeries } from "./stock/preferredValues.js";
export {
  STOCK_DAMPER_RATINGS,
  STOCK_TUBING_INNER_DIAMETERS_MM,
  TUBE_LENGTH_STEP_M,
} from "./stock/stockParts.js";
export { DEFAULT_TOLERANCES, TRANSDUCER_SPREADS } from "./stock/tolerances.js";
export type { DefaultTolerance, TransducerQuantity, TransducerSpread } from "./stock/tolerances.js";
export {
  ddVersusAllBaClaim,
  hybridClaim,
  levelDistortion,
  thdAtLevel,
  DISTORTION_CLAIM_FREQUENCIES,
  DISTORTION_CLAIM_LEVELS_DB,
} from "./claims/distortionClaims.js";
export type { LevelDistortion } from "./claims/distortionClaims.js";
export { allDistortionClaims } from "./claims/allDistortionClaims.js";
export { armatureSaturationClaim } from "./claims/armatureSaturationClaim.js";
export { estDistortionClaim, tribridWithEsts } from "./claims/estDistortionClaim.js";
export type { EstConfiguration, EstFigures } from "./claims/estDistortionClaim.js";
export { opposedPairClaim, opposedPairDesign } from "./claims/opposedPairClaim.js";
export type { OpposedPairFigures, OpposedPairVariant } from "./claims/opposedPairClaim.js";
export { sealDistortionClaim } from "./claims/sealDistortionClaim.js";
export type { SealDistortionPoint } from "./claims/sealDistortionClaim.js";
