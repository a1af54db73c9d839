import type { ReceiverFitProblem } from "./fitProblem.js";
import { normalMatrices } from "./fitProblem.js";
import { symmetricEigen } from "./symmetricEigen.js";

/** Two-sided 95 % quantile of the normal distribution. */
const Z_95 = 1.959964;
/** One-sided 95 % quantile (for the χ² approximation). */
const Z_95_ONE_SIDED = 1.644854;
/** Eigenvalues below this fraction of the largest count as directions the data do not constrain. */
const UNCONSTRAINED = 1e-12;
/** Halvings of a step along a principal axis before giving up on it. */
const MAX_HALVINGS = 12;

/**
 * χ²_p(0.95), the 95 % quantile of the chi-square distribution with p degrees of freedom, by the
 * Wilson–Hilferty cube-root approximation (Wilson & Hilferty, PNAS 17:684, 1931): within 1 % for
 * p ≥ 3, which is all a fit here has.
 */
export function chiSquare95(p: number): number {
  const a = 2 / (9 * p);
  return p * (1 - a + Z_95_ONE_SIDED * Math.sqrt(a)) ** 3;
}

export interface FitUncertainty {
  /** Per parameter, the 95 % interval [low, high] in fit coordinates (clamped to the bounds). */
  readonly intervals: readonly (readonly [number, number])[];
  /** Fits the data cannot tell from the best (cost ≤ `costLimit`), the best first. */
  readonly equallyGood: readonly Float64Array[];
  /** The cost an equally good fit may reach. */
  readonly costLimit: number;
  /** Residual variance per row estimated from the best fit, s² = cost/(rows − free parameters). */
  readonly variance: number;
}

/**
 * How well the data pin the parameters down, from the best fit `best` (cost `bestCost`) and the
 * other local optima of the multi-start:
 *
 * - the residual variance s² = cost/(N − p) and the linearised covariance s²·(JᵀJ)⁻¹ give each free
 *   parameter a 95 % interval ±1.96σ (in log units for log parameters, so an interval is a factor);
 *   directions the data do not constrain (eigenvalues of JᵀJ below 1e-12 of the largest) reach the
 *   bounds;
 * - fits are "equally good" when their cost is within the joint 95 % region,
 *   cost ≤ best + χ²_p(0.95)·s² (Draper & Smith, Applied Regression Analysis, §24.5): the other
 *   optima that qualify, and the ends of each principal axis of that region — the point where the
 *   actual cost along ±(eigenvector) reaches the limit, found by halving from the linearised step
 *   and clamped to the bounds. Every interval is widened to cover them, so a parameter the model can
 *   trade against another shows the trade.
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
  const variance = bestCost / Math.max(1, problem.rows - p);
  const costLimit = bestCost + chiSquare95(Math.max(p, 1)) * variance;
  const { r, j } = problem.jacobian(best, atBound);
  const { jtj } = normalMatrices(r, j, n);
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
  for (const optimum of otherOptima) if (optimum.cost <= costLimit) equallyGood.push(optimum.x);
  const allowed = costLimit - bestCost;
  for (let k = 0; k < p; k++) {
    const linearStep =
      values[k]! > UNCONSTRAINED * largest ? Math.sqrt(allowed / values[k]!) : Infinity;
    for (const sign of [1, -1]) {
      // Start at the linearised step (or across the whole box), halve until the cost is inside.
      let step = Math.min(linearStep, 50);
      for (let halving = 0; halving < MAX_HALVINGS; halving++, step /= 2) {
        const trial = Float64Array.from(best);
        free.forEach((a, ra) => {
          const moved = best[a]! + sign * step * vectors[ra * p + k]!;
          trial[a] = Math.min(problem.upper[a]!, Math.max(problem.lower[a]!, moved));
        });
        if (problem.cost(trial) <= costLimit) {
          equallyGood.push(trial);
          break;
        }
      }
    }
  }
  for (const member of equallyGood) {
    member.forEach((value, a) => {
      intervals[a]![0] = Math.min(intervals[a]![0], value);
      intervals[a]![1] = Math.max(intervals[a]![1], value);
    });
  }
  return { intervals, equallyGood, costLimit, variance };
}
