import {
  boundedLevenbergMarquardt,
  LEVENBERG_MARQUARDT_DEFAULTS,
  type BoundedLeastSquaresProblem,
  type LevenbergMarquardtResult,
  type NormalEquations,
} from "../../eq/boundedLevenbergMarquardt.js";
import type { ReceiverFitProblem } from "./fitProblem.js";

/** What a receiver-fit run of Levenberg–Marquardt takes: its iterations, held coordinates, target. */
export interface ReceiverRunOptions {
  readonly maxIterations: number;
  readonly fixed?: readonly boolean[];
  /**
   * A cost that is good enough (a profile refit's limit): the run stops after the step that reaches
   * it, and gives up once its progress so far (the last step's cost ratio, kept up for the iterations
   * left) cannot bring the cost within GIVE_UP_MARGIN × target.
   */
  readonly target?: number;
}

/** How far above its target a run's extrapolated cost may end before it gives up. */
const GIVE_UP_MARGIN = 3;

/**
 * boundedLevenbergMarquardt on a receiver fit, the same steps and the same result, without the
 * Jacobian the solver asks for after its last step, and without evaluating an accepted trial twice.
 * After every accepted step the solver asks for the normal equations at the new point and then stops
 * when that step was its last iteration or the second small gain in a row (see
 * boundedLevenbergMarquardt): it then uses only the cost. Every iteration either accepts a step or
 * ends the run, so the k-th request after the start follows iteration k, and the gain is known from
 * the residuals alone; the Jacobian (a model evaluation per free parameter) is skipped exactly when
 * the solver cannot use it. The residuals of the trial the solver just costed are kept for that
 * request (the same array). With a `target` the run also ends where the target says.
 */
export function receiverLevenbergMarquardt(
  problem: ReceiverFitProblem,
  start: ArrayLike<number>,
  options: ReceiverRunOptions,
): LevenbergMarquardtResult {
  const tolerance = LEVENBERG_MARQUARDT_DEFAULTS.relativeTolerance;
  const n = problem.lower.length;
  const target = options.target;
  let requests = 0;
  let previousCost = 0;
  let smallSteps = 0;
  const residuals = lastResiduals(problem);
  const lastJacobianSkipped: BoundedLeastSquaresProblem = {
    lower: problem.lower,
    upper: problem.upper,
    cost: (x) => sumOfSquares(residuals(x)),
    normalEquations: (x, fixed): NormalEquations => {
      const r = residuals(x);
      const cost = r.reduce((sum, value) => sum + value * value, 0);
      const afterStep = requests > 0;
      const stepsTaken = requests++;
      let hopeless = false;
      if (afterStep) {
        const gain = (previousCost - cost) / previousCost;
        smallSteps = gain < tolerance ? smallSteps + 1 : 0;
        if (target !== undefined && stepsTaken >= 2) {
          const left = options.maxIterations - stepsTaken;
          hopeless = cost * (cost / previousCost) ** left > GIVE_UP_MARGIN * target;
        }
      }
      previousCost = cost;
      const last =
        afterStep &&
        (stepsTaken >= options.maxIterations ||
          smallSteps >= 2 ||
          hopeless ||
          (target !== undefined && cost <= target));
      if (last || !(cost > 0))
        return { cost, jtj: new Float64Array(n * n), jtr: new Float64Array(n) };
      return problem.normalEquationsWith(x, r, fixed);
    },
  };
  return boundedLevenbergMarquardt(lastJacobianSkipped, start, options);
}

/**
 * The residuals at x, kept for the last array asked about: the solver costs a trial, then asks for
 * the normal equations at that same array when it accepts it.
 */
function lastResiduals(problem: ReceiverFitProblem): (x: Float64Array) => Float64Array {
  let lastX: Float64Array | undefined;
  let lastR: Float64Array = new Float64Array(problem.rows);
  return (x) => {
    if (x !== lastX) {
      lastR = problem.residuals(x);
      lastX = x;
    }
    return lastR;
  };
}

function sumOfSquares(r: Float64Array): number {
  let sum = 0;
  for (let row = 0; row < r.length; row++) sum += r[row]! * r[row]!;
  return Number.isFinite(sum) ? sum : Infinity;
}
