import type { LargeSignalCurves } from "../elements/drivers/largeSignal.js";
import type { SignalAlgebra } from "./signalAlgebra.js";

/**
 * What a moving coil's large-signal curves add to its linear equations, as sources the linear
 * network can carry. With Bl(x) = Bl₀ + ΔBl(x), Kms(x) = K₀ + ΔK(x), Le(x) = Le₀ + ΔLe(x)
 * (largeSignal.ts) Klippel's equations
 *   u = Re·i + d(Le(x)·i)/dt + Bl(x)·v,
 *   Bl(x)·i + ½·i²·Le′(x) = Mms·dv/dt + Rms·v + Kms(x)·x + Sd·Δp
 * are the linear driver's with two more sources: an electromotive force in series with the coil,
 *   e = −[ΔBl(x)·v + d(ΔLe(x)·i)/dt]   (emf, the derivative taken per harmonic as jkω),
 * and a force in series with the moving mass,
 *   f = ΔBl(x)·i + ½·i²·Le′(x) − ΔK(x)·x.
 * Returned: `emf` = ΔBl(x)·v, `flux` = ΔLe(x)·i and `force` = f, from which e = −(emf + d flux/dt).
 */
export interface LargeSignalTerms {
  readonly emf: Float64Array;
  readonly flux: Float64Array;
  readonly force: Float64Array;
}

/** The source terms of one coil from its displacement x (m), velocity v (m/s) and current i (A). */
export function largeSignalSources(
  algebra: SignalAlgebra,
  curves: LargeSignalCurves,
  x: Float64Array,
  v: Float64Array,
  i: Float64Array,
): LargeSignalTerms {
  const { add, multiply, scale } = algebra;
  const degree = Math.max(curves.bl.length, curves.kms.length, curves.le.length);
  // powers[n] = xⁿ for n ≥ 1.
  const powers: Float64Array[] = [algebra.zero(), x];
  for (let n = 2; n <= degree + 1; n++) powers.push(multiply(powers[n - 1]!, x));
  const series = (coefficients: readonly number[], shift: number) =>
    coefficients.reduce(
      (sum, c, k) => (c === 0 ? sum : add(sum, scale(powers[k + 1 + shift]!, c))),
      algebra.zero(),
    );
  const deltaBl = series(curves.bl, 0);
  const deltaLe = series(curves.le, 0);
  const deltaStiffnessForce = series(curves.kms, 1);
  const currentSquared = multiply(i, i);
  // ½·i²·Le′(x) = Σ n·leₙ/2 · i²·xⁿ⁻¹.
  const reluctance = curves.le.reduce((sum, c, k) => {
    if (c === 0) return sum;
    const term = k === 0 ? currentSquared : multiply(currentSquared, powers[k]!);
    return add(sum, scale(term, ((k + 1) * c) / 2));
  }, algebra.zero());
  return {
    emf: multiply(deltaBl, v),
    flux: multiply(deltaLe, i),
    force: add(add(multiply(deltaBl, i), reluctance), scale(deltaStiffnessForce, -1)),
  };
}
