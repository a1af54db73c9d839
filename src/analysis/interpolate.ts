import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";

/**
 * The curve's values at `frequenciesHz`, linear in log10 f between neighbouring points (dB linear in
 * log f, the convention of graph tools and of the preference model; docs/measurements.md §2):
 *
 *   v(f) = v_k + (v_{k+1} − v_k) · (log10 f − log10 f_k) / (log10 f_{k+1} − log10 f_k),  f_k ≤ f ≤ f_{k+1}
 *
 * Outside the curve's range the end value is held (no extrapolation): below the first point the
 * first value, above the last point the last value. Callers that need the range covered (a score,
 * an EQ fit) must check it themselves. Query frequencies may come in any order.
 *
 * @throws TympanError when the curve is empty, its frequencies do not strictly increase, or a
 *   frequency (curve or query) is not a positive finite number.
 */
export function interpolateLogFrequency(curve: Curve, frequenciesHz: ArrayLike<number>): number[] {
  const { frequencyHz, values } = curve;
  const count = Math.min(frequencyHz.length, values.length);
  const label = curve.name === undefined ? "the curve" : `curve "${curve.name}"`;
  if (count === 0) {
    throw new TympanError([
      {
        severity: "error",
        code: "empty-curve",
        path: ["frequencyHz"],
        message: `${label} has no points to interpolate; give at least one frequency and value`,
      },
    ]);
  }
  const logF = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const f = frequencyHz[k] as number;
    if (!(f > 0) || !Number.isFinite(f)) {
      throw new TympanError([
        {
          severity: "error",
          code: "invalid-frequency",
          path: ["frequencyHz", k],
          message: `${label} has frequency ${f} Hz at index ${k}; log-frequency interpolation needs positive finite frequencies`,
        },
      ]);
    }
    logF[k] = Math.log10(f);
    if (k > 0 && !((logF[k] as number) > (logF[k - 1] as number))) {
      throw new TympanError([
        {
          severity: "error",
          code: "unsorted-frequencies",
          path: ["frequencyHz", k],
          message: `${label} has frequency ${f} Hz at index ${k} not above the previous one; sort the points and remove duplicates`,
        },
      ]);
    }
  }

  const result = new Array<number>(frequenciesHz.length);
  const first = values[0] as number;
  const last = values[count - 1] as number;
  const logFirst = logF[0] as number;
  const logLast = logF[count - 1] as number;
  for (let q = 0; q < frequenciesHz.length; q++) {
    const f = frequenciesHz[q] as number;
    if (!(f > 0) || !Number.isFinite(f)) {
      throw new TympanError([
        {
          severity: "error",
          code: "invalid-frequency",
          path: ["frequenciesHz", q],
          message: `query frequency ${f} Hz at index ${q} is not a positive finite number`,
        },
      ]);
    }
    const x = Math.log10(f);
    if (x <= logFirst) {
      result[q] = first;
      continue;
    }
    if (x >= logLast) {
      result[q] = last;
      continue;
    }
    // Largest k with logF[k] <= x; logFirst < x < logLast, so 0 <= k < count - 1.
    let lo = 0;
    let hi = count - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((logF[mid] as number) <= x) lo = mid;
      else hi = mid;
    }
    const x0 = logF[lo] as number;
    const x1 = logF[hi] as number;
    const v0 = values[lo] as number;
    const v1 = values[hi] as number;
    result[q] = v0 + ((v1 - v0) * (x - x0)) / (x1 - x0);
  }
  return result;
}
