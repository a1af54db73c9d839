import { finite } from "../../network/parameters.js";
import type { ParameterDoc } from "../../network/elementModel.js";
import type { LargeSignalCurves } from "./largeSignal.js";

/**
 * Large-signal parameters of a balanced-armature receiver, in the manner of Klippel's moving-coil
 * curves (largeSignal.ts) but for a moving-iron motor (Jensen, Agerkvist & Harte, "Nonlinear
 * time-domain modeling of balanced-armature receivers", JAES 59(3), 2011: force factor and
 * stiffness vary with the armature's displacement). With x the displacement of the drive pin
 * (m, positive when the diaphragm pushes air out of `out`):
 *   T(x)     = transduction + transduction1·x + … + transduction4·x⁴          (N/A)
 *   k_mag(x) = magneticStiffness + magneticStiffness1·x + … + magneticStiffness4·x⁴  (N/m)
 * and the motor's equations become T(x)·i = m·dv/dt + Rm·v + (k_arm + k_dia − k_mag(x))·x + Sd·Δp,
 * u = Re·i + … + T(x)·v: the moving-coil equations with Bl(x) = T(x) and Kms(x) = k_net − Δk_mag(x),
 * which is how nonlinear/ solves them.
 *
 * Where the terms come from. The magnet pulls the armature's tip towards whichever pole piece it
 * is nearer. Across two gaps of length g at constant magnetic potential, the pull is
 * F = F₀[(g/(g−x))² − (g/(g+x))²] = k_mag·x·(1 + 2x²/g² + 3x⁴/g⁴ + …), k_mag = 4F₀/g
 * (`gapMagneticStiffness`): the negative stiffness grows as the tip nears a pole, symmetric in x,
 * so it makes odd harmonics. As the tip moves, the magnet's flux is pushed through the armature,
 * which nears saturation: the force per ampere falls (transduction2 < 0, symmetric, odd
 * harmonics again). A tip that does not rest at the centre of the gap (assembly tolerance) tilts
 * both curves (odd coefficients): even harmonics. Absent coefficients are 0.
 */
const TRANSDUCTION_NAMES = [
  "transduction1",
  "transduction2",
  "transduction3",
  "transduction4",
] as const;
const MAGNETIC_NAMES = [
  "magneticStiffness1",
  "magneticStiffness2",
  "magneticStiffness3",
  "magneticStiffness4",
] as const;
type ArmatureCoefficient = (typeof TRANSDUCTION_NAMES)[number] | (typeof MAGNETIC_NAMES)[number];

const unitPer = (base: string, power: number) =>
  power === 1 ? `${base}/m` : `${base}/m${"⁰¹²³⁴⁵"[power]}`;

/** Schema entries of the balanced armature's large-signal coefficients, all optional. */
export const ARMATURE_LARGE_SIGNAL_PARAMETERS = {
  transduction1: finite(unitPer("N/A", 1)).optional(),
  transduction2: finite(unitPer("N/A", 2)).optional(),
  transduction3: finite(unitPer("N/A", 3)).optional(),
  transduction4: finite(unitPer("N/A", 4)).optional(),
  magneticStiffness1: finite(unitPer("N/m", 1)).optional(),
  magneticStiffness2: finite(unitPer("N/m", 2)).optional(),
  magneticStiffness3: finite(unitPer("N/m", 3)).optional(),
  magneticStiffness4: finite(unitPer("N/m", 4)).optional(),
};

const power = (k: number) => (k === 0 ? "x" : `x${"⁰¹²³⁴⁵"[k + 1]}`);

/** Their documentation. */
export const ARMATURE_LARGE_SIGNAL_DOCS: Readonly<Record<ArmatureCoefficient, ParameterDoc>> = {
  ...(Object.fromEntries(
    TRANSDUCTION_NAMES.map((name, k) => [
      name,
      {
        unit: unitPer("N/A", k + 1),
        description: `large signal: coefficient of ${power(k)} in T(x) = transduction + transduction1·x + … (absent: 0)`,
      },
    ]),
  ) as Record<ArmatureCoefficient, ParameterDoc>),
  ...(Object.fromEntries(
    MAGNETIC_NAMES.map((name, k) => [
      name,
      {
        unit: unitPer("N/m", k + 1),
        description: `large signal: coefficient of ${power(k)} in the magnet's negative stiffness k_mag(x) = magneticStiffness + magneticStiffness1·x + … (absent: 0)`,
      },
    ]),
  ) as Record<ArmatureCoefficient, ParameterDoc>),
};

/** The large-signal coefficients as a definition gives them (any may be absent). */
export type ArmatureLargeSignalFields = {
  readonly [K in ArmatureCoefficient]?: number | undefined;
};

/**
 * The receiver's curves as a moving coil's (Bl ← T, Kms ← −k_mag: the magnet's stiffness is
 * subtracted), or undefined when every coefficient is absent or 0. A receiver has no Le(x).
 */
export function armatureLargeSignalCurves(
  receiver: ArmatureLargeSignalFields,
): LargeSignalCurves | undefined {
  const bl = TRANSDUCTION_NAMES.map((name) => receiver[name] ?? 0);
  const kms = MAGNETIC_NAMES.map((name) => -(receiver[name] ?? 0));
  return [...bl, ...kms].some((value) => value !== 0) ? { bl, kms, le: [] } : undefined;
}

/**
 * The magnet's negative stiffness beyond the linear term for a tip between two equal gaps of
 * length `gapM` at constant magnetic potential (see the file's comment): k_mag·(2x²/g² + 3x⁴/g⁴),
 * i.e. magneticStiffness2 = 2·k_mag/g², magneticStiffness4 = 3·k_mag/g⁴ (the series of
 * (1−u)⁻² − (1+u)⁻² = 4u + 8u³ + 12u⁵ + …, u = x/g, divided by its first term).
 */
export function gapMagneticStiffness(
  magneticStiffness: number,
  gapM: number,
): { magneticStiffness2: number; magneticStiffness4: number } {
  return {
    magneticStiffness2: (2 * magneticStiffness) / gapM ** 2,
    magneticStiffness4: (3 * magneticStiffness) / gapM ** 4,
  };
}
