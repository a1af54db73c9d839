import { seededRandom } from "../catalogue/receiverFit/startingPoints.js";

/*
 * Statistics of a Monte Carlo of responses: runs × frequencies levels in dB, row-major (run r's level
 * at frequency f is levels[r·F + f]). Pure functions over typed arrays.
 */

/**
 * The q-quantile (0 ≤ q ≤ 1) at each frequency, by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and NumPy).
 */
export function quantilesByFrequency(
  levels: Float64Array,
  runs: number,
  frequencies: number,
  qs: readonly number[],
): number[][] {
  const out = qs.map(() => new Array<number>(frequencies).fill(0));
  const column = new Float64Array(runs);
  for (let f = 0; f < frequencies; f++) {
    for (let r = 0; r < runs; r++) column[r] = levels[r * frequencies + f]!;
    column.sort();
    qs.forEach((q, k) => (out[k]![f] = quantileOfSorted(column, q)));
  }
  return out;
}

export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** Whether each run stays within ±limitDb of `reference` at the frequencies `band` (indices). */
export function withinLimits(
  levels: Float64Array,
  runs: number,
  frequencies: number,
  reference: readonly number[],
  band: readonly number[],
  limitDb: number,
): boolean[] {
  return Array.from({ length: runs }, (_, r) =>
    band.every((f) => Math.abs(levels[r * frequencies + f]! - reference[f]!) <= limitDb),
  );
}

/** Whether runs a and b agree within ±limitDb at every frequency of the band. */
function pairAgrees(
  levels: Float64Array,
  frequencies: number,
  a: number,
  b: number,
  band: Int32Array,
  limitDb: number,
): boolean {
  for (let k = 0; k < band.length; k++) {
    const f = band[k]!;
    if (Math.abs(levels[a * frequencies + f]! - levels[b * frequencies + f]!) > limitDb)
      return false;
  }
  return true;
}

/**
 * Most pairs compared one by one (every distinct pair of up to 2 828 units, about half a second):
 * with more units, the share of random pairs is estimated from SAMPLED_PAIRS pairs drawn at random —
 * a standard error of at most 0.05 % (√(¼/10⁶)), under what the finite number of units leaves
 * uncertain anyway — in about a second, however many units there are.
 */
export const MAX_COMPARED_PAIRS = 4_000_000;
export const SAMPLED_PAIRS = 1_000_000;

/** What pairMatching reports. */
export interface PairShares {
  /** Share of random pairs within ±withinDb over the band (of every distinct pair, or estimated). */
  readonly randomPairs: number;
  /** Share of the pairs made by binning (see pairMatching) within it. */
  readonly binnedPairs: number;
  /** How many random pairs were compared, and whether they were every distinct pair. */
  readonly comparedPairs: number;
  readonly allPairs: boolean;
}

/**
 * Pair matching: the share of random pairs of runs whose levels agree within ±withinDb over the
 * band (a left and a right earpiece drawn at random) — over every distinct pair where there are at
 * most `maxCompared`, else estimated from `sampled` pairs drawn with `seed` — and the share of pairs made by
 * sorting the runs by `key` (their level at 1 kHz) and pairing neighbours: what binning by
 * sensitivity reaches. The band is visited widest spread first, so most pairs fail at once.
 */
export function pairMatching(
  levels: Float64Array,
  runs: number,
  frequencies: number,
  band: readonly number[],
  withinDb: number,
  key: readonly number[],
  seed = 1,
  maxCompared = MAX_COMPARED_PAIRS,
  sampled = SAMPLED_PAIRS,
): PairShares {
  const order = widestFirst(levels, runs, frequencies, band);
  const agree = (a: number, b: number) => pairAgrees(levels, frequencies, a, b, order, withinDb);
  let matched = 0;
  let compared = 0;
  const allPairs = (runs * (runs - 1)) / 2 <= maxCompared;
  if (allPairs) {
    for (let a = 0; a < runs; a++) {
      for (let b = a + 1; b < runs; b++) {
        compared++;
        if (agree(a, b)) matched++;
      }
    }
  } else {
    // Distinct pairs drawn uniformly: a, then b among the others.
    const random = seededRandom(seed);
    for (; compared < sampled; compared++) {
      const a = Math.floor(random() * runs);
      let b = Math.floor(random() * (runs - 1));
      if (b >= a) b++;
      if (agree(a, b)) matched++;
    }
  }
  const byKey = Array.from({ length: runs }, (_, r) => r).sort(
    (a, b) => key[a]! - key[b]! || a - b,
  );
  let binned = 0;
  const binnedPairs = Math.floor(runs / 2);
  for (let k = 0; k + 1 < runs; k += 2) if (agree(byKey[k]!, byKey[k + 1]!)) binned++;
  return {
    randomPairs: compared === 0 ? 0 : matched / compared,
    binnedPairs: binnedPairs === 0 ? 0 : binned / binnedPairs,
    comparedPairs: compared,
    allPairs,
  };
}

