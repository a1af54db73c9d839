import { describe, expect, it } from "vitest";
import { mulberry32 as prng } from "../../test/support/prng.js";
import { SparseComplexLu } from "./sparseLu.js";

interface Triplets {
  rows: Int32Array;
  cols: Int32Array;
  re: Float64Array;
  im: Float64Array;
}

function randomSparse(
  n: number,
  density: number,
  random: () => number,
  zeroDiagonal: boolean,
): Triplets {
  const entries = new Map<number, [number, number]>();
  for (let i = 0; i < n; i++) {
    // A permuted diagonal keeps the matrix structurally non-singular even with zero diagonals.
    const j = zeroDiagonal ? (i + 1) % n : i;
    entries.set(i * n + j, [1 + random(), random() - 0.5]);
    for (let c = 0; c < n; c++) {
      if (c !== j && random() < density) entries.set(i * n + c, [random() - 0.5, random() - 0.5]);
    }
  }
  const keys = [...entries.keys()];
  return {
    rows: Int32Array.from(keys, (key) => Math.floor(key / n)),
    cols: Int32Array.from(keys, (key) => key % n),
    re: Float64Array.from(keys, (key) => entries.get(key)![0]),
    im: Float64Array.from(keys, (key) => entries.get(key)![1]),
  };
}

function multiply(n: number, m: Triplets, xRe: Float64Array, xIm: Float64Array) {
  const yRe = new Float64Array(n);
  const yIm = new Float64Array(n);
  for (let s = 0; s < m.rows.length; s++) {
    const i = m.rows[s]!;
    const j = m.cols[s]!;
    yRe[i] = yRe[i]! + m.re[s]! * xRe[j]! - m.im[s]! * xIm[j]!;
    yIm[i] = yIm[i]! + m.re[s]! * xIm[j]! + m.im[s]! * xRe[j]!;
  }
  return { yRe, yIm };
}

describe("SparseComplexLu", () => {
  it("solve(A, A·x) recovers x for random sparse complex matrices, with and without zero diagonals", () => {
    const random = prng(7);
    for (let trial = 0; trial < 60; trial++) {
      const n = 2 + Math.floor(random() * 60);
      const m = randomSparse(n, 0.08, random, trial % 2 === 1);
      const xRe = Float64Array.from({ length: n }, () => random() - 0.5);
      const xIm = Float64Array.from({ length: n }, () => random() - 0.5);
      const { yRe, yIm } = multiply(n, m, xRe, xIm);
      const lu = new SparseComplexLu(n, m.rows, m.cols);
      expect(lu.factor(m.re, m.im)).toBe(true);
      const sRe = new Float64Array(n);
      const sIm = new Float64Array(n);
      lu.solve(yRe, yIm, sRe, sIm);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(sRe[i]! - xRe[i]!)).toBeLessThan(1e-9);
        expect(Math.abs(sIm[i]! - xIm[i]!)).toBeLessThan(1e-9);
      }
    }
  });

  it("refactorises new values along the same order, and re-orders when a pivot vanishes", () => {
    // [[a, 1], [1, 0]]: first ordered with a = 1 (pivot on a), then a = 0 forces a new order.
    const rows = Int32Array.of(0, 0, 1);
    const cols = Int32Array.of(0, 1, 0);
    const lu = new SparseComplexLu(2, rows, cols);
    const im = new Float64Array(3);
    const x = [new Float64Array(2), new Float64Array(2)] as const;
    expect(lu.factor(Float64Array.of(1, 1, 1), im)).toBe(true);
    expect(lu.factor(Float64Array.of(0, 1, 1), im)).toBe(true);
    lu.solve(Float64Array.of(2, 3), new Float64Array(2), x[0], x[1]);
    expect(x[0][0]).toBeCloseTo(3, 12);
    expect(x[0][1]).toBeCloseTo(2, 12);
  });

  it("reports a singular matrix instead of returning NaN", () => {
    const rows = Int32Array.of(0, 0, 1, 1);
    const cols = Int32Array.of(0, 1, 0, 1);
    const lu = new SparseComplexLu(2, rows, cols);
    expect(lu.factor(Float64Array.of(1, 2, 2, 4), new Float64Array(4))).toBe(false);
    expect(lu.singularRows.length).toBeGreaterThan(0);
  });
});
