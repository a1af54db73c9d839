// Public API of the Tympan library. This file only re-exports.
export { simulate, trySimulate } from "./simulate/simulate.js";
export type { SimulateOptions } from "./simulate/simulate.js";
export type { SimulationResult, ProbeResult, InputImpedance } from "./simulate/result.js";
export { validateDesign } from "./design/design.js";
export type { Design, Probe } from "./design/design.js";
export { ELEMENT_MODELS, ELEMENT_TYPES } from "./elements/registry.js";
export type { ElementDefinition, ElementType, DefinitionOf } from "./elements/registry.js";
export { compileNetwork } from "./simulate/compileNetwork.js";
export type { Network } from "./simulate/compileNetwork.js";
export { FrequencySweep } from "./simulate/sweep.js";
export { SparseComplexLu } from "./linalg/sparseLu.js";
export {
  STANDARD_AIR,
  SPL_REFERENCE_PA,
  CGS_ACOUSTIC_OHM_IN_SI,
  bulkModulusPa,
} from "./core/air.js";
export type { Air } from "./core/air.js";
export type { Domain } from "./core/domain.js";
export { TympanError, formatIssue, formatIssues, formatPath } from "./core/issues.js";
export type { Issue, Result } from "./core/issues.js";
export { logFrequencies } from "./core/frequencyGrid.js";
export { ductImpedance } from "./elements/ducts/ductImpedance.js";
export { tubeAbcd, TUBE_MODELS } from "./elements/tube/index.js";
export type { TubeModel } from "./elements/tube/index.js";
export { EAR711, EAR711_VALID_RANGE_HZ, COUPLER_2CC_VOLUME_M3 } from "./elements/loads/ear711Parameters.js";
export type { Curve } from "./core/curve.js";
export { interpolateLogFrequency } from "./analysis/interpolate.js";
export {
  preferenceRating,
  ratingValidity,
  PREFERENCE_GRID_HZ,
} from "./analysis/preferenceRating.js";
export type {
  PreferenceRating,
  PreferenceModel,
  RatingContext,
  RatingValidity,
} from "./analysis/preferenceRating.js";
export { harmanInEar2019v2 } from "./targets/harmanInEar2019v2.js";
export {
  harmanInEar2019v2WithoutBass,
  HARMAN_IN_EAR_BASS_SHELF,
} from "./targets/harmanInEar2019v2WithoutBass.js";
export * from "./measurements/index.js";
export { smoothFractionalOctave } from "./analysis/smoothFractionalOctave.js";
export type { SmoothingOptions } from "./analysis/smoothFractionalOctave.js";
export { normalize } from "./analysis/normalize.js";
export type { Normalization } from "./analysis/normalize.js";
export { averageChannels } from "./analysis/averageChannels.js";
export { channelImbalance } from "./analysis/channelImbalance.js";
export type {
  ChannelImbalance,
  ChannelImbalanceOptions,
  ImbalanceBand,
} from "./analysis/channelImbalance.js";
export { biquadCoefficients, biquadResponseDb, DEFAULT_SAMPLE_RATE_HZ } from "./eq/biquad.js";
export type { Biquad, BiquadType, BiquadCoefficients } from "./eq/biquad.js";
export { eqResponseDb } from "./eq/eqResponse.js";
export { fitParametricEq, FIT_PARAMETRIC_EQ_DEFAULTS } from "./eq/fitParametricEq.js";
export type { FitParametricEqOptions, ParametricEqFit } from "./eq/fitParametricEq.js";
export { eqResidual, EQ_RESIDUAL_DEFAULTS } from "./eq/eqResidual.js";
export type { EqResidual, EqResidualOptions } from "./eq/eqResidual.js";
export { parametricConstraints, peakingSlot, fixedSlot } from "./eq/eqConstraints.js";
export type { EqConstraints, FilterSlot, ValueRange } from "./eq/eqConstraints.js";
export { DEVICE_PRESETS, devicePreset } from "./eq/devicePresets.js";
export type { DevicePreset } from "./eq/devicePresets.js";
export { formatEqualizerApo, parseEqualizerApo, preampForMaxBoost } from "./eq/equalizerApo.js";
export type { EqPreset } from "./eq/equalizerApo.js";
export { formatGraphicEq, graphicEqFrequencies } from "./eq/graphicEq.js";
export { eqFitGrid } from "./eq/fitGrid.js";
export { adjustableTarget, ADJUSTABLE_TARGET_DEFAULTS } from "./targets/adjustableTarget.js";
export type { AdjustableTargetOptions } from "./targets/adjustableTarget.js";
export { smoothSavitzkyGolay, SAVITZKY_GOLAY_DEFAULTS } from "./analysis/savitzkyGolaySmoothing.js";
export type { SavitzkyGolayOptions } from "./analysis/savitzkyGolaySmoothing.js";
export { identifyThreeLoad, identifyAtFrequency } from "./identify/threeLoadIdentification.js";
export {
  theveninSource,
  pressureInLoad,
  inputImpedanceWithLoad,
} from "./elements/drivers/huntTwoPort.js";
export type { Complex, ComplexSeries } from "./core/complexValue.js";
export type { TwoPortTable, TheveninSource } from "./elements/drivers/huntTwoPort.js";
export type {
  IdentifiedReceiver,
  PolarityReference,
  ThreeLoadOptions,
} from "./identify/threeLoadIdentification.js";
export {
  knownLoadImpedance,
  knownLoadElements,
  parseKnownLoad,
  describeKnownLoad,
} from "./identify/knownLoads.js";
export type { KnownLoad } from "./identify/knownLoads.js";
export { targetDeviation } from "./analysis/targetDeviation.js";
export type { TargetDeviation, TargetDeviationOptions } from "./analysis/targetDeviation.js";
export { sensitivity } from "./analysis/sensitivity.js";
export type { Sensitivity } from "./analysis/sensitivity.js";
export { nelderMead } from "./optimize/nelderMead.js";
export { REFERENCE_DESIGNS, referenceDesign } from "./catalogue/referenceDesigns.js";
export type { ReferenceDesign } from "./catalogue/referenceDesigns.js";
export { SEAL_SCENARIOS, withSeal } from "./source/sealScenarios.js";
export type { SealScenario, SealScenarioName } from "./source/sealScenarios.js";
export { bridged, withElement, withoutElements } from "./design/edits.js";
export {
  allClaims,
  damperClaim,
  driverClaim,
  estClaim,
  impedanceClaim,
  scoreClaim,
  sealClaim,
} from "./catalogue/claims/claims.js";
export type { ClaimResult } from "./catalogue/claims/claims.js";
export { DYNAMIC_DRIVERS } from "./catalogue/parts/dynamicDrivers.js";
export { BALANCED_ARMATURE_PARTS } from "./catalogue/parts/balancedArmatures.js";
export { PLANAR_DRIVERS } from "./catalogue/parts/planarDrivers.js";
export { ELECTROSTATIC_TWEETERS } from "./catalogue/parts/electrostaticTweeters.js";
export { partParameters } from "./catalogue/parts/part.js";
export type { Part, PartClass } from "./catalogue/parts/part.js";
export { describeProvenance } from "./catalogue/parts/provenance.js";
export type { Provenance, Sourced } from "./catalogue/parts/provenance.js";
export { FIT_SCENARIOS, FIT_SCENARIO_NAMES, withFit, fitChangeDb } from "./source/fitScenarios.js";
export type { FitScenario, FitScenarioName, LeakPath } from "./source/fitScenarios.js";
export { SOURCE_PRESETS, SOURCE_PRESET_NAMES, sourcePreset } from "./source/sourcePresets.js";
export type { SourceModel } from "./source/sourceModel.js";
export { loadFromDesign, loadFromMeasurement, parseSensitivity } from "./source/sourceLoad.js";
export type { SourceLoad, SensitivityFigure } from "./source/sourceLoad.js";
export { specSheet } from "./source/specSheet.js";
export type { SpecSheet } from "./source/specSheet.js";
export { driveRequirement, DEFAULT_PEAK_LEVEL_DB_SPL } from "./source/driveRequirement.js";
export type { DriveRequirement } from "./source/driveRequirement.js";
export { hissAtDrum, hissVerdict } from "./source/hiss.js";
export type { Hiss, HissBand } from "./source/hiss.js";
export { outputImpedanceDamping } from "./source/outputImpedanceDamping.js";
export type { Damping } from "./source/outputImpedanceDamping.js";
export { aWeightingDb } from "./source/aWeighting.js";
export { THRESHOLD_AT_711_DRUM, thresholdAtDrumDb } from "./source/hearingThreshold.js";
export {
  dampingClaim,
  fitClaim,
  hissClaim,
  sourceAndFitClaims,
  voltageClaim,
} from "./catalogue/claims/sourceClaims.js";
