/**
 * The moves of the EQ fit's search (fitParametricEq.ts): where to put filters on the error that is
 * left, which filter helps least, and which parameters a partial refinement may move. Each works on an
 * EqFitProblem's parameter vector and returns new vectors; none runs the optimiser itself.
 */
import { rangeOf } from "./eqConstraints.js";
import type { EqFitProblem } from "./eqFitProblem.js";
import { largestLobes, prominentPeaks } from "./errorLobes.js";

/** Half-width of the moving average the peak and lobe search smooths the error with, octaves. */
const LOBE_SMOOTHING_OCTAVES = 1 / 14;
/** Lobes tried for each relocation. */
const LOBE_CANDIDATES = 3;

/** A mask fixing every parameter except those of the slots `free` selects, and the level offset. */
export function onlyFree(problem: EqFitProblem, free: (k: number) => boolean): boolean[] {
  const fixed = new Array<boolean>(problem.parameterCount).fill(true);
  fixed[problem.offsetIndex] = false;
  problem.layout.forEach((at, k) => {
    if (!free(k)) return;
    for (const index of [at.logFc, at.logQ, at.gainDb]) if (index >= 0) fixed[index] = false;
  });
  return fixed;
}

/**
 * What another filter should add over the point band, dB: desired + c − eq, the point rows' residual
 * eq − desired − c with its sign turned (eqFitProblem.ts). The level offset c enters with its own
 * sign: with it turned (an earlier version), the error seen here was off by 2c — a measurement a few
 * dB away from its target's level looked like one lobe across the whole band, every relocation was
 * tried on it as a broad Q-0.18 filter of the level's size, and the hops found better basins only
 * by luck.
 */
export function remainingError(problem: EqFitProblem, x: Float64Array): Float64Array {
  const eq = problem.eqDb(x);
  const offset = x[problem.offsetIndex]!;
  const { desiredDb } = problem.data;
  return Float64Array.from(
    { length: problem.pointRows },
    (_, i) => desiredDb[i]! + offset - eq[i]!,
  );
}

/**
 * The free filters (gain 0 now) placed on the most prominent peaks and dips of the error, smoothed
 * over ±`smoothingOctaves` first (a wider window sees the broad features before the narrow ones).
 */
export function placeOnPeaks(
  problem: EqFitProblem,
  x: Float64Array,
  shapeFixed: readonly boolean[],
  smoothingOctaves: number = LOBE_SMOOTHING_OCTAVES,
): Float64Array {
  const trial = Float64Array.from(x);
  const rows = problem.pointRows;
  const { frequencyHz } = problem.data;
  const error = remainingError(problem, x);
  const free = problem.slots.map((_, k) => k).filter((k) => !shapeFixed[k]);
  const ranges = free.map((k) => rangeOf(problem.slots[k]!.fcHz));
  const peaks = prominentPeaks(frequencyHz.subarray(0, rows), error, {
    fcHz: {
      min: Math.min(...ranges.map((range) => range.min)),
      max: Math.max(...ranges.map((range) => range.max)),
    },
    smoothingOctaves,
    count: Infinity,
  });
  const used = new Set<number>();
  free.forEach((k, j) => {
    const range = ranges[j]!;
    const index = peaks.findIndex(
      (p, i) => !used.has(i) && p.fcHz >= range.min && p.fcHz <= range.max,
    );
    if (index < 0) return;
    used.add(index);
    problem.setFilter(trial, k, peaks[index]!);
  });
  return trial;
}

/** Filter `k` (its own gain 0 now) placed on each of the `count` largest lobes of the remaining error. */
export function lobePlacements(
  problem: EqFitProblem,
  x: Float64Array,
  k: number,
  count: number = LOBE_CANDIDATES,
): Float64Array[] {
  const rows = problem.pointRows;
  const { frequencyHz } = problem.data;
  const error = remainingError(problem, x);
  const lobes = largestLobes(frequencyHz.subarray(0, rows), error, {
    fcHz: rangeOf(problem.slots[k]!.fcHz),
    smoothingOctaves: LOBE_SMOOTHING_OCTAVES,
    count,
  });
  return lobes.map((lobe) => {
    const trial = Float64Array.from(x);
    problem.setFilter(trial, k, lobe);
    return trial;
  });
}

/** Free filters ordered by how little the loss rises when each is switched off (weakest first). */
export function rankByContribution(
  problem: EqFitProblem,
  x: Float64Array,
  free: readonly number[],
): number[] {
  const withAll = problem.cost(x);
  const rise = free.map((k) => {
    const without = Float64Array.from(x);
    problem.setFilter(without, k, { ...problem.filterAt(x, k), gainDb: 0 });
    return problem.cost(without) - withAll;
  });
  return free
    .map((k, i) => ({ k, rise: rise[i]! }))
    .sort((a, b) => a.rise - b.rise || a.k - b.k)
    .map(({ k }) => k);
}
