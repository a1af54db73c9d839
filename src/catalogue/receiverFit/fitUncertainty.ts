import { autocorrelationFactor } from "../../identify/residualCorrelation.js";
import type { ReceiverFitProblem } from "./fitProblem.js";
import { normalMatrices } from "./fitProblem.js";
import { receiverLevenbergMarquardt } from "./levenbergMarquardtRun.js";
import { fewestHalvingsWithin } from "./halvingSearch.js";
import { seededRandom } from "./startingPoints.js";
import { symmetricEigen } from "./symmetricEigen.js";

/** Two-sided 95 % quantile of the normal distribution. */
const Z_95 = 1.959964;
/** One-sided 99 % quantile of the normal distribution (for the χ² approximation). */
const Z_99_ONE_SIDED = 2.326348;
/** Eigenvalues below this fraction of the largest count as directions the data do not constrain. */
const UNCONSTRAINED = 1e-12;
/** Halvings of a step along a principal axis before giving up on it. */
const MAX_HALVINGS = 12;
/** Levenberg–Marquardt iterations of a profile's refit. */
const PROFILE_ITERATIONS = 4;
/** Halvings towards the best before a profile gives up. */
const PROFILE_HALVINGS = 2;
/** Random directions explored per parameter around each centre, and their seed. */
const RANDOM_DIRECTIONS_PER_PARAMETER = 2;
const RANDOM_DIRECTIONS_SEED = 11;
/** A step that crosses any box (coordinates are logs: e^50). */
const ACROSS_THE_BOX = 50;
/** Optima closer than this (largest coordinate difference) count as one. */
const DISTINCT_OPTIMA = 1e-2;

/**
 * χ²_p(0.99), the 99 % quantile of the chi-square distribution with p degrees of freedom, by the
 * Wilson–Hilferty cube-root approximation (Wilson & Hilferty, PNAS 17:684, 1931): within 1 % for
 * p ≥ 3, which is all a fit here has.
 */
export function chiSquare99(p: number): number {
  const a = 2 / (9 * p);
  return p * (1 - a + Z_99_ONE_SIDED * Math.sqrt(a)) ** 3;
}

export interface FitUncertainty {
  /** Per parameter, the 95 % interval [low, high] in fit coordinates (clamped to the bounds). */
  readonly intervals: readonly (readonly [number, number])[];
  /** Fits the data cannot tell from the best (cost ≤ `costLimit`), the best first. */
  readonly equallyGood: readonly Float64Array[];
  /** The cost an equally good fit may reach. */
  readonly costLimit: number;
  /** Residual variance per independent row, s² = cost/(N_eff − free parameters). */
  readonly variance: number;
  /** The residuals, Jacobian (column-major) and JᵀJ at the best fit, every parameter free. */
  readonly atBest: {
    readonly r: Float64Array;
    readonly j: Float64Array;
    readonly jtj: Float64Array;
  };
}

/**
 * How well the data pin the parameters down, from the best fit `best` (cost `bestCost`) and the
 * other local optima of the multi-start:
 *
 * - the residual variance s² = cost/(N_eff − p), N_eff the rows that count as independent, and the linearised covariance s²·(JᵀJ)⁻¹ give each free
 *   parameter a 95 % interval ±1.96σ (in log units for log parameters, so an interval is a factor);
 *   directions the data do not constrain (eigenvalues of JᵀJ below 1e-12 of the largest) reach the
 *   bounds;
 * - fits are "equally good" when their cost is within the joint 99 % region,
 *   cost ≤ best + χ²_p(0.99)·s² (Draper & Smith, Applied Regression Analysis, §24.5; 99 % rather
 *   than 95 % because the band is what a builder designs against, and a miss costs more than a
 *   margin): the other
 *   optima that qualify, and around the best and each distinct qualifying optimum the ends of the
 *   principal axes of that region (axisEnds), and profiles: each parameter held at the lowest and
 *   highest value found so far while the others are refitted (a valley that curves is followed).
 *   Every interval is widened to cover them, so a
 *   parameter the model can trade against another shows the trade.
 *
 * Parameters at a bound (`atBound`) are held: they get no covariance, only what the members span.
 */
