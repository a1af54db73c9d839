/**
 * Axis ticks, fitted domains, tick labels and scales. Log axes use the 1-2-5 sequence reviewers read
 * frequency responses by (20, 50, 100, 200, 500, 1k, …) with the other integer multiples as minor
 * grid lines; linear axes use steps of 1, 2 or 5 × 10ⁿ.
 */
import type { YScale } from "./chart.js";

export interface Ticks {
  /** Labelled ticks with grid lines. */
  readonly major: readonly number[];
  /** Unlabelled, lighter grid lines. */
  readonly minor: readonly number[];
}

/** n·10^k without the binary noise of a multiplication by a negative power (3 × 0.1 ≠ 0.3). */
function decadeMultiple(n: number, k: number): number {
  return k >= 0 ? n * 10 ** k : n / 10 ** -k;
}

/** Relative slack so 20 000 computed as 2·10⁴ is inside a domain that ends at 20 000. */
const EPS = 1e-9;

/**
 * Ticks of a log axis over [min, max]: the 1-2-5 values as majors (only powers of ten when the axis
 * spans more than 3 decades, all integer multiples when it spans less than one), the rest as minors.
 */
export function logTicks(min: number, max: number): Ticks {
  const decades = Math.log10(max / min);
  const majorMantissas = decades > 3 ? [1] : decades < 1 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 5];
  const major: number[] = [];
  const minor: number[] = [];
  const lo = min * (1 - EPS);
  const hi = max * (1 + EPS);
  for (let k = Math.floor(Math.log10(min)) - 1; k <= Math.ceil(Math.log10(max)); k++) {
    for (let n = 1; n <= 9; n++) {
      const value = decadeMultiple(n, k);
      if (value < lo || value > hi) continue;
      (majorMantissas.includes(n) ? major : minor).push(value);
    }
  }
  return { major, minor };
}

/** The step 1, 2 or 5 × 10ⁿ nearest above `roughStep`. */
export function niceStep(roughStep: number): number {
  const k = Math.floor(Math.log10(roughStep));
  const mantissa = roughStep / 10 ** k;
  const n = mantissa <= 1 + EPS ? 1 : mantissa <= 2 + EPS ? 2 : mantissa <= 5 + EPS ? 5 : 10;
  return decadeMultiple(n, k);
}

/** Target number of intervals on a linear axis. */
const LINEAR_INTERVALS = 6;

/** Ticks of a linear axis over [min, max] on a 1-2-5 step. */
export function linearTicks(min: number, max: number): Ticks {
  const step = niceStep((max - min) / LINEAR_INTERVALS);
  const major: number[] = [];
  const first = Math.ceil(min / step - EPS);
  const last = Math.floor(max / step + EPS);
  for (let i = first; i <= last; i++) major.push(roundTo(i * step, step));
  return { major, minor: [] };
}

export function ticks(scale: YScale, domain: readonly [number, number]): Ticks {
  return scale === "log" ? logTicks(domain[0], domain[1]) : linearTicks(domain[0], domain[1]);
}

/**
 * A y domain that holds [dataMin, dataMax], is at least `minSpan` wide (a ratio on a log axis), and
 * starts and ends on tick values. A flat curve gets a span of 10 % of its value (at least 1 unit) or a
 * ratio of 2.
 */
export function fitDomain(
  scale: YScale,
  dataMin: number,
  dataMax: number,
  minSpan: number,
): [number, number] {
  if (scale === "log") {
    const ratio = Math.max(minSpan, 2, dataMax / dataMin);
    const centre = Math.sqrt(dataMin * dataMax);
    const lo = Math.min(dataMin, centre / Math.sqrt(ratio));
    const hi = Math.max(dataMax, centre * Math.sqrt(ratio));
    return [floorToSequence(lo), ceilToSequence(hi)];
  }
  const centre = (dataMin + dataMax) / 2;
  const flatSpan = Math.max(Math.abs(centre) * 0.1, 1);
  const span = Math.max(
    minSpan,
    dataMax - dataMin > 1e-9 * flatSpan ? dataMax - dataMin : flatSpan,
  );
  const lo = Math.min(dataMin, centre - span / 2);
  const hi = Math.max(dataMax, centre + span / 2);
  const step = niceStep((hi - lo) / LINEAR_INTERVALS);
  return [
    roundTo(Math.floor(lo / step + EPS) * step, step),
    roundTo(Math.ceil(hi / step - EPS) * step, step),
  ];
}

/** Largest 1-2-5 value ≤ v. */
function floorToSequence(v: number): number {
  const k = Math.floor(Math.log10(v) + EPS);
  const mantissa = v / 10 ** k;
  const n = mantissa >= 5 - EPS ? 5 : mantissa >= 2 - EPS ? 2 : 1;
  return decadeMultiple(n, k);
}

/** Smallest 1-2-5 value ≥ v. */
function ceilToSequence(v: number): number {
  const k = Math.floor(Math.log10(v) - EPS);
  const mantissa = v / 10 ** k;
  const n = mantissa <= 1 + EPS ? 1 : mantissa <= 2 + EPS ? 2 : mantissa <= 5 + EPS ? 5 : 10;
  return decadeMultiple(n, k);
}

/** Rounds to the decimals `step` has, so 0.1 + 0.2 prints as 0.3. */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + EPS));
  const rounded = Number(value.toFixed(Math.min(decimals + 1, 20)));
  return rounded === 0 ? 0 : rounded;
}

/** Number text with a typographic minus and without float noise or trailing zeros. */
export function formatNumber(value: number): string {
  const text = String(Number(value.toPrecision(10)));
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/** Tick label with a k suffix from 1000 up: 20, 500, 1k, 2.5k, 20k. */
export function formatTick(value: number): string {
  return Math.abs(value) >= 1000 ? `${formatNumber(value / 1000)}k` : formatNumber(value);
}

/** A map from data values to pixels and back. */
export interface Scale {
  readonly type: YScale;
  readonly domain: readonly [number, number];
  /** Pixel positions of domain[0] and domain[1] (the second is smaller for a y axis). */
  readonly range: readonly [number, number];
  toPx(value: number): number;
  fromPx(px: number): number;
}

/**
 * A linear or log mapping from `domain` (data units: Hz, dB, Ω) to `range` (pixels), with its inverse.
 */
export function scale(
  type: YScale,
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const forward = type === "log" ? Math.log : (v: number) => v;
  const inverse = type === "log" ? Math.exp : (v: number) => v;
  const d0 = forward(domain[0]);
  const dSpan = forward(domain[1]) - d0;
  const [r0, r1] = range;
  return {
    type,
    domain,
    range,
    toPx: (value) => r0 + ((forward(value) - d0) / dSpan) * (r1 - r0),
    fromPx: (px) => inverse(d0 + ((px - r0) / (r1 - r0)) * dSpan),
  };
}
