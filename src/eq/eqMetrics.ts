/**
 * Figures a listener reads beside a preset: how much of the error it leaves, how much it boosts, the
 * preamp it needs, and whether its filters work together or against each other.
 *
 * Cancellation index, over the fit grid from 20 Hz to 20 kHz (log-spaced, so a plain sum is an
 * integral on a log-frequency axis), with eq_k the k-th filter's response in dB:
 *
 *   CI = Σ_f Σ_k |eq_k(f)| ÷ Σ_f |Σ_k eq_k(f)|
 *
 * 1 means no filter undoes another anywhere; 2 means the filters spend twice the effort the summed
 * curve shows (issue 15 measured 3.4–13.7 on Tympan's earlier presets, 1.2–2.4 on AutoEq's).
 */
import {
  DEFAULT_SAMPLE_RATE_HZ,
  type Biquad,
  chainResponseDbOnGrid,
  unitCircleGrid,
} from "./biquad.js";
import { preampForMaxBoost } from "./equalizerApo.js";
import { EQ_POINT_BAND_TO_HZ, eqFitGrid } from "./fitGrid.js";

/** Headroom below 0 dBFS the preamp leaves for the summed EQ's peak, dB (AutoEq's PREAMP_HEADROOM). */
export const PREAMP_HEADROOM_DB = 0.2;

/** The cancellation index of `filters` (module comment); 1 for no filters or an EQ of 0 dB. */
export function cancellationIndex(
  filters: readonly Biquad[],
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): number {
  const grid = unitCircleGrid(eqFitGrid(), sampleRateHz);
  const summed = chainResponseDbOnGrid(filters, grid);
  const each = filters.map((filter) => chainResponseDbOnGrid([filter], grid));
  let effort = 0;
  let net = 0;
  for (let i = 0; i < summed.length; i++) {
    for (const own of each) effort += Math.abs(own[i]!);
    net += Math.abs(summed[i]!);
  }
  return net > 0 ? effort / net : 1;
}

/**
 * The preamp for `filters`: −(the summed response's maximum from 20 Hz to 20 kHz) less
 * PREAMP_HEADROOM_DB, rounded down to 0.1 dB, and never above 0 dB. The summed response of peaks and
 * shelves returns to 0 dB somewhere in the band, so the clamp only guards against rounding.
 */
export function presetPreampDb(
  filters: readonly Biquad[],
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): number {
  const summed = chainResponseDbOnGrid(filters, unitCircleGrid(eqFitGrid(), sampleRateHz));
  return Math.min(0, preampForMaxBoost(Math.max(...summed) + PREAMP_HEADROOM_DB));
}

/**
 * The level a listener hears after the preamp, dB: the summed EQ's mean over 20 Hz–10 kHz (on the
 * log-spaced grid, so a mean on a log-frequency axis) plus presetPreampDb. A preset of cuts only
 * needs no preamp but is as much quieter as one that boosts and takes a preamp; this says which
 * is louder, whatever the preamp.
 */
export function levelAfterPreampDb(
  filters: readonly Biquad[],
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): number {
  const summed = chainResponseDbOnGrid(
    filters,
    unitCircleGrid(eqFitGrid(EQ_POINT_BAND_TO_HZ), sampleRateHz),
  );
  let sum = 0;
  for (const value of summed) sum += value;
  return sum / summed.length + presetPreampDb(filters, sampleRateHz);
}

/** The summed EQ's maximum above 10 kHz (to 20 kHz), dB: the treble boost a preset gives. */
export function trebleBoostDb(
  filters: readonly Biquad[],
  sampleRateHz: number = DEFAULT_SAMPLE_RATE_HZ,
): number {
  const frequencyHz = eqFitGrid();
  const summed = chainResponseDbOnGrid(filters, unitCircleGrid(frequencyHz, sampleRateHz));
  let top = -Infinity;
  frequencyHz.forEach((f, i) => {
    if (f > EQ_POINT_BAND_TO_HZ) top = Math.max(top, summed[i]!);
  });
  return top;
}
