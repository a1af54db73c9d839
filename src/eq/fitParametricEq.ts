/**
 * Fits a parametric EQ (RBJ biquads) that brings a measurement to a target, within a device's
 * constraints (eqConstraints.ts). The loss is eqFitProblem.ts's: the error point by point from 20 Hz
 * to 10 kHz and only its average level above, level-matched, with the summed EQ kept under the
 * maximum boost and each boosting peaking filter no steeper than 18 dB/octave, plus light
 * tie-breakers.
 *
 * Three stages, all deterministic (the same input gives the same filters; no clock, no unseeded
 * randomness):
 *  1. Initial guess. Fixed-shape filters (shelves, graphic-EQ bands) get their gains by least squares;
 *     then every free filter is put at once on the most prominent peaks and dips of the remaining
 *     error (errorLobes.ts: centre, prominence as gain, Q from the width at half prominence).
 *  2. Global stage: relocation hops. The filter that contributes least is taken out and tried on each
 *     of the largest lobes of the error left without it (with only that filter free, which is cheap),
 *     the best place is refined in full, and the move is kept if the loss drops; then the next
 *     weakest, until no filter's move helps or the hop budget is spent. Stages 1–2 run on every other
 *     grid point (1/35 octave: still several points across the narrowest, Q 6, filter).
 *  3. Local stage: bounded Levenberg–Marquardt over every parameter on the whole grid
 *     (boundedLevenbergMarquardt.ts).
 * Finally the filters are rounded to what EQ software takes (fc to 1 Hz, or 0.1 Hz below 100 Hz; Q to
 * 0.01; gain to 0.1 dB), and every reported figure is computed from the rounded filters.
 */
import type { Curve } from "../core/curve.js";
import { DEFAULT_SAMPLE_RATE_HZ, type Biquad } from "./biquad.js";
import {
  type LevenbergMarquardtResult,
  boundedLevenbergMarquardt,
} from "./boundedLevenbergMarquardt.js";
import {
  type EqConstraints,
  type ValueRange,
  checkConstraints,
  parametricConstraints,
  rangeOf,
} from "./eqConstraints.js";
import { EqFitProblem } from "./eqFitProblem.js";
import { type EqResidual, levelMatchedResidual } from "./eqResidual.js";
import { chainResponseDbOnGrid, unitCircleGrid } from "./eqResponse.js";
import { largestLobes, prominentPeaks } from "./errorLobes.js";
import { EQ_POINT_BAND_TO_HZ, curvesOnFitGrid } from "./fitGrid.js";

export interface FitParametricEqOptions {
  /** Filter slots and maximum boost; AutoEq's default 10 filters and +6 dB when not given. */
  readonly constraints?: EqConstraints;
  /** The sample rate the filters are designed at, Hz. */
  readonly sampleRateHz?: number;
  /** The steepest slope a boosting peaking filter may have, dB/octave (AutoEq's DEFAULT_MAX_SLOPE). */
  readonly maxSlopeDbPerOctave?: number;
  /** Relocation hops in the global stage at most (0: initial guess and local stage only). */
  readonly globalHops?: number;
  /**
   * Weight of the tie-breakers (small gains, unchanged loudness; eqFitProblem.ts) in the final local
   * stage, per dB (the search always uses 0.01: they keep it out of basins where broad filters of
   * large opposite gains trade places with the level match). 0 makes the final answer fit the error
   * alone, so a curve made of the same kind of filters is recovered exactly.
   */
  readonly tieBreakWeight?: number;
}

export const FIT_PARAMETRIC_EQ_DEFAULTS: Required<Omit<FitParametricEqOptions, "constraints">> = {
  sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
  maxSlopeDbPerOctave: 18,
  globalHops: 16,
  tieBreakWeight: 0.01,
};

