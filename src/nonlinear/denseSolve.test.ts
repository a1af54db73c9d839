import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factorDense, solveDense } from "./denseSolve.js";

/** max |A·x − b| for row-major A. */
function residual(a: Float64Array, x: Float64Array, b: Float64Array): number {
  const n = b.length;
  let worst = 0;
  for (let row = 0; row < n; row++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += a[row * n + k]! * x[k]!;
    worst = Math.max(worst, Math.abs(sum - b[row]!));
  }
  return worst;
}

function solve(a: Float64Array, b: Float64Array): Float64Array {
  const factors = factorDense(a, b.length);
  if (factors === undefined) throw new Error("singular");
  const x = Float64Array.from(b);
  solveDense(factors, x);
  return x;
}

describe("dense LU with partial pivoting", () => {
  it("solves a system whose pivots swap late (rows 3 and 4 after rows 0 and 1 moved)", () => {
    // Small leading entries force a swap at the first step and again at the fourth.
    const a = Float64Array.from([
      1e-3, 2, 3, 4, 5, 2, 1, 0, 1, 3, 4, 1, 2, 0, 1, 1, 3, 1, 1e-4, 2, 3, 0, 5, 7, 1,
    ]);
    const b = Float64Array.from([1, 2, 3, 4, 5]);
    const factors = factorDense(a, 5)!;
    expect([...factors.pivots].filter((p, k) => p !== k).length).toBeGreaterThanOrEqual(3);
    expect(residual(a, solve(a, b), b)).toBeLessThan(1e-12);
  });

  it("solves random diagonally dominant systems to 1e-12 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 156, maxLength: 156 }),
        (n, values) => {
          const a = Float64Array.from(values.slice(0, n * n));
          // Diagonally dominant, so well conditioned; the row order still makes the pivots move.
          for (let k = 0; k < n; k++) a[k * n + ((k + 1) % n)] = a[k * n + ((k + 1) % n)]! + n;
          const b = Float64Array.from(values.slice(n * n, n * n + n));
          const factors = factorDense(a, n);
          if (factors === undefined) return;
          const x = Float64Array.from(b);
          solveDense(factors, x);
          expect(residual(a, x, b)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it("reports an exactly singular matrix", () => {
    expect(factorDense(Float64Array.from([1, 2, 2, 4]), 2)).toBeUndefined();
  });
});