export function fitUncertainty(
  problem: ReceiverFitProblem,
  best: Float64Array,
  bestCost: number,
  otherOptima: readonly { readonly x: Float64Array; readonly cost: number }[],
  atBound: readonly boolean[],
): FitUncertainty {
  const n = best.length;
  const free = atBound.flatMap((held, index) => (held ? [] : [index]));
  const p = free.length;
  const { r, j } = problem.jacobian(best);
  // Neighbouring residuals of a smooth model against a smoothed curve are correlated (and a model
  // error is correlated across the whole band): count the rows as N·(1 − ρ)/(1 + ρ) independent
  // ones, ρ their lag-one autocorrelation (Bayley & Hammersley, JRSS B 8:184, 1946).
  const effectiveRows = problem.rows * autocorrelationFactor(r);
  const variance = bestCost / Math.max(1, effectiveRows - p);
  const costLimit = bestCost + chiSquare99(Math.max(p, 1)) * variance;
  const { jtj } = normalMatrices(r, j, n);
  const atBest = { r, j, jtj };
  const reduced = new Float64Array(p * p);
  free.forEach((a, ra) => free.forEach((b, rb) => (reduced[ra * p + rb] = jtj[a * n + b]!)));
  const { values, vectors } = symmetricEigen(reduced, p);
  const largest = Math.max(...values);

  // Linearised 95 % half-widths: σ_a² = s²·Σ_k v_ak²/λ_k.
  const halfWidth = new Float64Array(n);
  free.forEach((a, ra) => {
    let sum = 0;
    for (let k = 0; k < p; k++) {
      const weight = vectors[ra * p + k]! ** 2;
      sum +=
        values[k]! > UNCONSTRAINED * largest ? weight / values[k]! : weight > 1e-12 ? Infinity : 0;
    }
    halfWidth[a] = Z_95 * Math.sqrt(variance * sum);
  });
  const intervals = Array.from({ length: n }, (_, a): [number, number] => [
    Math.max(problem.lower[a]!, best[a]! - halfWidth[a]!),
    Math.min(problem.upper[a]!, best[a]! + halfWidth[a]!),
  ]);

  const equallyGood: Float64Array[] = [best];
  const centres = [best];
  for (const optimum of otherOptima) {
    if (optimum.cost > costLimit) continue;
    equallyGood.push(optimum.x);
    // Optima of the same basin as one already explored add nothing but time.
    if (centres.every((centre) => distance(centre, optimum.x) > DISTINCT_OPTIMA))
      centres.push(optimum.x);
  }
  for (const centre of centres)
    equallyGood.push(...axisEnds(problem, centre, costLimit, centre === best ? atBest : undefined));
  // Profiles: each parameter pushed to its interval's ends so far, the others refitted. A valley
  // that curves (a spout traded against the fixture) is followed where straight steps leave it.
  // A refit stops at the step that brings it within the limit (it has qualified: further steps
  // would only deepen it) and gives up early where its progress cannot get there.
  for (let a = 0; a < n; a++) {
    const fixed = Array.from({ length: n }, (_, b) => b === a);
    for (const end of [intervalsOf(equallyGood, a, "low"), intervalsOf(equallyGood, a, "high")]) {
      // From the end found so far back towards the best, halving, until a refit qualifies.
      let value = end;
      for (
        let halving = 0;
        halving < PROFILE_HALVINGS && Math.abs(value - best[a]!) > 1e-6;
        halving++
      ) {
        const start = Float64Array.from(best);
        start[a] = value;
        const refit = receiverLevenbergMarquardt(problem, start, {
          fixed,
          maxIterations: PROFILE_ITERATIONS,
          target: costLimit,
        });
        if (refit.cost <= costLimit) {
          equallyGood.push(refit.x);
          break;
        }
        value = (value + best[a]!) / 2;
      }
    }
  }
  for (const member of equallyGood) {
    member.forEach((value, a) => {
      intervals[a]![0] = Math.min(intervals[a]![0], value);
      intervals[a]![1] = Math.max(intervals[a]![1], value);
    });
  }
  return { intervals, equallyGood, costLimit, variance, atBest };
}

