import { bulkModulusPa, type Air } from "../../core/air.js";

/**
 * Lossless circular tube (plane waves, no boundary layers), per unit length:
 * Z' = jωρ/S in Pa·s/m⁴ and Y' = jωS/(ρc²) in m²/(Pa·s), S = πa². Then Γ = jω/c and Zc = ρc/S.
 * Writes [Re Z', Im Z', Re Y', Im Y'] into `out`. Reference: any acoustics text, e.g. Kinsler et al.,
 * Fundamentals of Acoustics, 4th ed., §10.
 */
export function losslessPerUnitLength(
  omega: number,
  radiusM: number,
  air: Air,
  out: Float64Array,
): void {
  const area = Math.PI * radiusM * radiusM;
  out[0] = 0;
  out[1] = (omega * air.densityKgPerM3) / area;
  out[2] = 0;
  out[3] = (omega * area) / bulkModulusPa(air);
}
