/**
 * Fits a parametric EQ (RBJ biquads) that brings a measurement to a target, within a device's
 * constraints (eqConstraints.ts). The loss is eqFitProblem.ts's: the error point by point from 20 Hz
 * to 10 kHz, weighted by how far the curve deserves trust (desiredEq.ts: a measurement fully up to
 * 6 kHz, 0.6 at 10 kHz; a simulated design fully up to 10 kHz, where its ear model holds), and only
 * its average level above, level-matched; the summed EQ kept under the maximum boost, and above
 * 10 kHz under 0 dB (the treble is cut to its average level, never chased with boosts); each
 * boosting peaking filter no steeper than 18 dB/octave; and the costs that make a preset natural:
 * filters that undo each other (the cancellation rows), boosts above the EQ's own level (the
 * headroom rows: what the preamp takes back from the listener's volume) and an EQ whose level
 * drifts from 0 dB (the loudness row: a preset does not sink the whole curve to avoid a preamp).
 *
 * Four stages, all deterministic (the same input gives the same filters; no clock, no unseeded
 * randomness):
 *  1. Starts (eqGlobalSearch.ts). Fixed-shape filters (shelves, graphic-EQ bands) get their gains by
 *     least squares; then three structured starts place the free filters — on the most prominent
 *     peaks and dips of the error smoothed over ±1/14 and over ±1/5 octave, and one at a time on the
 *     largest lobe of what the previous ones left — each is refined, and the lowest loss is kept.
 *  2. Global stage: relocation hops. The filter that contributes least is taken out and tried on each
 *     of the largest lobes of the error left without it, the best place is refined in full, and the
 *     move is kept if the loss drops. Stages 1, 2 and 4 run on every fifth grid point (1/14 octave:
 *     three to four points across the narrowest, Q 6, filter; enough to rank basins, and on the
 *     three AutoEq results the basins it ranks first end as well as or better than every sixth's).
 *  3. Local stage: bounded Levenberg–Marquardt over every parameter on the whole grid
 *     (boundedLevenbergMarquardt.ts).
 *  4. Pruning: a filter whose removal (with the rest refined) costs less than 0.3 % of the loss
 *     is dropped, its gain set to 0 — it was effort without effect, usually half of a cancelling pair.
 * Finally the filters are rounded to what EQ software takes (fc to 1 Hz, or 0.1 Hz below 100 Hz; Q to
 * 0.01; gain to 0.1 dB), and every reported figure is computed from the rounded filters.
 */
import type { Curve } from "../core/curve.js";
import {
  DEFAULT_SAMPLE_RATE_HZ,
  type Biquad,
  chainResponseDbOnGrid,
  unitCircleGrid,
} from "./biquad.js";
import { boundedLevenbergMarquardt } from "./boundedLevenbergMarquardt.js";
import { clippedBoosts, measurementWeights } from "./desiredEq.js";
import {
  type EqConstraints,
  checkConstraints,
  parametricConstraints,
  rangeOf,
} from "./eqConstraints.js";
import { EqFitProblem } from "./eqFitProblem.js";
import { type EqResidual, levelMatchedResidual } from "./eqResidual.js";
import { type SearchBudgets, searchBasins } from "./eqGlobalSearch.js";
import { onlyFree } from "./eqSearch.js";
import { EQ_POINT_BAND_TO_HZ, curvesOnFitGrid } from "./fitGrid.js";
import { roundWithinLimits } from "./roundFilters.js";

export interface FitParametricEqOptions {
  /** Filter slots and maximum boost; AutoEq's default 10 filters and +6 dB when not given. */
  readonly constraints?: EqConstraints;
  /** The sample rate the filters are designed at, Hz. */
  readonly sampleRateHz?: number;
  /** The steepest slope a boosting peaking filter may have, dB/octave (AutoEq's DEFAULT_MAX_SLOPE). */
  readonly maxSlopeDbPerOctave?: number;
  /** Relocation hops in the global stage at most (0: the best of the starts goes straight to the local stage). */
  readonly globalHops?: number;
  /**
   * Weight of the tie-breakers (small gains, unchanged loudness; eqFitProblem.ts) in the final local
   * stage, per dB (the search always uses 0.01: they keep it out of basins where broad filters of
   * large opposite gains trade places with the level match). 0 makes the final answer fit the error
   * alone, so a curve made of the same kind of filters is recovered exactly.
   */
  readonly tieBreakWeight?: number;
  /**
   * Weight of the cancellation rows, per dB of one filter undone by another at a grid point
   * (eqFitProblem.ts). 0 lets filters fight each other for the last hundredths of a dB.
   */
  readonly cancelWeight?: number;
  /**
   * Weight of the headroom rows, per dB of the summed EQ above its own level (its mean over
   * 20 Hz–10 kHz) at a grid point: the boosts the preamp takes back from the listener's volume.
   */
  readonly headroomWeight?: number;
  /**
   * Weight of the loudness row, per dB of the EQ's level (its mean over 20 Hz–10 kHz) away from 0 dB,
   * at least the tie-breakers' weight: keeps presets from sinking the whole curve (or lifting it).
   */
  readonly levelWeight?: number;
  /** The summed EQ's limit above 10 kHz, dB (capped by the constraints' maxBoostDb). */
  readonly trebleMaxBoostDb?: number;
  /**
   * What the curve is: a coupler "measurement" (the default), whose 6–10 kHz band depends on the
   * seating and is weighed less (trebleWeight), or a "simulation" of a design, whose ear model holds
   * to 10 kHz and is weighed fully up to there. Above 10 kHz both count only by their average level.
   */
  readonly source?: "measurement" | "simulation";
  /**
   * The weight of a measurement's error at 10 kHz, falling from 1 at 6 kHz (desiredEq.ts
   * measurementWeights); a simulation's is 1 whatever this says. 0.6: at 0.3 (an earlier default) no
   * search brought the AKG N400 below 0.53× AutoEq's residual, which is judged unweighted to 10 kHz
   * (its error left at 9–10 kHz dominated); 0.6 reaches 0.43× with every other bar of issue 15 met on
   * the three AutoEq results, while 1 (no discount) lifts the Blessing 2's treble above its bar.
   */
  readonly trebleWeight?: number;
  /** Stages 1, 2 and 4 (the search) use every this many points of the fit grid. */
  readonly searchDecimation?: number;
  /** Drop filters whose removal raises the loss by less than this fraction (0: keep every one). */
  readonly pruneBelow?: number;
}

