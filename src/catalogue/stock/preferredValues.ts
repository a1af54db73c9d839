/**
 * Purchasable component values: the IEC 60063 preferred-number series E6, E12 and E24, in which
 * resistors, capacitors and inductors are sold. The mantissas are the standard's table (IEC
 * 60063:2015, Table 1), not the rounded geometric series: E24 has 2.7, 3.0, 3.3 … where 10^(k/24)
 * would give 2.61, 2.87, 3.16. A value snaps to the nearest preferred value in log distance (the
 * series are geometric, so that is the nearest in percent).
 */
export const PREFERRED_SERIES = {
  E6: [1.0, 1.5, 2.2, 3.3, 4.7, 6.8],
  E12: [1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2],
  E24: [
    1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6,
    6.2, 6.8, 7.5, 8.2, 9.1,
  ],
} as const satisfies Record<string, readonly number[]>;

export type PreferredSeries = keyof typeof PREFERRED_SERIES;

/**
 * Every value of `series` from `fromValue` to `toValue` (both > 0), ascending. Each is the
 * mantissa times a power of ten computed in decimal text, so 0.68e-6 is the double 6.8e-7 exactly
 * as a person would type it, not 6.8 · 1e-7 = 6.800000000000001e-7.
 */
export function preferredValues(
  series: PreferredSeries,
  fromValue: number,
  toValue: number,
): number[] {
  if (!(fromValue > 0) || !(toValue >= fromValue) || !Number.isFinite(toValue)) return [];
  const values: number[] = [];
  for (let exponent = Math.floor(Math.log10(fromValue)); ; exponent++) {
    for (const mantissa of PREFERRED_SERIES[series]) {
      const value = Number(`${mantissa}e${exponent}`);
      if (value > toValue * (1 + 1e-12)) return values;
      if (value >= fromValue * (1 - 1e-12)) values.push(value);
    }
  }
}

/** The preferred value of `series` nearest to `value` (> 0) in ratio; `value` itself otherwise. */
export function nearestPreferredValue(value: number, series: PreferredSeries): number {
  if (!(value > 0) || !Number.isFinite(value)) return value;
  return nearestInRatio(value, preferredValues(series, value / 10, value * 10));
}

/** The candidate nearest `value` (> 0) in ratio, |ln(candidate / value)|; `value` when none. */
export function nearestInRatio(value: number, candidates: readonly number[]): number {
  let best = value;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = Math.abs(Math.log(candidate / value));
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
