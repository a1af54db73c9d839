import type { Curve } from "../core/curve.js";
import type { Issue } from "../core/issues.js";

/** No voice coil is below this, Ω: a curve below it everywhere is in the wrong unit or broken. */
const MIN_COIL_OHM = 1;
/**
 * A moving coil in free air follows the model of thieleSmallFromImpedance to a few % RMS (measured
 * drivers 1–5 %); beyond this the curve is likely something else (a response, a driver in a box, a
 * balanced armature) and the figures mean little.
 */
const POOR_FIT_PERCENT = 10;

/**
 * What is suspect in an impedance curve a Thiele–Small fit was made from (thieleSmallFromImpedance):
 * an |Z| below 1 Ω everywhere, a phase column of zeros (a placeholder the fit ignores), a fit whose
 * |Z| residual is above 10 % RMS.
 */
export function impedanceCurveWarnings(curve: Curve, residualRmsPercent: number): Issue[] {
  const name = curve.name ?? "the impedance curve";
  const warnings: Issue[] = [];
  const largest = Math.max(...curve.values);
  if (largest < MIN_COIL_OHM)
    warnings.push({
      code: "broken-impedance",
      severity: "warning",
      path: [],
      message: `${name} is below ${MIN_COIL_OHM} Ω at every frequency (largest ${largest.toPrecision(3)} Ω): no voice coil is that low, so the file is in another unit (kΩ?) or broken; the figures are in its unit`,
      hint: "check the file's |Z| column is in Ω",
    });
  if (curve.phaseDeg !== undefined && curve.phaseDeg.every((value) => value === 0))
    warnings.push({
      code: "phase-all-zero",
      severity: "warning",
      path: [],
      message: `${name} has a phase column that is zero at every frequency: a placeholder, so the fit uses |Z| alone`,
    });
  if (!(residualRmsPercent <= POOR_FIT_PERCENT))
    warnings.push({
      code: "fit-not-applicable",
      severity: "warning",
      path: [],
      message: `${name}: the free-air moving-coil model follows it to only ${residualRmsPercent.toFixed(0)} % RMS (a driver's |Z| fits to a few %), so it is probably not a dynamic driver's impedance in free air (a response, a driver in a box, a balanced armature?) and the figures mean little`,
      hint: "give a dynamic driver's impedance measured in free air",
    });
  return warnings;
}
