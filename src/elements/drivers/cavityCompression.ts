/**
 * The air in a small sealed cavity at high level: adiabatic compression is not linear. A cavity of
 * volume V₀ at ambient pressure p₀ compressed by ΔV holds (pV^γ constant)
 *   p = p₀·[(V₀/(V₀ − ΔV))^γ − 1] = p₀·Σₙ cₙ·uⁿ,   u = ΔV/V₀,   cₙ = γ(γ+1)…(γ+n−1)/n!,
 * whose first term γp₀·u = ρc²·ΔV/V₀ is the linear compliance V₀/(ρc²) (p₀ = ρc²/γ). Compression
 * raises the pressure more than rarefaction lowers it: even harmonics, H2/H1 = (γ+1)·u/4 =
 * (γ+1)·p̂/(4γp₀) at low level (p̂ the peak pressure) — 0.02 % at 120 dB SPL, 0.2 % at 140 dB: it
 * matters only at the pressures inside a receiver or an occluded ear driven very hard. The same
 * relation whatever the volume: the level, not the size, sets it. (Isothermal walls below a few
 * Hz would lower γ towards 1; the cavities here are adiabatic as docs/physics.md §2 takes them.)
 */

/** The coefficients c₂…c_order of the series, index n − 2. */
export function adiabaticSeries(heatCapacityRatio: number, order: number): number[] {
  const coefficients: number[] = [];
  let c = heatCapacityRatio;
  for (let n = 2; n <= order; n++) {
    c *= (heatCapacityRatio + n - 1) / n;
    coefficients.push(c);
  }
  return coefficients;
}

/** The exact excess pressure p₀·[(1 − u)^−γ − 1] (Pa) for a compression u = ΔV/V₀ < 1. */
export function adiabaticPressurePa(
  ambientPressurePa: number,
  heatCapacityRatio: number,
  compression: number,
): number {
  return ambientPressurePa * ((1 - compression) ** -heatCapacityRatio - 1);
}
