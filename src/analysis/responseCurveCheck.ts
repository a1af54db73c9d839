import { TympanError, isNonEmpty, type Issue } from "../core/issues.js";
import type { Curve } from "../core/curve.js";

/**
 * Throws one TympanError carrying every problem that stops `curve` from being used as a frequency
 * response: an impedance curve, no points, mismatched lengths, frequencies that are not positive,
 * finite and strictly increasing, or non-finite values. `role` names the curve in messages ("the
 * left channel") and prefixes the issue paths, so that two-curve functions can say which one is wrong.
 *
 * @param operation what the caller does, for messages ("smoothing", "channel averaging").
 */
export function assertResponseCurve(curve: Curve, operation: string, role?: string): void {
  const issues: Issue[] = [];
  const prefix: (string | number)[] = role === undefined ? [] : [role];
  const named = curve.name === undefined ? "" : ` "${curve.name}"`;
  const label = role === undefined ? `curve${named}` : `${role} curve${named}`;
  if (curve.kind !== "response") {
    issues.push({
      severity: "error",
      code: "not-a-response",
      path: [...prefix, "kind"],
      message: `${label} is an ${curve.kind} (Ω), but ${operation} needs a frequency response in dB; pass a measured or simulated response instead`,
    });
  }
  const { frequencyHz, values } = curve;
  if (frequencyHz.length === 0) {
    issues.push({
      severity: "error",
      code: "empty-curve",
      path: [...prefix, "frequencyHz"],
      message: `${label} has no points; ${operation} needs at least one frequency and value`,
    });
  }
  if (frequencyHz.length !== values.length) {
    issues.push({
      severity: "error",
      code: "length-mismatch",
      path: [...prefix, "values"],
      message: `${label} has ${frequencyHz.length} frequencies but ${values.length} values; give one value per frequency`,
    });
  }
  for (let k = 0; k < frequencyHz.length; k++) {
    const f = frequencyHz[k] as number;
    if (!(f > 0) || !Number.isFinite(f)) {
      issues.push({
        severity: "error",
        code: "invalid-frequency",
        path: [...prefix, "frequencyHz", k],
        message: `${label} has frequency ${f} Hz at index ${k}; frequencies must be positive finite numbers`,
      });
    } else if (k > 0 && !(f > (frequencyHz[k - 1] as number))) {
      issues.push({
        severity: "error",
        code: "unsorted-frequencies",
        path: [...prefix, "frequencyHz", k],
        message: `${label} has frequency ${f} Hz at index ${k} not above the previous one; sort the points and remove duplicates`,
      });
    }
  }
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (!Number.isFinite(v)) {
      issues.push({
        severity: "error",
        code: "invalid-value",
        path: [...prefix, "values", k],
        message: `${label} has value ${v} at index ${k}; levels must be finite numbers of dB`,
      });
    }
  }
  if (isNonEmpty(issues)) throw new TympanError(issues);
}
