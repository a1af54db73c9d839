/**
 * Properties of air. The defaults are the values every reference number in docs/physics.md §1 was computed
 * with (ρ = 1.21 kg/m³, c = 343 m/s, η = 1.897e-5 Pa·s, γ = 1.4, Pr = 0.71); change them only on purpose.
 */
export interface Air {
  /** Density ρ in kg/m³. */
  readonly densityKgPerM3: number;
  /** Speed of sound c in m/s. */
  readonly speedOfSoundMPerS: number;
  /** Shear viscosity η in Pa·s. */
  readonly viscosityPaS: number;
  /** Ratio of specific heats γ. */
  readonly heatCapacityRatio: number;
  /** Prandtl number Pr = η·c_p/κ. */
  readonly prandtlNumber: number;
}

/** The air every simulation assumes unless told otherwise: room air, the values of docs/physics.md §1 (ρ = 1.21 kg/m³, c = 343 m/s). */
export const STANDARD_AIR: Air = Object.freeze({
  densityKgPerM3: 1.21,
  speedOfSoundMPerS: 343,
  viscosityPaS: 1.897e-5,
  heatCapacityRatio: 1.4,
  prandtlNumber: 0.71,
});

/** Adiabatic bulk modulus ρc² in Pa (142 355 Pa for standard air). */
export function bulkModulusPa(air: Air): number {
  return air.densityKgPerM3 * air.speedOfSoundMPerS ** 2;
}

/** Reference pressure for SPL: 20 µPa rms. */
export const SPL_REFERENCE_PA = 20e-6;

/** One cgs acoustic ohm (dyn·s/cm⁵) in SI acoustic ohms (Pa·s/m³). */
export const CGS_ACOUSTIC_OHM_IN_SI = 1e5;
