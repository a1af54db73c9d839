/**
 * Harman in-ear 2019 v2 without bass: the Harman target with its bass shelf taken out, the neutral
 * base that EQ tools add a bass shelf of the listener's choice to (AutoEq's in-ear default adds a
 * 105 Hz shelf back on top of it).
 *
 * Definition: the published target minus an RBJ low shelf at 105 Hz, Q 0.7, 9 dB (designed at
 * 44.1 kHz), level unchanged. This is the definition that reproduces the target AutoEq equalised the
 * AKG N400 toward (the `target` column of its published result: this curve plus a 6 dB shelf at
 * 105 Hz, Q 0.7, plus a level offset) within 0.03 dB at every one of its 695 points; the test beside
 * this file checks it against `../shared/data/autoeq-results/AKG N400.csv`. The 9 dB was found by a
 * search over shelf gain (8–10.5 dB), corner (95–110 Hz), Q (0.6–0.75) and sample rate (44.1/48 kHz);
 * flattening the curve below its sub-1 kHz minimum, the other construction in circulation, misses by
 * up to 0.7 dB near 70 Hz.
 */
import type { Curve } from "../core/curve.js";
import { biquadResponseDb } from "../eq/biquad.js";
import { harmanInEar2019v2 } from "./harmanInEar2019v2.js";

/** The bass shelf the Harman in-ear 2019 v2 target carries over its "without bass" base. */
export const HARMAN_IN_EAR_BASS_SHELF = Object.freeze({
  type: "low-shelf",
  fcHz: 105,
  q: 0.7,
  gainDb: 9,
  sampleRateHz: 44_100,
} as const);

const { sampleRateHz, ...shelf } = HARMAN_IN_EAR_BASS_SHELF;
const shelfDb = biquadResponseDb(shelf, harmanInEar2019v2.frequencyHz, sampleRateHz);

/** Harman in-ear 2019 v2 without its bass shelf, on the same 695-point grid. */
export const harmanInEar2019v2WithoutBass: Curve = Object.freeze({
  kind: "response",
  name: "Harman in-ear 2019 v2 without bass",
  frequencyHz: harmanInEar2019v2.frequencyHz,
  values: Object.freeze(
    harmanInEar2019v2.values.map((value, index) => round2(value - shelfDb[index]!)),
  ),
});

/** Two decimals, as the published target is written. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
