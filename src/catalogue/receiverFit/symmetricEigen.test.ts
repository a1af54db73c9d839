import { describe, expect, it } from "vitest";
import { symmetricEigen } from "./symmetricEigen.js";

describe("symmetricEigen", () => {
  it("finds 1 and 3 for [[2, 1], [1, 2]] with eigenvectors (1, ∓1)/√2", () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    const order = values[0]! < values[1]! ? [0, 1] : [1, 0];
    expect(values[order[0]!]).toBeCloseTo(1, 14);
    expect(values[order[1]!]).toBeCloseTo(3, 14);
    const small = [vectors[order[0]!]!, vectors[2 + order[0]!]!];
    expect(Math.abs(small[0]! + small[1]!)).toBeLessThan(1e-14);
  });

  it("satisfies A·v = λ·v and VᵀV = I for an ill-conditioned 6×6 (eigenvalues 1e-10 … 1e4)", () => {
    const n = 6;
    // A = Q·diag(λ)·Qᵀ with Q from Gram–Schmidt on a fixed matrix.
    const lambdas = [1e-10, 1e-6, 1e-2, 1, 100, 1e4];
    const q: number[][] = [];
    for (let i = 0; i < n; i++) {
      let row = Array.from({ length: n }, (_, j) => Math.sin(1 + 3 * i + 7 * j * j));
      // Gram–Schmidt twice, so that Q is orthogonal to rounding.
      for (const previous of [...q, ...q]) {
        const dot = row.reduce((sum, value, j) => sum + value * previous[j]!, 0);
        row = row.map((value, j) => value - dot * previous[j]!);
      }
      const norm = Math.hypot(...row);
      q.push(row.map((value) => value / norm));
    }
    const a = new Float64Array(n * n);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        a[r * n + c] = lambdas.reduce((sum, l, k) => sum + l * q[k]![r]! * q[k]![c]!, 0);
    const { values, vectors } = symmetricEigen(a, n);
    expect([...values].sort((x, y) => x - y).map((value, k) => value - lambdas[k]!)).toSatisfy(
      (errors: number[]) => errors.every((error) => Math.abs(error) < 1e-10),
    );
    for (let j = 0; j < n; j++) {
      for (let r = 0; r < n; r++) {
        let av = 0;
        for (let c = 0; c < n; c++) av += a[r * n + c]! * vectors[c * n + j]!;
        expect(Math.abs(av - values[j]! * vectors[r * n + j]!)).toBeLessThan(1e-10);
      }
      for (let k = 0; k < n; k++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += vectors[r * n + j]! * vectors[r * n + k]!;
        expect(Math.abs(dot - (j === k ? 1 : 0))).toBeLessThan(1e-13);
      }
    }
  });
});
