import { type Air, bulkModulusPa } from "../../core/air.js";
import { ductImpedance } from "../../elements/ducts/ductImpedance.js";
import type { ReceiverMotor } from "./receiverMotor.js";

/** Numbers per frequency in a motor's acoustic stage (see motorAcoustics). */
export const ACOUSTIC_STRIDE = 12;

/** The parameters a motor's acoustic stage depends on: its cache key. */
export const ACOUSTIC_KEYS: readonly (keyof ReceiverMotor)[] = [
  "frontVolume",
  "rearVolume",
  "spoutLength",
  "spoutRadius",
  "rearVentRadius",
  "rearVentLength",
  "diaphragmVentRadius",
  "diaphragmVentLength",
];

/**
 * The acoustic side of one balanced-armature motor (its front and rear cavities, spout and vents),
 * per frequency, as the mechanical side sees it (ReceiverEvaluator's class comment): 1/B and A of
 * the spout's ABCD matrix, Z_ac = (Y_r + Y_F)/S, G = Y_r/(B·S), Y_v and Y_r, each complex (re, im),
 * ACOUSTIC_STRIDE numbers per frequency into `out`. None of it depends on the coil, the armature or
 * the diaphragm area, so a fit's Jacobian columns of those (most of a motor's) reuse it.
 * `spoutAbcd` holds the spout's ABCD matrix per frequency (8 numbers each).
 */
export function motorAcoustics(
  motor: ReceiverMotor,
  omega: Float64Array,
  spoutAbcd: Float64Array,
  air: Air,
  out: Float64Array,
): void {
  const bulk = bulkModulusPa(air);
  const frontC = motor.frontVolume / bulk;
  const rearC = motor.rearVolume / bulk;
  const rearVent =
    motor.rearVentRadius !== undefined && motor.rearVentLength !== undefined
      ? ductImpedance(motor.rearVentRadius, motor.rearVentLength, 1, air)
      : undefined;
  const vent =
    motor.diaphragmVentRadius !== undefined && motor.diaphragmVentLength !== undefined
      ? ductImpedance(motor.diaphragmVentRadius, motor.diaphragmVentLength, 1, air)
      : undefined;
  for (let k = 0; k < omega.length; k++) {
    const w = omega[k]!;
    const at = 8 * k;
    const bRe = spoutAbcd[at + 2]!;
    const bIm = spoutAbcd[at + 3]!;
    const dRe = spoutAbcd[at + 6]!;
    const dIm = spoutAbcd[at + 7]!;
    // 1/B and D/B.
    const bb = bRe * bRe + bIm * bIm;
    const invBRe = bRe / bb;
    const invBIm = -bIm / bb;
    const yfRe = dRe * invBRe - dIm * invBIm;
    const yfIm = dRe * invBIm + dIm * invBRe + w * frontC;
    // Y_r = jωC_r + 1/(R + jωM) of a rear vent.
    let yrRe = 0;
    let yrIm = w * rearC;
    if (rearVent !== undefined) {
      const r = rearVent.resistance;
      const x = w * rearVent.inertance;
      yrRe += r / (r * r + x * x);
      yrIm -= x / (r * r + x * x);
    }
    let yvRe = 0;
    let yvIm = 0;
    if (vent !== undefined) {
      const r = vent.resistance;
      const x = w * vent.inertance;
      yvRe = r / (r * r + x * x);
      yvIm = -x / (r * r + x * x);
    }
    // S = Y_v·Y_F + Y_F·Y_r + Y_v·Y_r; Z_ac = (Y_r + Y_F)/S; G = Y_r/(B·S).
    const sRe = yvRe * yfRe - yvIm * yfIm + yfRe * yrRe - yfIm * yrIm + yvRe * yrRe - yvIm * yrIm;
    const sIm = yvRe * yfIm + yvIm * yfRe + yfRe * yrIm + yfIm * yrRe + yvRe * yrIm + yvIm * yrRe;
    const ss = sRe * sRe + sIm * sIm;
    const invSRe = sRe / ss;
    const invSIm = -sIm / ss;
    const sumRe = yrRe + yfRe;
    const sumIm = yrIm + yfIm;
    const yrsRe = yrRe * invSRe - yrIm * invSIm;
    const yrsIm = yrRe * invSIm + yrIm * invSRe;
    const base = ACOUSTIC_STRIDE * k;
    out[base] = invBRe;
    out[base + 1] = invBIm;
    out[base + 2] = spoutAbcd[at]!;
    out[base + 3] = spoutAbcd[at + 1]!;
    out[base + 4] = sumRe * invSRe - sumIm * invSIm;
    out[base + 5] = sumRe * invSIm + sumIm * invSRe;
    out[base + 6] = yrsRe * invBRe - yrsIm * invBIm;
    out[base + 7] = yrsRe * invBIm + yrsIm * invBRe;
    out[base + 8] = yvRe;
    out[base + 9] = yvIm;
    out[base + 10] = yrRe;
    out[base + 11] = yrIm;
  }
}
