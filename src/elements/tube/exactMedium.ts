import { bulkModulusPa, type Air } from "../../core/air.js";
import { besselFDiagonal } from "./besselFDiagonal.js";
import { kinematicViscosityM2PerS } from "./diffusivity.js";

const bessel = new Float64Array(4);

/**
 * Exact low-reduced-frequency (Zwikker–Kosten / Kirchhoff) model of a rigid circular tube of radius a,
 * per unit length (docs/physics.md §3; Zwikker & Kosten, Sound Absorbing Materials, 1949; Tijdeman,
 * J. Sound Vib. 39 (1975) 1):
 *   Z' = jωρ/S · 1/(1 − F(k_v·a))          in Pa·s/m⁴,
 *   Y' = jωS/(ρc²) · [1 + (γ−1)·F(k_t·a)]  in m²/(Pa·s),
 * with S = πa², F(x) = 2J₁(x)/(x·J₀(x)), k_v = √(−jω/ν), ν = η/ρ, k_t = k_v·√Pr.
 * Valid while the radius is small compared with the wavelength (ka ≪ 1: ka = 0.37 for a = 1 mm at
 * 20 kHz), for any ratio of radius to boundary-layer thickness.
 * At low frequency Z' → 8η/(πa⁴) + (4/3)·jωρ/S (Poiseuille) and Y' → jωγS/(ρc²) (isothermal).
 * Writes [Re Z', Im Z', Re Y', Im Y'] into `out`; requires ω > 0.
 */
export function exactPerUnitLength(
  omega: number,
  radiusM: number,
  air: Air,
  out: Float64Array,
): void {
  const area = Math.PI * radiusM * radiusM;
  // k_v·a = u·(1 − j) with u = a·√(ω/(2ν)): the principal root of −jω/ν, on the −45° diagonal.
  const u = radiusM * Math.sqrt(omega / (2 * kinematicViscosityM2PerS(air)));
  besselFDiagonal(u, bessel);
  const oneMinusFRe = bessel[2] ?? 0;
  const oneMinusFIm = bessel[3] ?? 0;
  // Z' = jωL₀/(1 − F)
  const inertance = (omega * air.densityKgPerM3) / area;
  const denominator = oneMinusFRe * oneMinusFRe + oneMinusFIm * oneMinusFIm;
  out[0] = (inertance * oneMinusFIm) / denominator;
  out[1] = (inertance * oneMinusFRe) / denominator;

  const rootPrandtl = Math.sqrt(air.prandtlNumber);
  besselFDiagonal(u * rootPrandtl, bessel);
  const thermalFRe = bessel[0] ?? 0;
  const thermalFIm = bessel[1] ?? 0;
  // Y' = jωC₀·(1 + (γ−1)F_t)
  const compliance = (omega * area) / bulkModulusPa(air);
  const excess = air.heatCapacityRatio - 1;
  out[2] = -compliance * excess * thermalFIm;
  out[3] = compliance * (1 + excess * thermalFRe);
}