/** The band's frequencies, widest spread of the levels (range over the runs) first. */
function widestFirst(
  levels: Float64Array,
  runs: number,
  frequencies: number,
  band: readonly number[],
): Int32Array {
  const range = band.map((f) => {
    let low = Infinity;
    let high = -Infinity;
    for (let r = 0; r < runs; r++) {
      const level = levels[r * frequencies + f]!;
      low = Math.min(low, level);
      high = Math.max(high, level);
    }
    return high - low;
  });
  return Int32Array.from(
    band.map((f, k) => [f, k] as const).sort(([, a], [, b]) => range[b]! - range[a]! || a - b),
    ([f]) => f,
  );
}

/**
 * First-order, variance-based ranking of the inputs (draws u, runs × inputs, row-major) by their
 * share of the variance of the levels over the band: at each frequency the levels are regressed
 * linearly on all the draws together; an input's share is Σ_f (b_f·sd(u))² / Σ_f var(level_f), the
 * squared standardised regression coefficients (Saltelli et al., Global Sensitivity Analysis, 2008,
 * §1.2.5). What the linear model misses (interactions, curvature) is `unexplained`. Needs more runs
 * than inputs + 1; otherwise returns undefined.
 */
export function varianceShares(
  draws: Float64Array,
  inputs: number,
  levels: Float64Array,
  runs: number,
  frequencies: number,
  band: readonly number[],
): { shares: number[]; unexplained: number } | undefined {
  if (inputs === 0 || runs <= inputs + 1) return undefined;
  const mean = new Float64Array(inputs);
  for (let r = 0; r < runs; r++)
    for (let i = 0; i < inputs; i++) mean[i]! += draws[r * inputs + i]! / runs;
  // Centred draws' Gram matrix, inverted once by Cholesky, serves every frequency.
  const gram = new Float64Array(inputs * inputs);
  const centred = new Float64Array(runs * inputs);
  for (let r = 0; r < runs; r++)
    for (let i = 0; i < inputs; i++) centred[r * inputs + i] = draws[r * inputs + i]! - mean[i]!;
  for (let r = 0; r < runs; r++)
    for (let i = 0; i < inputs; i++)
      for (let j = 0; j <= i; j++)
        gram[i * inputs + j]! += centred[r * inputs + i]! * centred[r * inputs + j]!;
  const factor = cholesky(gram, inputs);
  if (factor === undefined) return undefined;
  const variance = (i: number) => gram[i * inputs + i]! / (runs - 1);
  const explained = new Float64Array(inputs);
  let total = 0;
  const rhs = new Float64Array(inputs);
  for (const f of band) {
    let levelMean = 0;
    for (let r = 0; r < runs; r++) levelMean += levels[r * frequencies + f]! / runs;
    rhs.fill(0);
    let levelVariance = 0;
    for (let r = 0; r < runs; r++) {
      const y = levels[r * frequencies + f]! - levelMean;
      levelVariance += (y * y) / (runs - 1);
      for (let i = 0; i < inputs; i++) rhs[i]! += centred[r * inputs + i]! * y;
    }
    const b = choleskySolve(factor, inputs, rhs);
    for (let i = 0; i < inputs; i++) explained[i]! += b[i]! * b[i]! * variance(i);
    total += levelVariance;
  }
  if (!(total > 0)) return { shares: Array.from(explained, () => 0), unexplained: 0 };
  const shares = Array.from(explained, (value) => value / total);
  const sum = shares.reduce((a, b) => a + b, 0);
  return { shares, unexplained: Math.max(0, 1 - sum) };
}

/** Lower-triangular L with L·Lᵀ = A (A's lower triangle read), or undefined if not positive definite. */
function cholesky(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j]!;
    }
  }
  return l;
}

function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
