import type { ReceiverFitProblem } from "./fitProblem.js";
import { normalMatrices } from "./fitProblem.js";
import { seededRandom } from "./startingPoints.js";
import { symmetricEigen } from "./symmetricEigen.js";

/** A parameter vector (fit coordinates) drawn near the best fit, with its importance weight. */
export interface PosteriorSample {
  readonly x: Float64Array;
  /** Relative weight (the largest is 1). */
  readonly weight: number;
}

/** How many samples the band is drawn from (each costs two model evaluations). */
export const POSTERIOR_SAMPLES = 240;
/**
 * The proposal's widest spread along any direction, in fit coordinates (natural-log units: a factor
 * e^0.25 ≈ 1.3 per standard deviation). Directions the data do not constrain would otherwise be drawn
 * across the whole box; the importance weights correct for the cap where the cost still allows more.
 */
const MAX_PROPOSAL_STD = 0.25;
const SAMPLES_SEED = 29;

/**
 * Samples of the fit's posterior, for a band of predictions. With residual variance s² the data make
 * the likelihood ∝ exp(−C(x)/(2s²)), C the cost (sum of squared residuals), on a flat prior in fit
 * coordinates (logs: a scale-free prior) inside the box. Drawn by importance sampling from the
 * Laplace approximation at the best fit x̂ — a Gaussian with precision JᵀJ/s², its eigenvalues floored
 * so no direction spreads wider than MAX_PROPOSAL_STD — each sample weighted by posterior / proposal:
 *
 *   w = exp(−(C(x) − C(x̂))/(2s²) + ½·Σ_k g_k²),  x = x̂ + Σ_k g_k·σ_k·v_k,  g_k ~ N(0, 1),
 *
 * (v_k, σ_k the proposal's axes and spreads), so where the model is not quadratic (a parameter set
 * that makes a notch costs more than the straight line predicts) the sample counts for less (Owen,
 * Monte Carlo theory, methods and examples, 2013, §9.1–9.2, self-normalised importance sampling).
 * Samples outside the box are dropped (the posterior is truncated to it), and so are samples whose
 * cost exceeds `costLimit` (the joint 99 % region): the stated threshold of an acceptable fit.
 * `jtjAtBest`, JᵀJ at the best fit when the caller has it, saves computing it again.
 * Parameters at a bound are drawn too: the box keeps them inside. Deterministic (seeded).
 */
export function posteriorSamples(
  problem: ReceiverFitProblem,
  best: Float64Array,
  bestCost: number,
  variance: number,
  costLimit: number,
  count = POSTERIOR_SAMPLES,
  jtjAtBest?: Float64Array,
): PosteriorSample[] {
  const n = best.length;
  const jtj = jtjAtBest ?? jtjAt(problem, best);
  const { values, vectors } = symmetricEigen(jtj, n);
  const floor = 1 / MAX_PROPOSAL_STD ** 2;
  const spreads = values.map((value) => 1 / Math.sqrt(Math.max(value / variance, floor)));
  const random = seededRandom(SAMPLES_SEED);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // Coordinates whose best value sits on a bound: a draw past it is reflected back into the box.
  const onBound = Array.from(best, (value, a) =>
    value <= problem.lower[a]! + 1e-9
      ? problem.lower[a]!
      : value >= problem.upper[a]! - 1e-9
        ? problem.upper[a]!
        : undefined,
  );
  const mirrored = onBound.flatMap((bound, a) => (bound === undefined ? [] : [a]));
  // The proposal's precision P = Σ_k v_k v_kᵀ/σ_k², for ½·δᵀPδ at x and at its mirror images.
  const precision = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const inverse = 1 / spreads[k]! ** 2;
    for (let a = 0; a < n; a++) {
      const va = vectors[a * n + k]! * inverse;
      for (let b = 0; b < n; b++)
        precision[a * n + b] = precision[a * n + b]! + va * vectors[b * n + k]!;
    }
  }
  const drawn: { x: Float64Array; logWeight: number }[] = [];
  for (let m = 0; m < count; m++) {
    const g = Float64Array.from({ length: n }, normal);
    const x = Float64Array.from(best);
    for (let k = 0; k < n; k++) {
      const step = g[k]! * spreads[k]!;
      for (let a = 0; a < n; a++) x[a] = x[a]! + step * vectors[a * n + k]!;
    }
    for (const a of mirrored) {
      const bound = onBound[a]!;
      if (
        (bound === problem.lower[a] && x[a]! < bound) ||
        (bound === problem.upper[a] && x[a]! > bound)
      )
        x[a] = 2 * bound - x[a]!;
    }
    if (x.some((value, a) => value < problem.lower[a]! || value > problem.upper[a]!)) continue;
    const cost = problem.cost(x);
    if (!(cost <= costLimit)) continue;
    // The proposal's density at x: every image of x across the reflecting bounds lands here.
    const logProposal = logSumExp(imageHalfQuadratics(x, best, precision, mirrored, onBound));
    drawn.push({ x, logWeight: -(cost - bestCost) / (2 * variance) - logProposal });
  }
  const largest = Math.max(...drawn.map((sample) => sample.logWeight));
  return drawn.map((sample) => ({ x: sample.x, weight: Math.exp(sample.logWeight - largest) }));
}