export interface ParametricEqFit {
  /** The filters, rounded as EQ software takes them, in slot order. */
  readonly filters: Biquad[];
  /** −(maximum of the summed EQ on the fit grid), dB: the preamp that prevents clipping. */
  readonly preampDb: number;
  /** The maximum of the summed EQ on the fit grid, dB (≤ the constraints' maxBoostDb). */
  readonly maxBoostDb: number;
  readonly sampleRateHz: number;
  /** Level-matched residual 20 Hz–10 kHz before and after EQ. */
  readonly before: EqResidual;
  readonly after: EqResidual;
  /** The curves on the fit grid (eqFitGrid), for plots and CSV, dB. */
  readonly frequencyHz: number[];
  readonly measurementDb: number[];
  readonly targetDb: number[];
  readonly eqDb: number[];
  /** Local-stage runs the fit took (a measure of work, not of time). */
  readonly localSolves: number;
}

/** Penalty weights (eqFitProblem.ts); the boost limit is tightened by a margin for rounding. */
const BOOST_WEIGHT = 30;
const SHARPNESS_WEIGHT = 10;
const BOOST_MARGIN_DB = 0.02;
/** The tie-breakers' weight during the search, whatever the final stage uses (see the options). */
const SEARCH_TIE_BREAK = 0.01;
/**
 * In the point band the desired EQ is clipped at level + this × maxBoost (clippedBoosts): the fit may
 * sink the EQ by up to maxBoost below its level to reach a relative boost of twice the limit.
 */
const POINT_BAND_HEADROOM_FACTOR = 2;
/** Half-width of the moving average the peak and lobe search smooths the error with, octaves. */
const LOBE_SMOOTHING_OCTAVES = 1 / 14;
/** Lobes tried for each relocation. */
const LOBE_CANDIDATES = 3;
/** A relocation is kept when it lowers the loss by more than this fraction. */
const HOP_IMPROVEMENT = 1e-3;
/** The search's grid takes every this many points of the fit grid. */
const SEARCH_DECIMATION = 2;
/** Local-stage budgets: loose during the search (it only ranks basins), tight for the final one. */
const SEARCH = { maxIterations: 40, relativeTolerance: 1e-4 } as const;
const QUICK = { maxIterations: 15, relativeTolerance: 1e-3 } as const;
const FINAL = { maxIterations: 100, relativeTolerance: 1e-7 } as const;

/**
 * Fits the EQ that brings `measurement` to `target` (both dB responses covering 20 Hz–10 kHz).
 *
 * @throws TympanError for curves that cannot be fitted or invalid constraints.
 */
