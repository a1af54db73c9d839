import {
  boundedLevenbergMarquardt,
  LEVENBERG_MARQUARDT_DEFAULTS,
  type BoundedLeastSquaresProblem,
  type LevenbergMarquardtResult,
  type NormalEquations,
} from "../../eq/boundedLevenbergMarquardt.js";
import type { ReceiverFitProblem } from "./fitProblem.js";

/**
 * boundedLevenbergMarquardt on a receiver fit, the same steps and the same result, without the
 * Jacobian the solver asks for after its last step. After every accepted step the solver asks for the
 * normal equations at the new point and then stops when that step was its last iteration or the
 * second small gain in a row (see boundedLevenbergMarquardt): it then uses only the cost. Every
 * iteration either accepts a step or ends the run, so the k-th request after the start follows
 * iteration k, and the gain is known from the residuals alone; the Jacobian (a model evaluation
 * per free parameter) is skipped exactly when the solver cannot use it. A profile refit of a few
 * iterations spends a fifth of its evaluations on that Jacobian.
 */
export function receiverLevenbergMarquardt(
  problem: ReceiverFitProblem,
  start: ArrayLike<number>,
  options: { readonly maxIterations: number; readonly fixed?: readonly boolean[] },
): LevenbergMarquardtResult {
  const tolerance = LEVENBERG_MARQUARDT_DEFAULTS.relativeTolerance;
  const n = problem.lower.length;
  let requests = 0;
  let previousCost = 0;
  let smallSteps = 0;
  const lastJacobianSkipped: BoundedLeastSquaresProblem = {
    lower: problem.lower,
    upper: problem.upper,
    cost: (x) => problem.cost(x),
    normalEquations: (x, fixed): NormalEquations => {
      const r = problem.residuals(x);
      const cost = r.reduce((sum, value) => sum + value * value, 0);
      const afterStep = requests > 0;
      const stepsTaken = requests++;
      if (afterStep) {
        const gain = (previousCost - cost) / previousCost;
        smallSteps = gain < tolerance ? smallSteps + 1 : 0;
      }
      previousCost = cost;
      const last = afterStep && (stepsTaken >= options.maxIterations || smallSteps >= 2);
      if (last || !(cost > 0))
        return { cost, jtj: new Float64Array(n * n), jtr: new Float64Array(n) };
      return problem.normalEquationsWith(x, r, fixed);
    },
  };
  return boundedLevenbergMarquardt(lastJacobianSkipped, start, options);
}
