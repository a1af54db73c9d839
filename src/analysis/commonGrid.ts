import { TympanError } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "./interpolate.js";
import { assertResponseCurve } from "./responseCurveCheck.js";

/**
 * Two responses on one grid: the union of their frequencies over the range both cover (no
 * extrapolation), each log-interpolated onto it (docs/measurements.md §2). Frequencies closer than one part in
 * 10⁹ count as one (two exports of the same grid rounded differently).
 *
 * @throws TympanError when either curve is not a usable response, or their ranges do not overlap.
 */
export function onCommonGrid(
  left: Curve,
  right: Curve,
  operation: string,
): { frequencyHz: number[]; left: number[]; right: number[] } {
  assertResponseCurve(left, operation, "left");
  assertResponseCurve(right, operation, "right");
  const lowHz = Math.max(left.frequencyHz[0] as number, right.frequencyHz[0] as number);
  const highHz = Math.min(
    left.frequencyHz[left.frequencyHz.length - 1] as number,
    right.frequencyHz[right.frequencyHz.length - 1] as number,
  );
  if (lowHz > highHz) {
    throw new TympanError([
      {
        severity: "error",
        code: "no-common-range",
        path: ["right", "frequencyHz"],
        message: `the left and right curves do not overlap in frequency (the common range would be ${lowHz}–${highHz} Hz); ${operation} needs measurements of the same band`,
      },
    ]);
  }
  const all = [...left.frequencyHz, ...right.frequencyHz]
    .filter((f) => f >= lowHz && f <= highHz)
    .sort((a, b) => a - b);
  const frequencyHz: number[] = [];
  for (const f of all) {
    const previous = frequencyHz[frequencyHz.length - 1];
    if (previous === undefined || f > previous * (1 + 1e-9)) frequencyHz.push(f);
  }
  return {
    frequencyHz,
    left: interpolateLogFrequency(left, frequencyHz),
    right: interpolateLogFrequency(right, frequencyHz),
  };
}
