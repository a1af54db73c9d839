// eq/: parametric EQ — RBJ biquads, the fit of natural presets, device presets, figures and exporters; it may import core/ and analysis/ only. This file only re-exports.
export type { Biquad, BiquadType, BiquadCoefficients } from "./biquad.js";
/** The RBJ-cookbook coefficients of one filter at a sample rate, normalised so that a0 = 1. */
export { biquadCoefficients } from "./biquad.js";
/** One filter's magnitude response in dB at given frequencies, in closed form. */
export { biquadResponseDb } from "./biquad.js";
export { DEFAULT_SAMPLE_RATE_HZ } from "./biquad.js";
/** A chain of filters' summed response in dB at given frequencies. */
export { eqResponseDb } from "./eqResponse.js";
export type { FitParametricEqOptions, ParametricEqFit } from "./fitParametricEq.js";
/** Fits the natural preset that brings a measurement to a target within a device's constraints. */
export { fitParametricEq } from "./fitParametricEq.js";
export { FIT_PARAMETRIC_EQ_DEFAULTS } from "./fitParametricEq.js";
export type { EqResidual, EqResidualOptions } from "./eqResidual.js";
/** The level-matched residual of a measurement equalised by filters against a target. */
export { eqResidual } from "./eqResidual.js";
export { EQ_RESIDUAL_DEFAULTS } from "./eqResidual.js";
export type { EqConstraints, FilterSlot, ValueRange } from "./eqConstraints.js";
/** AutoEq's default layout: low shelf, high shelf and N − 2 peaking filters, with a boost limit. */
export { parametricConstraints } from "./eqConstraints.js";
/** A peaking slot with free fc, Q and gain within limits (AutoEq's by default). */
export { peakingSlot } from "./eqConstraints.js";
/** A slot whose fc and Q are fixed and whose gain is free. */
export { fixedSlot } from "./eqConstraints.js";
export type { DevicePreset } from "./devicePresets.js";
/** The device preset with an id, or undefined. */
export { devicePreset } from "./devicePresets.js";
export { DEVICE_PRESETS } from "./devicePresets.js";
export type { EqSetupOptions } from "./eqSetup.js";
/** The constraints a device preset, a filter count and a boost limit describe (checked). */
export { eqConstraintsFor } from "./eqSetup.js";
export type { EqPreset } from "./equalizerApo.js";
/** A preset as EqualizerAPO / Peace text. */
export { formatEqualizerApo } from "./equalizerApo.js";
/** Reads an EqualizerAPO parametric preset. */
export { parseEqualizerApo } from "./equalizerApo.js";
/** −(a peak), rounded down to 0.1 dB: the preamp for a summed EQ that peaks there. */
export { preampForMaxBoost } from "./equalizerApo.js";
/** The filters' summed response as a Wavelet / EqualizerAPO `GraphicEQ:` line. */
export { formatGraphicEq } from "./graphicEq.js";
/** The 127 GraphicEQ band frequencies, Hz. */
export { graphicEqFrequencies } from "./graphicEq.js";
/** AutoEq's grid, 20·1.01^k Hz, on which fits and residuals are computed. */
export { eqFitGrid } from "./fitGrid.js";
/** Σ|each filter| ÷ |Σ filters| over 20 Hz–20 kHz: 1 when no filter undoes another. */
export { cancellationIndex } from "./eqMetrics.js";
/** The preamp a preset needs: −(its summed maximum) less 0.2 dB of headroom. */
export { presetPreampDb } from "./eqMetrics.js";
/** The level after the preamp: the summed EQ's mean over 20 Hz–10 kHz plus the preamp, dB. */
export { levelAfterPreampDb } from "./eqMetrics.js";
/** The summed EQ's maximum above 10 kHz, dB. */
export { trebleBoostDb } from "./eqMetrics.js";
export { PREAMP_HEADROOM_DB } from "./eqMetrics.js";
export type { EqFitSummary, EqPreferenceRating } from "./eqSummary.js";
/** The figures printed beside a preset: residual, max boost, preamp, cancellation, weighed band. */
export { summarizeEqFit } from "./eqSummary.js";
/** The in-ear preference rating before and after EQ against a reference target. */
export { eqPreferenceRating } from "./eqSummary.js";
/** The fit's curves (measurement, target, EQ, equalised) as CSV. */
export { formatEqFitCsv } from "./eqSummary.js";
/** The summary as EqualizerAPO `#` comment lines. */
export { formatEqSummaryComments } from "./eqSummary.js";