export function fitParametricEq(
  measurement: Curve,
  target: Curve,
  options: FitParametricEqOptions = {},
): ParametricEqFit {
  const { sampleRateHz, maxSlopeDbPerOctave, globalHops, tieBreakWeight } = {
    ...FIT_PARAMETRIC_EQ_DEFAULTS,
    ...options,
  };
  const constraints = options.constraints ?? parametricConstraints();
  checkConstraints(constraints, sampleRateHz);
  const { frequencyHz, measurementDb, targetDb } = curvesOnFitGrid(measurement, target);
  const desiredDb = clippedBoosts(
    Float64Array.from(targetDb, (t, i) => t - measurementDb[i]!),
    frequencyHz,
    constraints.maxBoostDb,
  );
  const weights = {
    sampleRateHz,
    pointBandToHz: EQ_POINT_BAND_TO_HZ,
    maxBoostDb: constraints.maxBoostDb - BOOST_MARGIN_DB,
    maxSlopeDbPerOctave,
    boostWeight: BOOST_WEIGHT,
    sharpnessWeight: SHARPNESS_WEIGHT,
    gainWeight: SEARCH_TIE_BREAK,
    loudnessWeight: SEARCH_TIE_BREAK,
  };
  const decimated = (values: Float64Array) => values.filter((_, i) => i % SEARCH_DECIMATION === 0);
  const coarse = new EqFitProblem(
    constraints.slots,
    { frequencyHz: decimated(frequencyHz), desiredDb: decimated(desiredDb) },
    weights,
  );
  const fineProblem = (boostWeight: number) =>
    new EqFitProblem(
      constraints.slots,
      { frequencyHz, desiredDb },
      { ...weights, boostWeight, gainWeight: tieBreakWeight, loudnessWeight: tieBreakWeight },
    );
  let fine = fineProblem(BOOST_WEIGHT);
  let localSolves = 0;
  const refine = (
    problem: EqFitProblem,
    start: Float64Array,
    budget: { maxIterations: number; relativeTolerance: number },
    fixed?: boolean[],
  ) => {
    localSolves++;
    return boundedLevenbergMarquardt(problem, start, fixed ? { ...budget, fixed } : budget);
  };

  // 1. Initial guess.
  const shapeFixed = constraints.slots.map(
    (slot) => typeof slot.fcHz === "number" && typeof slot.q === "number",
  );
  let start: Float64Array = new Float64Array(coarse.parameterCount);
  constraints.slots.forEach((slot, k) => {
    const fc = rangeOf(slot.fcHz);
    const q = rangeOf(slot.q);
    coarse.setFilter(start, k, {
      fcHz: Math.sqrt(fc.min * fc.max),
      q: Math.min(q.max, Math.max(q.min, 1)),
      gainDb: Math.min(slot.gainDb.max, Math.max(slot.gainDb.min, 0)),
    });
  });
  start[coarse.offsetIndex] = mean(desiredDb.subarray(0, fine.pointRows));
  if (shapeFixed.some(Boolean)) {
    start = refine(
      coarse,
      start,
      SEARCH,
      onlyFree(coarse, (k) => shapeFixed[k]!),
    ).x;
  }
  const free = constraints.slots.map((_, k) => k).filter((k) => !shapeFixed[k]);
  /** Filter k on each of the largest lobes, with only it (and the fixed shapes, the level) free. */
  const bestPlacement = (x: Float64Array, k: number) => {
    const onlyK = onlyFree(coarse, (j) => j === k || shapeFixed[j]!);
    let place: LevenbergMarquardtResult | undefined;
    for (const candidate of lobePlacements(coarse, x, k)) {
      const result = refine(coarse, candidate, QUICK, onlyK);
      if (place === undefined || result.cost < place.cost) place = result;
    }
    return place?.x ?? x;
  };
  // Every free filter at once on the most prominent peaks and dips of the error.
  let best = refine(coarse, placeOnPeaks(coarse, start, shapeFixed), SEARCH);

  // 2. Global stage: relocation hops.
  let untried = 0;
  for (let hop = 0; hop < globalHops && untried < free.length; hop++) {
    const trial = Float64Array.from(best.x);
    const k = rankByContribution(coarse, trial, free)[untried]!;
    coarse.setFilter(trial, k, { ...coarse.filterAt(trial, k), gainDb: 0 });
    const moved = refine(coarse, bestPlacement(trial, k), SEARCH);
    if (moved.cost < best.cost * (1 - HOP_IMPROVEMENT)) {
      best = moved;
      untried = 0;
    } else {
      untried++;
    }
  }

  // 3. Local stage on the whole grid. The boost limit is a penalty, so a fit that still pokes above
  // it is refined again with the penalty ten times as heavy (a penalty method's usual escalation).
  let final = refine(fine, best.x, FINAL);
  for (let boostWeight = BOOST_WEIGHT * 10; boostWeight <= BOOST_WEIGHT * 1e4; boostWeight *= 10) {
    if (Math.max(...fine.eqDb(final.x)) <= constraints.maxBoostDb - BOOST_MARGIN_DB / 2) break;
    fine = fineProblem(boostWeight);
    final = refine(fine, final.x, FINAL);
  }
  const filters = roundWithinLimits(
    fine.filtersAt(final.x),
    constraints,
    frequencyHz,
    sampleRateHz,
  );
  const eq = chainResponseDbOnGrid(filters, unitCircleGrid(frequencyHz, sampleRateHz));
  const maxBoostDb = Math.max(...eq);
  const errorBefore = Float64Array.from(measurementDb, (m, i) => m - targetDb[i]!);
  const errorAfter = Float64Array.from(errorBefore, (e, i) => e + eq[i]!);
  return {
    filters,
    preampDb: -maxBoostDb,
    maxBoostDb,
    sampleRateHz,
    before: levelMatchedResidual(frequencyHz, errorBefore, 20, EQ_POINT_BAND_TO_HZ),
    after: levelMatchedResidual(frequencyHz, errorAfter, 20, EQ_POINT_BAND_TO_HZ),
    frequencyHz: Array.from(frequencyHz),
    measurementDb: Array.from(measurementDb),
    targetDb: Array.from(targetDb),
    eqDb: Array.from(eq),
    localSolves,
  };
}

