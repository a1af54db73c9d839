/**
 * Group delay from a phase response: τ(f) = −dφ/dω = −(1/360)·dφ°/df seconds, with the phase
 * unwrapped first (jumps of more than 180° between neighbours are taken as wraps). The derivative is
 * taken in ln f, dφ/df = (1/f)·dφ/d(ln f), by central differences (one-sided at the ends): on the
 * log-spaced grids Tympan uses that is second-order accurate (error ∝ step², 0.5 % for a first-order
 * low-pass at 20 points per decade; see the test).
 * Needs at least two strictly increasing frequencies; returns seconds, one per frequency.
 */
export function groupDelaySeconds(
  frequencyHz: readonly number[],
  phaseDeg: readonly number[],
): number[] {
  const n = frequencyHz.length;
  if (n < 2 || phaseDeg.length !== n) return new Array<number>(n).fill(0);
  const unwrapped = unwrapDegrees(phaseDeg);
  const delay = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - 1);
    const hi = Math.min(n - 1, i + 1);
    const perLogHz =
      (unwrapped[hi]! - unwrapped[lo]!) / Math.log(frequencyHz[hi]! / frequencyHz[lo]!);
    const slope = perLogHz / frequencyHz[i]!;
    delay[i] = -slope / 360;
  }
  return delay;
}

/** The phase with 360° added or taken away wherever it jumps by more than 180° between samples. */
export function unwrapDegrees(phaseDeg: readonly number[]): number[] {
  const out = new Array<number>(phaseDeg.length);
  let offset = 0;
  for (let i = 0; i < phaseDeg.length; i++) {
    if (i > 0) {
      const step = phaseDeg[i]! + offset - out[i - 1]!;
      offset -= 360 * Math.round(step / 360);
    }
    out[i] = phaseDeg[i]! + offset;
  }
  return out;
}
