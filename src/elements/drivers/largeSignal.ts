import { finite } from "../../network/parameters.js";
import type { ParameterDoc } from "../../network/elementModel.js";

/**
 * Large-signal parameters of a moving-coil driver in Klippel's convention (W. Klippel, "Tutorial:
 * Loudspeaker Nonlinearities — Causes, Parameters, Symptoms", JAES 54(10), 2006): the force factor,
 * the suspension's stiffness and the coil's inductance as power series in the coil's displacement x
 * (m, positive when the diaphragm pushes air out of the `front` terminal):
 *   Bl(x)  = bl + bl1·x + bl2·x² + bl3·x³ + bl4·x⁴          (T·m, bln in T·m/mⁿ)
 *   Kms(x) = 1/cms + kms1·x + kms2·x² + kms3·x³ + kms4·x⁴   (N/m, kmsn in N/m⁽ⁿ⁺¹⁾)
 *   Le(x)  = le + le1·x + le2·x² + le3·x³ + le4·x⁴          (H, len in H/mⁿ)
 * and the equations of motion become
 *   u = Re·i + d(Le(x)·i)/dt + Bl(x)·v,
 *   Bl(x)·i + ½·i²·dLe/dx = Mms·dv/dt + Rms·v + Kms(x)·x + Sd·(p_front − p_back),
 * the ½·i²·dLe/dx term being the reluctance force (the co-energy ½·Le(x)·i² changing with x).
 * Odd powers make a curve asymmetric (an offset coil, a suspension stiffer one way): they make even
 * harmonics; even powers make it symmetric (Bl falling off both ways): odd harmonics.
 *
 * Every coefficient absent means 0: the linear model, and the linear network is the same whatever
 * they are (they enter only the nonlinear solvers of nonlinear/). Le(x) modulates the plain `le`
 * only, not the LR-2 or semi-inductance terms.
 */
export const LARGE_SIGNAL_POWERS = [1, 2, 3, 4] as const;

const BL_NAMES = ["bl1", "bl2", "bl3", "bl4"] as const;
const KMS_NAMES = ["kms1", "kms2", "kms3", "kms4"] as const;
const LE_NAMES = ["le1", "le2", "le3", "le4"] as const;
type CoefficientName =
  (typeof BL_NAMES)[number] | (typeof KMS_NAMES)[number] | (typeof LE_NAMES)[number];

const unitPer = (base: string, power: number) =>
  power === 1 ? `${base}/m` : `${base}/m${"⁰¹²³⁴⁵"[power]}`;

/** The schema entries of the large-signal coefficients, all optional (absent = 0). */
export const LARGE_SIGNAL_PARAMETERS = {
  bl1: finite(unitPer("T·m", 1)).optional(),
  bl2: finite(unitPer("T·m", 2)).optional(),
  bl3: finite(unitPer("T·m", 3)).optional(),
  bl4: finite(unitPer("T·m", 4)).optional(),
  kms1: finite(unitPer("N/m", 1)).optional(),
  kms2: finite(unitPer("N/m", 2)).optional(),
  kms3: finite(unitPer("N/m", 3)).optional(),
  kms4: finite(unitPer("N/m", 4)).optional(),
  le1: finite(unitPer("H", 1)).optional(),
  le2: finite(unitPer("H", 2)).optional(),
  le3: finite(unitPer("H", 3)).optional(),
  le4: finite(unitPer("H", 4)).optional(),
};

const docs = (names: readonly CoefficientName[], base: string, curve: string) =>
  Object.fromEntries(
    names.map((name, k) => [
      name,
      {
        unit: unitPer(base, k + 1),
        description: `large signal: coefficient of x${k === 0 ? "" : "⁰¹²³⁴⁵"[k + 1]} in Klippel's ${curve}`,
      },
    ]),
  ) as Record<CoefficientName, ParameterDoc>;

/** The documentation of the large-signal coefficients. */
export const LARGE_SIGNAL_PARAMETER_DOCS: Readonly<Record<CoefficientName, ParameterDoc>> = {
  ...docs(BL_NAMES, "T·m", "Bl(x) = bl + bl1·x + … (absent: 0)"),
  ...docs(KMS_NAMES, "N/m", "Kms(x) = 1/cms + kms1·x + … (absent: 0)"),
  ...docs(LE_NAMES, "H", "Le(x) = le + le1·x + … (absent: 0)"),
};

/** The large-signal coefficients as given in a definition (any may be absent). */
export type LargeSignalFields = { readonly [K in CoefficientName]?: number | undefined };

/**
 * The x-dependent parts of a driver's Bl, Kms and Le: coefficient k of each array multiplies
 * x^(k+1) (the constant terms bl, 1/cms and le stay in the linear network).
 */
export interface LargeSignalCurves {
  readonly bl: readonly number[];
  readonly kms: readonly number[];
  readonly le: readonly number[];
}

/** The driver's large-signal curves, or undefined when every coefficient is absent or 0. */
export function largeSignalCurves(driver: LargeSignalFields): LargeSignalCurves | undefined {
  const read = (names: readonly CoefficientName[]) => names.map((name) => driver[name] ?? 0);
  const curves = { bl: read(BL_NAMES), kms: read(KMS_NAMES), le: read(LE_NAMES) };
  const any = [...curves.bl, ...curves.kms, ...curves.le].some((value) => value !== 0);
  return any ? curves : undefined;
}

/**
 * The coefficients of a driver mounted reversed: its motor and suspension see −x where the other
 * sees x, so Bl(−x), Kms(−x), Le(−x): odd powers change sign. Absent coefficients stay absent.
 */
export function mirroredLargeSignal(driver: LargeSignalFields): LargeSignalFields {
  const mirrored: Partial<Record<CoefficientName, number>> = {};
  for (const names of [BL_NAMES, KMS_NAMES, LE_NAMES]) {
    names.forEach((name, k) => {
      const value = driver[name];
      if (value !== undefined) mirrored[name] = (k + 1) % 2 === 1 ? -value : value;
    });
  }
  return mirrored;
}

/**
 * The smallest displacement (m, > 0) at which a curve c₀ + c₁x + c₂x² + …, as a ratio to c₀,
 * leaves the range `isWithin` accepts on either side, searched out to `limitM` in 0.025 % steps;
 * undefined if it never does there. Klippel's displacement limits (W. Klippel, "Assessment of
 * Voice-Coil Peak Displacement Xmax", JAES 51(5), 2003; IEC 62458): x_Bl where Bl(x)/Bl(0) has
 * fallen to 82 %, and x_C where Cms(x)/Cms(0) has fallen to 75 %, i.e. Kms(x)/Kms(0) risen to 1/0.75.
 */
export function displacementLimitM(
  constant: number,
  coefficients: readonly number[],
  isWithin: (ratio: number) => boolean,
  limitM: number,
): number | undefined {
  const ratio = (x: number) =>
    coefficients.reduce((sum, c, k) => sum + c * x ** (k + 1), constant) / constant;
  const steps = 4000;
  for (let s = 1; s <= steps; s++) {
    const x = (limitM * s) / steps;
    if (!isWithin(ratio(x)) || !isWithin(ratio(-x))) return x;
  }
  return undefined;
}
