/**
 * Nonlinear least squares in a box by Levenberg–Marquardt (K. Levenberg, Q. Appl. Math. 2:164, 1944;
 * D. W. Marquardt, J. SIAM 11:431, 1963), with Marquardt's diagonal scaling:
 *
 *   (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr,   x ← clamp(x + δ) when that lowers the cost Σr², λ adapted
 *
 * Bounds: a coordinate sitting on a bound whose gradient pushes outward is held there for the step
 * (a simple active set), and every trial point is clamped into the box. Deterministic.
 *
 * The problem hands over the normal equations itself, not the Jacobian: a residual vector whose rows
 * come and go (inactive penalty rows are zero) then costs nothing, and the caller can build JᵀJ the
 * fastest way it knows. Why not a library: the maintained npm Levenberg–Marquardt (ml-levenberg-marquardt)
 * fits a model function of x by differencing every parameter over every point and clamps into bounds;
 * it cannot use the EQ's structure (one filter's parameters move only that filter's curve) or penalty
 * rows that switch on and off, and a fit then costs several times as long.
 */

export interface NormalEquations {
  /** Σ r², at the point of linearisation. */
  readonly cost: number;
  /** JᵀJ, n×n row-major. */
  readonly jtj: Float64Array;
  /** Jᵀr, length n (half the gradient of the cost). */
  readonly jtr: Float64Array;
}

export interface BoundedLeastSquaresProblem {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Σ r² at x. */
  cost(x: Float64Array): number;
  /**
   * The normal equations at x. Rows and columns of coordinates marked in `fixed` may be left zero:
   * the solver does not use them.
   */
  normalEquations(x: Float64Array, fixed?: readonly boolean[]): NormalEquations;
}

export interface LevenbergMarquardtOptions {
  readonly maxIterations?: number;
  /** Stop when an accepted step lowers the cost by less than this fraction. */
  readonly relativeTolerance?: number;
  /** Starting damping λ. */
  readonly initialDamping?: number;
  /** Coordinates held at their start value (true = fixed). */
  readonly fixed?: readonly boolean[];
}

export const LEVENBERG_MARQUARDT_DEFAULTS: Required<Omit<LevenbergMarquardtOptions, "fixed">> = {
  maxIterations: 100,
  relativeTolerance: 1e-7,
  initialDamping: 1e-3,
};

export interface LevenbergMarquardtResult {
  readonly x: Float64Array;
  readonly cost: number;
  readonly iterations: number;
}

export function boundedLevenbergMarquardt(
  problem: BoundedLeastSquaresProblem,
  start: ArrayLike<number>,
  options: LevenbergMarquardtOptions = {},
): LevenbergMarquardtResult {
  const { maxIterations, relativeTolerance, initialDamping } = {
    ...LEVENBERG_MARQUARDT_DEFAULTS,
    ...options,
  };
  const n = start.length;
  const clampInto = (x: Float64Array) => {
    for (let j = 0; j < n; j++) {
      x[j] = Math.min(problem.upper[j] as number, Math.max(problem.lower[j] as number, x[j]!));
    }
    return x;
  };
  let x = clampInto(Float64Array.from(start));
  let linear = problem.normalEquations(x, options.fixed);
  let cost = linear.cost;
  let damping = initialDamping;
  let iterations = 0;
  let smallSteps = 0;
  const work = { a: new Float64Array(n * n), b: new Float64Array(n) };
  while (iterations < maxIterations && cost > 0) {
    iterations++;
    const free: number[] = [];
    for (let j = 0; j < n; j++) {
      const g = linear.jtr[j]!;
      const atLower = x[j]! <= (problem.lower[j] as number) && g > 0;
      const atUpper = x[j]! >= (problem.upper[j] as number) && g < 0;
      if (!atLower && !atUpper && !options.fixed?.[j] && linear.jtj[j * n + j]! > 0) free.push(j);
    }
    if (free.length === 0) break;
    let accepted = false;
    while (!accepted && damping < 1e12) {
      const step = dampedStep(linear, free, n, damping, work);
      const trial = Float64Array.from(x);
      if (step !== undefined) {
        for (let k = 0; k < free.length; k++) {
          const j = free[k]!;
          trial[j] = trial[j]! + step[k]!;
        }
      }
      clampInto(trial);
      const trialCost = step === undefined ? Infinity : problem.cost(trial);
      if (trialCost < cost) {
        const gain = (cost - trialCost) / cost;
        smallSteps = gain < relativeTolerance ? smallSteps + 1 : 0;
        x = trial;
        linear = problem.normalEquations(x, options.fixed);
        cost = linear.cost;
        damping = Math.max(damping / 3, 1e-12);
        accepted = true;
      } else {
        damping *= 4;
      }
    }
    if (!accepted || smallSteps >= 2) break;
  }
  return { x, cost, iterations };
}

/**
 * Solves the damped normal equations over the free coordinates by Cholesky, in `work` (the step is
 * work.b's first free.length entries); undefined if singular.
 */
function dampedStep(
  linear: NormalEquations,
  free: readonly number[],
  n: number,
  damping: number,
  work: { a: Float64Array; b: Float64Array },
): Float64Array | undefined {
  const m = free.length;
  const { a, b } = work;
  for (let r = 0; r < m; r++) {
    const jr = free[r]!;
    b[r] = -linear.jtr[jr]!;
    for (let c = 0; c <= r; c++) {
      const value = linear.jtj[jr * n + free[c]!]!;
      a[r * m + c] = value;
      a[c * m + r] = value;
    }
    a[r * m + r] = a[r * m + r]! * (1 + damping);
  }
  // In-place Cholesky (lower triangle) and two triangular solves.
  for (let j = 0; j < m; j++) {
    let diagonal = a[j * m + j]!;
    for (let k = 0; k < j; k++) diagonal -= a[j * m + k]! * a[j * m + k]!;
    if (!(diagonal > 0)) return undefined;
    const root = Math.sqrt(diagonal);
    a[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let sum = a[i * m + j]!;
      for (let k = 0; k < j; k++) sum -= a[i * m + k]! * a[j * m + k]!;
      a[i * m + j] = sum / root;
    }
  }
  for (let i = 0; i < m; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= a[i * m + k]! * b[k]!;
    b[i] = sum / a[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < m; k++) sum -= a[k * m + i]! * b[k]!;
    b[i] = sum / a[i * m + i]!;
  }
  return b;
}
