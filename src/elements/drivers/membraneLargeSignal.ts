/**
 * The large-signal stiffening of a tensioned circular film (a planar driver's membrane, an
 * electrostatic tweeter's film): as it bulges, it stretches, and its tension grows with the square
 * of the deflection. For a clamped circular membrane of radius a, pre-tension T (N/m), thickness h,
 * Young's modulus E and Poisson's ratio ν under a uniform pressure p, the bulge-test relation
 * (J. W. Beams, "Mechanical properties of thin films of gold and silver", in Structure and
 * Properties of Thin Films, Wiley 1959; the form used by Vlassak & Nix, J. Mater. Res. 7(12), 1992)
 * is, with w₀ the centre deflection,
 *   p = 4·T·w₀/a² + (8/3)·E·h·w₀³/((1 − ν)·a⁴).
 * Its first term is the linear model's static stiffness (planarDriver.ts: the modes' compliances
 * sum to πa⁴/(8T), a paraboloid of volume πa²w₀/2). In the mean displacement x̄ = w₀/2 the
 * restoring force πa²·p is K₀·x̄·(1 + β·x̄²) with K₀ = 8πT and β = (8/3)·E·h/((1 − ν)·T·a²):
 * Klippel's Kms(x) = K₀ + kms2·x² with kms2 = β·K₀, symmetric, so it makes odd harmonics only.
 * (The membrane's shape is taken as the paraboloid of the static bulge: above the first mode the
 * stretching follows the modal shape instead, which this does not model.)
 */
export interface MembraneStiffeningInputs {
  readonly radiusM: number;
  /** Pre-tension T, N/m. */
  readonly tensionNPerM: number;
  /** Film (and trace) thickness h, m. */
  readonly thicknessM: number;
  /** Young's modulus E of the film, Pa. */
  readonly youngsModulusPa: number;
  /** Poisson's ratio ν (≈0.4 for PET and polyimide films). */
  readonly poissonRatio: number;
}

/** K₀ = 8πT and kms2 = K₀·(8/3)·E·h/((1 − ν)·T·a²) (N/m and N/m³) of the mean displacement. */
export function membraneStiffening(inputs: MembraneStiffeningInputs): {
  staticStiffnessNPerM: number;
  kms2: number;
} {
  const { radiusM, tensionNPerM, thicknessM, youngsModulusPa, poissonRatio } = inputs;
  const staticStiffnessNPerM = 8 * Math.PI * tensionNPerM;
  const beta =
    ((8 / 3) * youngsModulusPa * thicknessM) /
    ((1 - poissonRatio) * tensionNPerM * radiusM * radiusM);
  return { staticStiffnessNPerM, kms2: beta * staticStiffnessNPerM };
}
