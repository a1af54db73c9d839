import type { Air } from "../../core/air.js";
import { complexCoshAndSinhc, complexDivide, complexSqrt } from "../../core/complex.js";
import { tubePerUnitLength, type TubeModel } from "./tubeModel.js";

const perUnitLength = new Float64Array(4);
const work = new Float64Array(4);

/**
 * Propagation constant Γ = √(Z'Y') in 1/m (Re Γ = attenuation in Np/m ≥ 0, Im Γ = phase in rad/m > 0:
 * waves go as e^{jωt − Γx}) of a circular tube. Writes [Re Γ, Im Γ] into `out`.
 */
export function propagationConstant(
  model: TubeModel,
  omega: number,
  radiusM: number,
  air: Air,
  out: Float64Array,
): void {
  tubePerUnitLength(model, omega, radiusM, air, perUnitLength);
  const zRe = perUnitLength[0] ?? 0;
  const zIm = perUnitLength[1] ?? 0;
  const yRe = perUnitLength[2] ?? 0;
  const yIm = perUnitLength[3] ?? 0;
  complexSqrt(zRe * yRe - zIm * yIm, zRe * yIm + zIm * yRe, out, 0);
}

/**
 * Characteristic impedance Zc = √(Z'/Y') = Z'/Γ in Pa·s/m³ (acoustic ohms; Re Zc > 0) of a circular
 * tube; ρc/S in the lossless model. Writes [Re Zc, Im Zc] into `out`.
 */
export function characteristicImpedance(
  model: TubeModel,
  omega: number,
  radiusM: number,
  air: Air,
  out: Float64Array,
): void {
  // Γ into `work`; that also leaves Z' in `perUnitLength`.
  propagationConstant(model, omega, radiusM, air, work);
  complexDivide(perUnitLength[0] ?? 0, perUnitLength[1] ?? 0, work[0] ?? 0, work[1] ?? 0, out, 0);
}

/**
 * ABCD (transmission) matrix of a uniform line of length L from its per-unit-length Z' and Y':
 *   [p₁; U₁] = [[cosh ΓL, Zc·sinh ΓL], [sinh ΓL / Zc, cosh ΓL]]·[p₂; U₂],  Γ = √(Z'Y'), Zc = √(Z'/Y'),
 * written as B = Z'L·sinh(ΓL)/(ΓL), C = Y'L·sinh(ΓL)/(ΓL). Both forms are equal, but this one is even
 * in Γ (no square-root branch to get wrong) and stays finite as ω → 0. Writes
 * [Are, Aim, Bre, Bim, Cre, Cim, Dre, Dim] into `out` (length ≥ 8); B in Pa·s/m³, C in m³/(Pa·s).
 * cosh and sinh grow like e^{Re ΓL}/2 and overflow beyond Re ΓL ≈ 710 Np (≈ 7 m of 0.1 mm-radius tube at
 * 100 kHz); in that regime AD − BC = 1 holds only to the rounding of products of size e^{2 Re ΓL}.
 */
export function transmissionLineAbcd(
  seriesRe: number,
  seriesIm: number,
  shuntRe: number,
  shuntIm: number,
  lengthM: number,
  out: Float64Array,
): void {
  complexSqrt(
    seriesRe * shuntRe - seriesIm * shuntIm,
    seriesRe * shuntIm + seriesIm * shuntRe,
    work,
    0,
  );
  complexCoshAndSinhc((work[0] ?? 0) * lengthM, (work[1] ?? 0) * lengthM, work, 0);
  const coshRe = work[0] ?? 0;
  const coshIm = work[1] ?? 0;
  const sinhcRe = work[2] ?? 0;
  const sinhcIm = work[3] ?? 0;
  out[0] = coshRe;
  out[1] = coshIm;
  out[2] = (seriesRe * sinhcRe - seriesIm * sinhcIm) * lengthM;
  out[3] = (seriesRe * sinhcIm + seriesIm * sinhcRe) * lengthM;
  out[4] = (shuntRe * sinhcRe - shuntIm * sinhcIm) * lengthM;
  out[5] = (shuntRe * sinhcIm + shuntIm * sinhcRe) * lengthM;
  out[6] = coshRe;
  out[7] = coshIm;
}

/**
 * ABCD matrix of a rigid circular tube of radius `radiusM` and length `lengthM` (m) in `model` at
 * angular frequency `omega` (rad/s, > 0): see transmissionLineAbcd for the layout and units
 * (docs/physics.md §3). Both ports are referenced to ambient pressure. Allocates nothing.
 */
export function tubeAbcd(
  model: TubeModel,
  omega: number,
  radiusM: number,
  lengthM: number,
  air: Air,
  out: Float64Array,
): void {
  tubePerUnitLength(model, omega, radiusM, air, perUnitLength);
  const zRe = perUnitLength[0] ?? 0;
  const zIm = perUnitLength[1] ?? 0;
  const yRe = perUnitLength[2] ?? 0;
  const yIm = perUnitLength[3] ?? 0;
  transmissionLineAbcd(zRe, zIm, yRe, yIm, lengthM, out);
}
