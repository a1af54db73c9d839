import { bulkModulusPa, type Air } from "../../core/air.js";
import { kinematicViscosityM2PerS, thermalDiffusivityM2PerS } from "./diffusivity.js";

/**
 * N = 8 Foster coefficients aᵢ, bᵢ of Thibault & Chabassier (JASA 150(2), 2021, doi 10.1121/10.0005537),
 * as quoted in docs/physics.md §3 (the formatter drops trailing zeros). Σaᵢ = 0.32949, so the network's
 * low-frequency mass (1 + Σaᵢ)·ρ/S is 0.29 % below the exact 4/3·ρ/S; the fit targets 20 Hz upwards.
 */
export const FOSTER_COEFFICIENTS: {
  readonly a: readonly number[];
  readonly b: readonly number[];
} = Object.freeze({
  a: Object.freeze([
    0.1864109198609, 0.08063380539826, 0.03520991561097, 0.01533508937036, 0.00669583099425,
    0.002932507243067, 0.00132824569413, 0.000940366150612,
  ]),
  b: Object.freeze([
    0.03168417526462, 0.005883906022969, 0.001112007376348, 0.000211666448566, 0.000040450275371,
    0.000007735956475, 0.000001444917769, 0.000000148382522,
  ]),
});

const ladder = new Float64Array(2);
// Typed copies for the hot loop: reading the frozen arrays above costs several times more.
const FOSTER_A = Float64Array.from(FOSTER_COEFFICIENTS.a);
const FOSTER_B = Float64Array.from(FOSTER_COEFFICIENTS.b);

/**
 * Series impedance per unit length of the Foster network at s = jω for a diffusivity D (ν for the
 * viscous branch, α_t for the thermal one): Z'(s) = sL₀ + 8R₀ + Σᵢ (sL₀aᵢ) ∥ (R₀aᵢ/bᵢ), with
 * L₀ = ρ/S, R₀ = ρD/(πa⁴); each parallel pair is sL₀aᵢ/(1 + s·bᵢ·a²/D). Writes re, im into `out`.
 */
function fosterSeriesImpedance(
  omega: number,
  radiusM: number,
  densityKgPerM3: number,
  diffusivityM2PerS: number,
  out: Float64Array,
): void {
  const a2 = radiusM * radiusM;
  const inertance = densityKgPerM3 / (Math.PI * a2);
  const resistance = (densityKgPerM3 * diffusivityM2PerS) / (Math.PI * a2 * a2);
  const mass = omega * inertance;
  const reducedFrequency = (omega * a2) / diffusivityM2PerS;
  // jωL₀aᵢ/(1 + jωτbᵢ) = ωL₀aᵢ·(ωτbᵢ + j)/(1 + (ωτbᵢ)²), τ = a²/D
  let re = 0;
  let im = 0;
  for (let i = 0; i < FOSTER_A.length; i++) {
    const wt = reducedFrequency * (FOSTER_B[i] ?? 0);
    const scale = (FOSTER_A[i] ?? 0) / (1 + wt * wt);
    re += scale * wt;
    im += scale;
  }
  out[0] = 8 * resistance + mass * re;
  out[1] = mass * (1 + im);
}

/**
 * Rational (Foster) approximation of the exact tube model (docs/physics.md §3; Thibault & Chabassier 2021),
 * per unit length of a circular tube of radius a:
 *   Z'(s)  = sL₀ + 8R₀ + Σᵢ (sL₀aᵢ) ∥ (R₀aᵢ/bᵢ)               in Pa·s/m⁴ (R₀ = η/(πa⁴)),
 *   Y'(s)  = sγC₀ − (γ−1)·s²C₀L₀ / Z'_th(s)                   in m²/(Pa·s), C₀ = S/(ρc²),
 * where Z'_th is the series network with ν replaced by the thermal diffusivity α_t = ν/Pr. The shunt
 * form is exact given Z'_th (it follows from Y' = sC₀[1 + (γ−1)F_t] and Z'_th = sL₀/(1 − F_t)); the
 * paper's own shunt ladder has a spurious DC conductance and is not used. Within 0.25 % of the exact
 * model for a = 0.25–2 mm, 20 Hz–20 kHz. Writes [Re Z', Im Z', Re Y', Im Y'] into `out`.
 */
export function fosterPerUnitLength(
  omega: number,
  radiusM: number,
  air: Air,
  out: Float64Array,
): void {
  const rho = air.densityKgPerM3;
  fosterSeriesImpedance(omega, radiusM, rho, kinematicViscosityM2PerS(air), ladder);
  const seriesRe = ladder[0] ?? 0;
  const seriesIm = ladder[1] ?? 0;
  fosterSeriesImpedance(omega, radiusM, rho, thermalDiffusivityM2PerS(air), ladder);
  const thermalRe = ladder[0] ?? 0;
  const thermalIm = ladder[1] ?? 0;

  const area = Math.PI * radiusM * radiusM;
  const compliance = area / bulkModulusPa(air);
  const inertance = rho / area;
  const gamma = air.heatCapacityRatio;
  // −(γ−1)s²C₀L₀/Z'_th = (γ−1)ω²C₀L₀ / Z'_th
  const numerator = (gamma - 1) * omega * omega * compliance * inertance;
  const thermalSquared = thermalRe * thermalRe + thermalIm * thermalIm;
  out[0] = seriesRe;
  out[1] = seriesIm;
  out[2] = (numerator * thermalRe) / thermalSquared;
  out[3] = omega * gamma * compliance - (numerator * thermalIm) / thermalSquared;
}