function jtjAt(problem: ReceiverFitProblem, x: Float64Array): Float64Array {
  const { r, j } = problem.jacobian(x);
  return normalMatrices(r, j, x.length).jtj;
}

/**
 * −½·δᵀPδ (δ = image − best) of x and of each of its mirror images across the bounds of the
 * coordinates in `mirrored` (2^m of them). An image differs from x only in mirrored coordinates, by
 * d_a = 2·(bound_a − x_a), so δ'ᵀPδ' = δᵀPδ + 2·Σ d_a·(Pδ)_a + Σ d_a·d_b·P_ab: m² work per image
 * instead of n².
 */
function imageHalfQuadratics(
  x: Float64Array,
  best: Float64Array,
  precision: Float64Array,
  mirrored: readonly number[],
  onBound: readonly (number | undefined)[],
): number[] {
  const n = x.length;
  const delta = Float64Array.from(x, (value, a) => value - best[a]!);
  const pDelta = new Float64Array(n);
  let base = 0;
  for (let a = 0; a < n; a++) {
    let sum = 0;
    for (let b = 0; b < n; b++) sum += precision[a * n + b]! * delta[b]!;
    pDelta[a] = sum;
    base += delta[a]! * sum;
  }
  const shift = mirrored.map((a) => 2 * (onBound[a]! - x[a]!));
  const m = mirrored.length;
  const values: number[] = [];
  for (let mask = 0; mask < 2 ** m; mask++) {
    let quadratic = base;
    for (let i = 0; i < m; i++) {
      if (!(mask & (1 << i))) continue;
      const a = mirrored[i]!;
      quadratic += 2 * shift[i]! * pDelta[a]!;
      for (let j = 0; j < m; j++)
        if (mask & (1 << j)) quadratic += shift[i]! * shift[j]! * precision[a * n + mirrored[j]!]!;
    }
    values.push(-quadratic / 2);
  }
  return values;
}

function logSumExp(values: readonly number[]): number {
  const largest = Math.max(...values);
  return largest + Math.log(values.reduce((sum, value) => sum + Math.exp(value - largest), 0));
}

/**
 * The q-quantile (0–1) of `values` weighted by `weights`: the smallest value whose cumulative weight
 * reaches q of the total, interpolated linearly between neighbouring values' mid-weights so a
 * quantile moves smoothly as weights change.
 */
export function weightedQuantile(
  values: readonly number[],
  weights: readonly number[],
  q: number,
): number {
  return weightedQuantiles(values, weights, [q])[0]!;
}

/** weightedQuantile at each of `qs`, the values sorted once. */
export function weightedQuantiles(
  values: readonly number[],
  weights: readonly number[],
  qs: readonly number[],
): number[] {
  const order = values.map((_, index) => index).sort((a, b) => values[a]! - values[b]!);
  const total = order.reduce((sum, index) => sum + weights[index]!, 0);
  return qs.map((q) => {
    if (order.length === 0 || !(total > 0)) return Number.NaN;
    // Each value sits at the middle of its weight: position (cumulative − w/2)/total.
    let cumulative = 0;
    let previous: { position: number; value: number } | undefined;
    for (const index of order) {
      const weight = weights[index]!;
      if (!(weight > 0)) continue;
      const position = (cumulative + weight / 2) / total;
      cumulative += weight;
      if (position >= q) {
        if (previous === undefined) return values[index]!;
        const t = (q - previous.position) / (position - previous.position);
        return previous.value + t * (values[index]! - previous.value);
      }
      previous = { position, value: values[index]! };
    }
    return previous!.value;
  });
}
