import type { Air } from "../../core/air.js";

/**
 * Kinematic viscosity ν = η/ρ in m²/s (1.568e-5 m²/s for standard air, docs/physics.md §1). The viscous
 * boundary-layer scale of a tube is √(ν/ω).
 */
export function kinematicViscosityM2PerS(air: Air): number {
  return air.viscosityPaS / air.densityKgPerM3;
}

/**
 * Thermal diffusivity α_t = κ/(ρ·c_p) in m²/s, taken as ν/Pr (from Pr = η·c_p/κ), so that it is the
 * same air as the exact model's thermal wavenumber k_t = k_v·√Pr (docs/physics.md §3); the Foster model's
 * thermal branch must use this value to agree with the exact model.
 *
 * Why not κ/(ρc_p) from κ = 0.0257 W/m/K and c_p = 1010 J/kg/K (the values docs/physics.md §3 quotes)? Those
 * give 2.103e-5 m²/s, while ν/Pr with the §1 air (η = 1.897e-5 Pa·s, ρ = 1.21 kg/m³, Pr = 0.71) gives
 * 2.208e-5 m²/s: 5 % apart, far beyond the rounding of the constants (η·c_p/κ = 0.7455, not 0.71).
 * The §1 values define every reference number, so ν/Pr wins.
 */
export function thermalDiffusivityM2PerS(air: Air): number {
  return kinematicViscosityM2PerS(air) / air.prandtlNumber;
}