/**
 * Points on the boundary of the region cost ≤ costLimit around `centre`: along ±each eigenvector of
 * JᵀJ and along 2n seeded random directions (every parameter free, steps clamped to the box), the
 * point where the actual cost is within the limit, found by halving from the linearised step (or
 * from a step across the box for a direction the data do not constrain).
 */
function axisEnds(
  problem: ReceiverFitProblem,
  centre: Float64Array,
  costLimit: number,
  known?: { readonly r: Float64Array; readonly jtj: Float64Array },
): Float64Array[] {
  const n = centre.length;
  const { r, jtj } = known ?? jacobianProducts(problem, centre);
  const centreCost = r.reduce((sum, value) => sum + value * value, 0);
  const allowed = Math.max(0, costLimit - centreCost);
  const { values, vectors } = symmetricEigen(jtj, n);
  const largest = Math.max(...values);
  const ends: Float64Array[] = [];
  const along = (direction: Float64Array, firstStep: number) => {
    const trialAt = (halvings: number) => {
      const step = Math.min(firstStep, ACROSS_THE_BOX) / 2 ** halvings;
      return Float64Array.from(centre, (value, a) =>
        Math.min(problem.upper[a]!, Math.max(problem.lower[a]!, value + step * direction[a]!)),
      );
    };
    const halvings = fewestHalvingsWithin(
      (h) => problem.cost(trialAt(h)),
      centreCost,
      costLimit,
      MAX_HALVINGS,
    );
    if (halvings !== undefined) ends.push(trialAt(halvings));
  };
  const floor = UNCONSTRAINED * largest;
  for (let k = 0; k < n; k++) {
    const axis = Float64Array.from({ length: n }, (_, a) => vectors[a * n + k]!);
    const linearStep = values[k]! > floor ? Math.sqrt(allowed / values[k]!) : Infinity;
    along(axis, linearStep);
    along(
      axis.map((value) => -value),
      linearStep,
    );
  }
  // Random directions to the region's boundary as well (seeded): the axes alone leave gaps between
  // them. With g standard normal, w = Σ g_k·v_k/√λ_k reaches the boundary at step √(allowed)/|g|.
  const random = seededRandom(RANDOM_DIRECTIONS_SEED);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let m = 0; m < RANDOM_DIRECTIONS_PER_PARAMETER * n; m++) {
    const g = Float64Array.from({ length: n }, normal);
    const direction = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const scale = g[k]! / Math.sqrt(Math.max(values[k]!, floor));
      for (let a = 0; a < n; a++) direction[a] = direction[a]! + scale * vectors[a * n + k]!;
    }
    along(direction, Math.sqrt(allowed) / Math.hypot(...g));
  }
  return ends;
}

function distance(a: Float64Array, b: Float64Array): number {
  let largest = 0;
  for (let k = 0; k < a.length; k++) largest = Math.max(largest, Math.abs(a[k]! - b[k]!));
  return largest;
}

/** The lowest or highest value of coordinate `a` among the members. */
function intervalsOf(members: readonly Float64Array[], a: number, side: "low" | "high"): number {
  const values = members.map((member) => member[a]!);
  return side === "low" ? Math.min(...values) : Math.max(...values);
}

function jacobianProducts(
  problem: ReceiverFitProblem,
  x: Float64Array,
): { r: Float64Array; j: Float64Array; jtj: Float64Array } {
  const { r, j } = problem.jacobian(x);
  return { r, j, jtj: normalMatrices(r, j, x.length).jtj };
}