/**
 * Defaults of fitParametricEq, the natural-preset weights: cancellation, headroom and level costs,
 * the treble weighting of a measurement, and treble never boosted.
 */
export const FIT_PARAMETRIC_EQ_DEFAULTS: Required<Omit<FitParametricEqOptions, "constraints">> = {
  sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
  source: "measurement",
  maxSlopeDbPerOctave: 18,
  globalHops: 2,
  tieBreakWeight: 0.01,
  cancelWeight: 0.3,
  headroomWeight: 0.05,
  levelWeight: 0.15,
  trebleMaxBoostDb: 0,
  trebleWeight: 0.6,
  searchDecimation: 5,
  pruneBelow: 3e-3,
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
  /** The weight the error had at 10 kHz (1 from 20 Hz to 6 kHz; 1 throughout for a simulation). */
  readonly weightAt10kHz: number;
}

/** Penalty weights (eqFitProblem.ts); the boost limit is tightened by a margin for rounding. */
const BOOST_WEIGHT = 30;
const SHARPNESS_WEIGHT = 10;
const BOOST_MARGIN_DB = 0.02;
/** The tie-breakers' weight during the search, whatever the final stage uses (see the options). */
const SEARCH_TIE_BREAK = 0.01;
/**
 * Local-stage budgets: loose during the search (it only ranks basins: 10 iterations rank the starts,
 * 8 a relocation's trials, as well as 40 and 15 did on the three AutoEq results), tighter for the
 * final one (a step that gains less than 1e-4 of the loss moves the residual by well under 0.01 dB).
 */
const BUDGETS: SearchBudgets = {
  search: { maxIterations: 40, relativeTolerance: 1e-4 },
  rank: { maxIterations: 10, relativeTolerance: 1e-3 },
  quick: { maxIterations: 8, relativeTolerance: 1e-3 },
};
const FINAL = { maxIterations: 30, relativeTolerance: 1e-4 } as const;

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
  const settings = { ...FIT_PARAMETRIC_EQ_DEFAULTS, ...options };
  const { sampleRateHz, maxSlopeDbPerOctave, globalHops, tieBreakWeight } = settings;
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
    trebleMaxBoostDb: Math.min(constraints.maxBoostDb, settings.trebleMaxBoostDb) - BOOST_MARGIN_DB,
    maxSlopeDbPerOctave,
    boostWeight: BOOST_WEIGHT,
    sharpnessWeight: SHARPNESS_WEIGHT,
    gainWeight: SEARCH_TIE_BREAK,
    loudnessWeight: Math.max(SEARCH_TIE_BREAK, settings.levelWeight),
    cancelWeight: settings.cancelWeight,
    headroomWeight: settings.headroomWeight,
  };
  const weightAt10kHz = settings.source === "simulation" ? 1 : settings.trebleWeight;
  const pointWeight = measurementWeights(frequencyHz, weightAt10kHz);
  const decimated = (values: Float64Array) =>
    values.filter((_, i) => i % settings.searchDecimation === 0);
  const coarse = new EqFitProblem(
    constraints.slots,
    {
      frequencyHz: decimated(frequencyHz),
      desiredDb: decimated(desiredDb),
      pointWeight: decimated(pointWeight),
    },
    weights,
  );
  const fineProblem = (boostWeight: number) =>
    new EqFitProblem(
      constraints.slots,
      { frequencyHz, desiredDb, pointWeight },
      {
        ...weights,
        boostWeight,
        gainWeight: tieBreakWeight,
        loudnessWeight: Math.max(tieBreakWeight, settings.levelWeight),
      },
    );
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
  // The point rows are eq − desired − c: with every gain 0 the best level offset is −mean(desired).
  start[coarse.offsetIndex] = -mean(
    desiredDb.filter((_, i) => frequencyHz[i]! <= EQ_POINT_BAND_TO_HZ),
  );
  if (shapeFixed.some(Boolean)) {
    start = refine(
      coarse,
      start,
      BUDGETS.search,
      onlyFree(coarse, (k) => shapeFixed[k]!),
    ).x;
  }
  const best = searchBasins(coarse, start, shapeFixed, refine, BUDGETS, {
    hops: globalHops,
    pruneBelow: settings.pruneBelow,
  });

  // 3. Local stage on the whole grid. The boost limit is a penalty, so a fit that still pokes above
  // it is refined again with the penalty ten times as heavy (a penalty method's usual escalation).
  let fine = fineProblem(BOOST_WEIGHT);
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
    weightAt10kHz,
  };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return values.length > 0 ? sum / values.length : 0;
}
