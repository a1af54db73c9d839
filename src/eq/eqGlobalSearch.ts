/**
 * The EQ fit's search for a basin (fitParametricEq.ts stages 1, 2 and 4), on the search grid: three
 * structured starts, relocation hops from the best of them, then pruning. Deterministic: the same
 * problem gives the same answer (no clock, no randomness).
 *
 * Why three starts: from one start the fit's answer depended on details that should not matter (on
 * the Moondrop Chu, a grid one point coarser or derivatives rounded differently moved the residual
 * from 0.47× to 0.70× AutoEq's: a narrow cut near 8 kHz found or missed). The starts see the error
 * differently — its prominent peaks and dips after a narrow (±1/14 octave) and a wide (±1/5 octave)
 * moving average, and filters placed one at a time on the largest lobe of what the previous ones
 * left (AutoEq's way) — and each is refined; the lowest loss of the three is kept.
 */
import type { LevenbergMarquardtResult } from "./boundedLevenbergMarquardt.js";
import type { EqFitProblem } from "./eqFitProblem.js";
import { lobePlacements, onlyFree, placeOnPeaks, rankByContribution } from "./eqSearch.js";

/**
 * Local-stage budgets: a full refinement, one that ranks the starts, and a quick one (a relocation's
 * trials, a filter placed alone, a removal).
 */
export interface SearchBudgets {
  readonly search: { maxIterations: number; relativeTolerance: number };
  readonly rank: { maxIterations: number; relativeTolerance: number };
  readonly quick: { maxIterations: number; relativeTolerance: number };
}

/** Runs one local refinement (bounded Levenberg–Marquardt), counting it. */
export type Refine = (
  problem: EqFitProblem,
  start: Float64Array,
  budget: { maxIterations: number; relativeTolerance: number },
  fixed?: boolean[],
) => LevenbergMarquardtResult;

export interface GlobalSearchOptions {
  /** Relocation hops at most. */
  readonly hops: number;
  /** Drop a filter whose removal (the rest refined) raises the loss by less than this fraction. */
  readonly pruneBelow: number;
}

/** Half-widths of the moving averages the peak starts smooth the error with, octaves. */
const PEAK_START_SMOOTHING_OCTAVES = [1 / 14, 1 / 5] as const;
/** A relocation is kept when it lowers the loss by more than this fraction. */
const HOP_IMPROVEMENT = 1e-3;
/**
 * Pruning refines a filter's removal only when removing it outright (nothing refined) raises the
 * loss by less than this fraction: a filter that carries more is not undone by a quick refinement of
 * the others, and refining every removal was a third of a fit's time for nothing dropped.
 */
const PRUNE_SCREEN = 0.05;

/**
 * The best basin found from `start` (shape-fixed filters fitted, free filters at gain 0), refined on
 * `problem` (the search grid).
 */
export function searchBasins(
  problem: EqFitProblem,
  start: Float64Array,
  shapeFixed: readonly boolean[],
  refine: Refine,
  budgets: SearchBudgets,
  options: GlobalSearchOptions,
): LevenbergMarquardtResult {
  const free = problem.slots.map((_, k) => k).filter((k) => !shapeFixed[k]);
  const starts = PEAK_START_SMOOTHING_OCTAVES.map((octaves) =>
    placeOnPeaks(problem, start, shapeFixed, octaves),
  );
  starts.push(placeOneByOne(problem, start, free, refine, budgets));
  // Each start refined as far as ranking needs; the best one in full.
  let best: LevenbergMarquardtResult | undefined;
  for (const x of starts) {
    const result = refine(problem, x, budgets.rank);
    if (best === undefined || result.cost < best.cost) best = result;
  }
  best = refine(problem, best!.x, budgets.search);
  best = relocate(problem, best, free, refine, budgets, options.hops);
  return options.pruneBelow > 0
    ? prune(problem, best, free, refine, budgets, options.pruneBelow)
    : best;
}

/** Each free filter in turn on the largest lobe of the error the previous ones left, refined alone. */
function placeOneByOne(
  problem: EqFitProblem,
  start: Float64Array,
  free: readonly number[],
  refine: Refine,
  budgets: SearchBudgets,
): Float64Array {
  let x: Float64Array = Float64Array.from(start);
  for (const k of free) {
    const [placed] = lobePlacements(problem, x, k, 1);
    if (placed === undefined) break;
    x = refine(
      problem,
      placed,
      budgets.quick,
      onlyFree(problem, (j) => j === k),
    ).x;
  }
  return x;
}

/**
 * Relocation hops: the filter that contributes least is taken out and tried on each of the largest
 * lobes of the error left without it, the others free to make room for it (a quick refinement each;
 * refining only that filter ranked the lobes by how well it alone fits there, which keeps a filter
 * where the others had arranged themselves around it); the best place is refined in full and kept if
 * the loss drops. Then the next weakest, until no filter's move helps or the hops are spent.
 */
function relocate(
  problem: EqFitProblem,
  from: LevenbergMarquardtResult,
  free: readonly number[],
  refine: Refine,
  budgets: SearchBudgets,
  hops: number,
): LevenbergMarquardtResult {
  let best = from;
  let untried = 0;
  for (let hop = 0; hop < hops && untried < free.length; hop++) {
    const trial = Float64Array.from(best.x);
    const k = rankByContribution(problem, trial, free)[untried]!;
    problem.setFilter(trial, k, { ...problem.filterAt(trial, k), gainDb: 0 });
    let place: LevenbergMarquardtResult | undefined;
    for (const candidate of lobePlacements(problem, trial, k)) {
      const result = refine(problem, candidate, budgets.quick);
      if (place === undefined || result.cost < place.cost) place = result;
    }
    const moved = place === undefined ? undefined : refine(problem, place.x, budgets.search);
    if (moved !== undefined && moved.cost < best.cost * (1 - HOP_IMPROVEMENT)) {
      best = moved;
      untried = 0;
    } else {
      untried++;
    }
  }
  return best;
}

/**
 * A filter whose removal (with the rest refined) costs less than `below` of the loss is dropped, its
 * gain set to 0 — it was effort without effect, usually half of a cancelling pair.
 */
function prune(
  problem: EqFitProblem,
  from: LevenbergMarquardtResult,
  free: readonly number[],
  refine: Refine,
  budgets: SearchBudgets,
  below: number,
): LevenbergMarquardtResult {
  let best = from;
  for (const k of rankByContribution(problem, best.x, free)) {
    const without = Float64Array.from(best.x);
    problem.setFilter(without, k, { ...problem.filterAt(best.x, k), gainDb: 0 });
    // Weakest first: once a removal costs too much outright, the stronger ones do too.
    if (problem.cost(without) > best.cost * (1 + PRUNE_SCREEN)) break;
    const trial = refine(
      problem,
      without,
      budgets.quick,
      onlyFree(problem, (j) => j !== k),
    );
    if (trial.cost < best.cost * (1 + below)) best = trial;
  }
  return best;
}
