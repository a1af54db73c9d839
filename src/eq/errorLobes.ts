/**
 * Where a peaking filter would help most: the lobes of an error curve (runs between its zero
 * crossings), largest area first, each turned into the peaking filter that matches it — centred at
 * the lobe's extreme, with its height as gain and the Q whose bandwidth matches the lobe's width at
 * half its height. That is how the RBJ cookbook defines a peaking filter's bandwidth (between the
 * frequencies where the gain in dB is half the peak's), and bandwidth bw in octaves gives
 *
 *   Q = √(2^bw) / (2^bw − 1)
 *
 * (the cookbook's relation for analogue prototypes; the bilinear warping is ignored for a guess).
 * The error is first smoothed by a moving average so noise does not split lobes.
 */
import type { ValueRange } from "./eqConstraints.js";

export interface LobeFilter {
  readonly fcHz: number;
  readonly q: number;
  readonly gainDb: number;
  /** Σ |error| over the lobe's grid points, dB·points: the ranking. */
  readonly area: number;
}

export interface ErrorLobesOptions {
  /** Only lobes whose extreme lies in this range, Hz. */
  readonly fcHz: ValueRange;
  /** Half-width of the moving average, octaves (0: none). */
  readonly smoothingOctaves: number;
  /** How many lobes to return at most. */
  readonly count: number;
}

/** Q of a peaking filter whose half-gain bandwidth is `octaves` (module comment). */
export function qFromBandwidth(octaves: number): number {
  const ratio = 2 ** octaves;
  return Math.sqrt(ratio) / (ratio - 1);
}

/**
 * The largest lobes of `errorDb` (on the log-spaced grid `frequencyHz`), largest area first, each as
 * the peaking filter that reproduces it: added to an EQ whose remaining error is `errorDb`, it takes
 * that lobe away.
 */
export function largestLobes(
  frequencyHz: ArrayLike<number>,
  errorDb: ArrayLike<number>,
  options: ErrorLobesOptions,
): LobeFilter[] {
  const count = Math.min(frequencyHz.length, errorDb.length);
  if (count < 2) return [];
  const pointsPerOctave =
    (1 / Math.log2((frequencyHz[count - 1] as number) / (frequencyHz[0] as number))) * (count - 1);
  const error = movingAverage(
    errorDb,
    count,
    Math.round(options.smoothingOctaves * pointsPerOctave),
  );
  const lobes: LobeFilter[] = [];
  let start = 0;
  for (let i = 1; i <= count; i++) {
    if (i < count && Math.sign(error[i]!) === Math.sign(error[start]!)) continue;
    let area = 0;
    let peak = -1;
    for (let j = start; j < i; j++) {
      area += Math.abs(error[j]!);
      const f = frequencyHz[j] as number;
      const inside = f >= options.fcHz.min && f <= options.fcHz.max;
      if (inside && (peak < 0 || Math.abs(error[j]!) > Math.abs(error[peak]!))) peak = j;
    }
    if (peak >= 0 && error[peak] !== 0) lobes.push(lobeFilter(frequencyHz, error, peak, area));
    start = i;
  }
  return lobes.sort((a, b) => b.area - a.area || a.fcHz - b.fcHz).slice(0, options.count);
}

/**
 * The most prominent peaks and dips of `errorDb`, largest first by prominence × width (the size
 * AutoEq ranks peaks by), each as the peaking filter that reproduces it: centred at the extreme, its
 * prominence as gain (signed) and the Q whose bandwidth matches its width at half prominence.
 * Prominence is the topographic one (as in scipy.signal.peak_prominences): the height above the
 * higher of the two lowest points between the peak and the nearest higher point on either side.
 * Unlike lobes, peaks placed together do not each swallow their neighbours' share: a fit started
 * from all of them at once sorts the overlaps out.
 */
export function prominentPeaks(
  frequencyHz: ArrayLike<number>,
  errorDb: ArrayLike<number>,
  options: ErrorLobesOptions,
): LobeFilter[] {
  const count = Math.min(frequencyHz.length, errorDb.length);
  if (count < 3) return [];
  const step =
    Math.log2((frequencyHz[count - 1] as number) / (frequencyHz[0] as number)) / (count - 1);
  const smoothed = movingAverage(errorDb, count, Math.round(options.smoothingOctaves / step));
  const found: (LobeFilter & { size: number })[] = [];
  for (const sign of [1, -1]) {
    const y = Float64Array.from(smoothed, (v) => sign * v);
    for (let i = 1; i + 1 < count; i++) {
      if (!(y[i]! > y[i - 1]! && y[i]! >= y[i + 1]!)) continue;
      const f = frequencyHz[i] as number;
      if (f < options.fcHz.min || f > options.fcHz.max) continue;
      let left = i;
      let leftMin = y[i]!;
      while (left > 0 && y[left - 1]! <= y[i]!) leftMin = Math.min(leftMin, y[--left]!);
      let right = i;
      let rightMin = y[i]!;
      while (right + 1 < count && y[right + 1]! <= y[i]!)
        rightMin = Math.min(rightMin, y[++right]!);
      const prominence = y[i]! - Math.max(leftMin, rightMin);
      if (!(prominence > 0)) continue;
      const half = y[i]! - prominence / 2;
      let low = i;
      let high = i;
      while (low > left && y[low - 1]! >= half) low--;
      while (high < right && y[high + 1]! >= half) high++;
      const octaves = (high - low + 1) * step;
      found.push({
        fcHz: f,
        q: qFromBandwidth(octaves),
        gainDb: sign * prominence,
        area: prominence * (high - low + 1),
        size: prominence * octaves,
      });
    }
  }
  return found
    .sort((a, b) => b.size - a.size || a.fcHz - b.fcHz)
    .slice(0, options.count)
    .map(({ fcHz, q, gainDb, area }) => ({ fcHz, q, gainDb, area }));
}

function lobeFilter(
  frequencyHz: ArrayLike<number>,
  error: Float64Array,
  peak: number,
  area: number,
): LobeFilter {
  const height = error[peak]!;
  const aboveHalf = (i: number) =>
    i >= 0 &&
    i < error.length &&
    Math.sign(error[i]!) === Math.sign(height) &&
    Math.abs(error[i]!) >= Math.abs(height) / 2;
  let low = peak;
  let high = peak;
  while (aboveHalf(low - 1)) low--;
  while (aboveHalf(high + 1)) high++;
  // Half a grid step beyond each end: the half-height crossing lies between two points.
  const step = Math.log2((frequencyHz[1] as number) / (frequencyHz[0] as number));
  const octaves = Math.log2((frequencyHz[high] as number) / (frequencyHz[low] as number)) + step;
  return { fcHz: frequencyHz[peak] as number, q: qFromBandwidth(octaves), gainDb: height, area };
}

function movingAverage(values: ArrayLike<number>, count: number, halfWidth: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const from = Math.max(0, i - halfWidth);
    const to = Math.min(count - 1, i + halfWidth);
    let sum = 0;
    for (let j = from; j <= to; j++) sum += values[j] as number;
    out[i] = sum / (to - from + 1);
  }
  return out;
}
