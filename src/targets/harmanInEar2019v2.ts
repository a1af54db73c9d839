/**
 * Harman in-ear target, 2019 v2: the reference target of the in-ear predicted preference model.
 *
 * Source: S. E. Olive, T. Welti and O. Khonsaripour, "A statistical model that predicts listeners'
 * preference ratings of in-ear headphones", AES 143rd Convention, New York (2017), and the Harman
 * in-ear target 2019 v2 in the numeric form used by the AutoEq project (jaakkopasanen/AutoEq,
 * `harman_in-ear_2019v2.csv`) and squig.link graph tools. Values are the published figures:
 * 695 points on the AutoEq grid f_i = 20·1.01^i Hz (i = 0…694), two decimals, dB relative (0 dB
 * near 1 kHz). The numbers are generated verbatim from
 * `../shared/data/targets/harman_in-ear_2019v2.csv` into `harmanInEar2019v2Data.ts`; the test
 * beside this file checks them against that CSV row by row.
 *
 * Landmarks (value at the grid point nearest the frequency): 20 Hz +7.61 dB, 100 Hz +2.79,
 * 300 Hz −1.71 (the minimum below 1 kHz), 1 kHz −0.01, 3.2 kHz +9.42 (the peak), 10 kHz −0.87,
 * 20 kHz −20.61. Interpolated at exactly 100 Hz, 1 kHz and 10 kHz the curve gives +2.81, −0.00 and
 * −0.77 dB: the published landmarks are grid values, not interpolations.
 *
 * The variant without bass is in `harmanInEar2019v2WithoutBass.ts`.
 */
import type { Curve } from "../core/curve.js";
import {
  HARMAN_IN_EAR_2019_V2_DB,
  HARMAN_IN_EAR_2019_V2_FREQUENCY_HZ,
} from "./harmanInEar2019v2Data.js";

/** The Harman in-ear 2019 v2 target as a response curve (dB relative, 20 Hz–20 kHz, 695 points). */
export const harmanInEar2019v2: Curve = Object.freeze({
  kind: "response",
  name: "Harman in-ear 2019 v2",
  frequencyHz: HARMAN_IN_EAR_2019_V2_FREQUENCY_HZ,
  values: HARMAN_IN_EAR_2019_V2_DB,
});