/** A mask fixing every parameter except those of the slots `free` selects, and the level offset. */
function onlyFree(problem: EqFitProblem, free: (k: number) => boolean): boolean[] {
  const fixed = new Array<boolean>(problem.parameterCount).fill(true);
  fixed[problem.offsetIndex] = false;
  problem.layout.forEach((at, k) => {
    if (!free(k)) return;
    for (const index of [at.logFc, at.logQ, at.gainDb]) if (index >= 0) fixed[index] = false;
  });
  return fixed;
}

/** The free filters (gain 0 now) placed on the most prominent peaks and dips of the error. */
function placeOnPeaks(
  problem: EqFitProblem,
  x: Float64Array,
  shapeFixed: readonly boolean[],
): Float64Array {
  const trial = Float64Array.from(x);
  const rows = problem.pointRows;
  const eq = problem.eqDb(x);
  const offset = x[problem.offsetIndex]!;
  const { frequencyHz, desiredDb } = problem.data;
  const error = Float64Array.from({ length: rows }, (_, i) => desiredDb[i]! - eq[i]! - offset);
  const free = problem.slots.map((_, k) => k).filter((k) => !shapeFixed[k]);
  const ranges = free.map((k) => rangeOf(problem.slots[k]!.fcHz));
  const peaks = prominentPeaks(frequencyHz.subarray(0, rows), error, {
    fcHz: {
      min: Math.min(...ranges.map((range) => range.min)),
      max: Math.max(...ranges.map((range) => range.max)),
    },
    smoothingOctaves: LOBE_SMOOTHING_OCTAVES,
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

/** Filter `k` (its own gain 0 now) placed on each of the largest lobes of the remaining error. */
function lobePlacements(problem: EqFitProblem, x: Float64Array, k: number): Float64Array[] {
  const eq = problem.eqDb(x);
  const offset = x[problem.offsetIndex]!;
  const rows = problem.pointRows;
  const { frequencyHz, desiredDb } = problem.data;
  const error = Float64Array.from({ length: rows }, (_, i) => desiredDb[i]! - eq[i]! - offset);
  const lobes = largestLobes(frequencyHz.subarray(0, rows), error, {
    fcHz: rangeOf(problem.slots[k]!.fcHz),
    smoothingOctaves: LOBE_SMOOTHING_OCTAVES,
    count: LOBE_CANDIDATES,
  });
  return lobes.map((lobe) => {
    const trial = Float64Array.from(x);
    problem.setFilter(trial, k, lobe);
    return trial;
  });
}

/** Free filters ordered by how little the loss rises when each is switched off (weakest first). */
function rankByContribution(
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

/**
 * Rounds fc (1 Hz, 0.1 Hz below 100 Hz), Q (0.01) and gain (0.1 dB) within each slot's ranges. If
 * rounding lifts the summed EQ above the maximum boost, the boosting filter that contributes most at
 * the peak gives up 0.1 dB, until the peak is within the limit.
 */
function roundWithinLimits(
  filters: readonly Biquad[],
  constraints: EqConstraints,
  frequencyHz: Float64Array,
  sampleRateHz: number,
): Biquad[] {
  const grid = unitCircleGrid(frequencyHz, sampleRateHz);
  const rounded = filters.map((filter, k) => {
    const slot = constraints.slots[k]!;
    return {
      type: filter.type,
      fcHz: roundInRange(filter.fcHz, filter.fcHz < 100 ? 0.1 : 1, rangeOf(slot.fcHz)),
      q: roundInRange(filter.q, 0.01, rangeOf(slot.q)),
      gainDb: roundInRange(filter.gainDb, 0.1, slot.gainDb),
    };
  });
  for (let step = 0; step < 1000; step++) {
    const eq = chainResponseDbOnGrid(rounded, grid);
    const peak = eq.indexOf(Math.max(...eq));
    if (eq[peak]! <= constraints.maxBoostDb) break;
    const at = [frequencyHz[peak]!];
    const contributions = rounded.map((filter, k) =>
      filter.gainDb - 0.1 >= constraints.slots[k]!.gainDb.min
        ? chainResponseDbOnGrid([filter], unitCircleGrid(at, sampleRateHz))[0]!
        : -Infinity,
    );
    const k = contributions.indexOf(Math.max(...contributions));
    if (!(contributions[k]! > 0)) break;
    rounded[k] = { ...rounded[k]!, gainDb: Number((rounded[k]!.gainDb - 0.1).toFixed(1)) };
  }
  return rounded;
}

/** `value` rounded to a multiple of `step`, moved one step inwards if that leaves `range`. */
function roundInRange(value: number, step: number, range: ValueRange): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const fix = (v: number) => Number(v.toFixed(decimals));
  let rounded = fix(Math.round(value / step) * step);
  if (rounded < range.min) rounded = fix(Math.ceil(range.min / step - 1e-9) * step);
  if (rounded > range.max) rounded = fix(Math.floor(range.max / step + 1e-9) * step);
  // A range narrower than one step: keep the exact bound.
  return rounded < range.min || rounded > range.max
    ? Math.min(range.max, Math.max(range.min, value))
    : rounded;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return values.length > 0 ? sum / values.length : 0;
}

/**
 * The EQ the fit aims at, with boosts beyond what the limit allows clipped (as AutoEq clips its EQ
 * target). The level an EQ of peaks and shelves leaves alone is the desired EQ's mean over the point
 * band (20 Hz–10 kHz), and the residual is level-matched, so the fit may sink the whole EQ below that
 * level to make room under the absolute boost limit for a relative boost — at the cost of loudness,
 * which the listener pays for in volume. The clip bounds that trade:
 *  - in the point band, anything more than 2·maxBoost above the level is cut to that: the EQ may
 *    sit at most maxBoost lower to reach a peak up to 2·maxBoost above its level. A clip at
 *    level + maxBoost here gave up a broad presence dip that needs ~8 dB of relative boost (the
 *    Sennheiser IE 800 toward AutoEq's target: 0.67 dB RMS instead of 0.10 dB; AutoEq's own 0.50);
 *  - above the point band only the average level counts, and there anything more than maxBoost
 *    above the level is cut: a treble roll-off (a BA toward a planar) would otherwise have the fit
 *    pull the whole EQ down by tens of dB for a region that is not even fitted point by point.
 */
function clippedBoosts(desiredDb: Float64Array, frequencyHz: Float64Array, maxBoostDb: number) {
  const points = frequencyHz.findIndex((hz) => hz > EQ_POINT_BAND_TO_HZ);
  const count = points < 0 ? desiredDb.length : points;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += desiredDb[i]!;
  const level = sum / count;
  return desiredDb.map((value, i) =>
    Math.min(value, level + (i < count ? POINT_BAND_HEADROOM_FACTOR : 1) * maxBoostDb),
  );
}
