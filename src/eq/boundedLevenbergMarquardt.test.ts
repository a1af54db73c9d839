import { describe, expect, it } from "vitest";
import {
  type BoundedLeastSquaresProblem,
  boundedLevenbergMarquardt,
} from "./boundedLevenbergMarquardt.js";

/** A problem from residuals r(x) and their Jacobian J(x), handing over JᵀJ and Jᵀr. */
function fromResiduals(
  residuals: (x: Float64Array) => number[],
  jacobian: (x: Float64Array) => number[][],
  lower: number[],
  upper: number[],
): BoundedLeastSquaresProblem {
  const cost = (x: Float64Array) => residuals(x).reduce((sum, r) => sum + r * r, 0);
  return {
    lower,
    upper,
    cost,
    normalEquations(x) {
      const r = residuals(x);
      const J = jacobian(x);
      const n = x.length;
      const jtj = new Float64Array(n * n);
      const jtr = new Float64Array(n);
      J.forEach((row, i) => {
        for (let a = 0; a < n; a++) {
          jtr[a] = jtr[a]! + row[a]! * r[i]!;
          for (let b = 0; b < n; b++) jtj[a * n + b] = jtj[a * n + b]! + row[a]! * row[b]!;
        }
      });
      return { cost: cost(x), jtj, jtr };
    },
  };
}

describe("boundedLevenbergMarquardt", () => {
  it("fits a straight line exactly (closed form: y = 2 + 3x through the points)", () => {
    const xs = [0, 1, 2, 3, 4];
    const ys = xs.map((x) => 2 + 3 * x);
    const problem = fromResiduals(
      (p) => xs.map((x, i) => p[0]! + p[1]! * x - ys[i]!),
      () => xs.map((x) => [1, x]),
      [-10, -10],
      [10, 10],
    );
    const result = boundedLevenbergMarquardt(problem, [0, 0]);
    expect(result.x[0]).toBeCloseTo(2, 8);
    expect(result.x[1]).toBeCloseTo(3, 8);
    expect(result.cost).toBeLessThan(1e-14);
  });

  it("solves Rosenbrock's problem as residuals (10(y − x²), 1 − x) to its minimum (1, 1)", () => {
    const problem = fromResiduals(
      ([x, y]) => [10 * (y! - x! * x!), 1 - x!],
      ([x]) => [
        [-20 * x!, 10],
        [-1, 0],
      ],
      [-5, -5],
      [5, 5],
    );
    const result = boundedLevenbergMarquardt(problem, [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it("stops on an active bound where the unconstrained minimum lies outside, and holds fixed coordinates", () => {
    // min (x − 3)² + (y − 1)² with x ≤ 2: the answer is (2, 1).
    const problem = fromResiduals(
      ([x, y]) => [x! - 3, y! - 1],
      () => [
        [1, 0],
        [0, 1],
      ],
      [-10, -10],
      [2, 10],
    );
    const bounded = boundedLevenbergMarquardt(problem, [0, 0]);
    expect(bounded.x[0]).toBe(2);
    expect(bounded.x[1]).toBeCloseTo(1, 8);
    const held = boundedLevenbergMarquardt(problem, [0, 0], { fixed: [true, false] });
    expect(held.x[0]).toBe(0);
    expect(held.x[1]).toBeCloseTo(1, 8);
  });
});
