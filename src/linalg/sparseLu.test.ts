import { describe, expect, it } from "vitest";
import { mulberry32 as prng } from "../../test/support/prng.js";
import { triplets } from "../../test/support/triplets.js";
import { SparseComplexLu, forgetSharedPlans } from "./sparseLu.js";

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
  return triplets(n, entries);
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

  it("gives bit-identical factors once a much-used plan is compiled to straight-line code", () => {
    const random = prng(11);
    for (let trial = 0; trial < 12; trial++) {
      // Up to 400 unknowns, so that large plans are compiled in several parts.
      const n = trial < 10 ? 3 + Math.floor(random() * 40) : 300 + Math.floor(random() * 50);
      const m = randomSparse(n, trial < 10 ? 0.1 : 0.003, random, trial % 2 === 1);
      const xRe = Float64Array.from({ length: n }, () => random() - 0.5);
      const xIm = Float64Array.from({ length: n }, () => random() - 0.5);
      const { yRe, yIm } = multiply(n, m, xRe, xIm);
      const lu = new SparseComplexLu(n, m.rows, m.cols);
      const first = [new Float64Array(n), new Float64Array(n)] as const;
      const later = [new Float64Array(n), new Float64Array(n)] as const;
      expect(lu.factor(m.re, m.im)).toBe(true);
      lu.solve(yRe, yIm, first[0], first[1]);
      let factored = true;
      for (let use = 0; use < 1600; use++) factored &&= lu.factor(m.re, m.im);
      expect(factored).toBe(true);
      expect(lu.elimination).not.toBe("loop");
      lu.solve(yRe, yIm, later[0], later[1]);
      expect(lu.orderings).toBe(1);
      expect([...later[0]]).toEqual([...first[0]]);
      expect([...later[1]]).toEqual([...first[1]]);
    }
  });

  it("runs a much-used plan in WebAssembly with the loop's factors and largest multiplier", () => {
    const random = prng(31);
    for (let trial = 0; trial < 6; trial++) {
      const n = 10 + Math.floor(random() * 60);
      const m = randomSparse(n, 0.08, random, trial % 2 === 1);
      const bRe = Float64Array.from({ length: n }, () => random() - 0.5);
      const bIm = Float64Array.from({ length: n }, () => random() - 0.5);
      const used = new SparseComplexLu(n, m.rows, m.cols);
      for (let use = 0; use < 1600; use++) expect(used.factor(m.re, m.im)).toBe(true);
      // Node 20 and every current browser run WebAssembly with SIMD.
      expect(used.elimination).toBe("webassembly");
      forgetSharedPlans(); // so that `fresh` builds its own plan and runs the loop
      const fresh = new SparseComplexLu(n, m.rows, m.cols);
      expect(fresh.factor(m.re, m.im)).toBe(true);
      expect(fresh.elimination).toBe("loop");
      // Values changed away from the ordering's: other multipliers, the same plans.
      const re = m.re.map((value) => value * (1 + 0.3 * (random() - 0.5)));
      expect(used.factor(re, m.im)).toBe(fresh.factor(re, m.im));
      expect(used.largestMultiplier()).toBe(fresh.largestMultiplier());
      const a = [new Float64Array(n), new Float64Array(n)] as const;
      const f = [new Float64Array(n), new Float64Array(n)] as const;
      used.solve(bRe, bIm, a[0], a[1]);
      fresh.solve(bRe, bIm, f[0], f[1]);
      expect([...a[0], ...a[1]]).toEqual([...f[0], ...f[1]]);
    }
  });

  it("checks pivots under a compiled plan as the loop does, re-ordering where one cancels", () => {
    // Tridiagonal [[1, 1, 0], [1, d, e], [0, e, 1]]: whichever order is chosen, some d and e make
    // a later pivot cancel to almost nothing.
    const rows = Int32Array.of(0, 0, 1, 1, 1, 2, 2);
    const cols = Int32Array.of(0, 1, 0, 1, 2, 1, 2);
    const values = (d: number, e: number) => Float64Array.of(1, 1, 1, d, e, e, 1);
    const im = new Float64Array(7);
    const used = new SparseComplexLu(3, rows, cols);
    const fresh = new SparseComplexLu(3, rows, cols);
    for (let use = 0; use < 1600; use++) used.factor(values(3, 1), im);
    expect(used.elimination).not.toBe("loop");
    forgetSharedPlans(); // so that `fresh` builds its own plan and runs the loop
    expect(fresh.factor(values(3, 1), im)).toBe(true);
    expect(fresh.elimination).toBe("loop");
    const b = Float64Array.of(1, 2, 3);
    const zero = new Float64Array(3);
    for (const [d, e] of [
      [1 + 1e-12, 1e-6],
      [2, 1],
      [1, 1 + 1e-12],
      [1 + 1e-12, 1 + 1e-12],
      [5, 2],
    ] as const) {
      const a = [new Float64Array(3), new Float64Array(3)] as const;
      const f = [new Float64Array(3), new Float64Array(3)] as const;
      expect(used.factor(values(d, e), im)).toBe(fresh.factor(values(d, e), im));
      expect(used.orderings).toBe(fresh.orderings);
      used.solve(b, zero, a[0], a[1]);
      fresh.solve(b, zero, f[0], f[1]);
      expect([...a[0], ...a[1]]).toEqual([...f[0], ...f[1]]);
    }
    expect(used.orderings).toBeGreaterThan(1);
  });

  it("gives bit-identical partial solves once a repeated solveFor is compiled", () => {
    const random = prng(5);
    for (let trial = 0; trial < 8; trial++) {
      const n = 5 + Math.floor(random() * 40);
      const m = randomSparse(n, 0.1, random, trial % 2 === 1);
      const driven = Int32Array.of(Math.floor(random() * n), Math.floor(random() * n));
      const wanted = Int32Array.of(0, Math.floor(random() * n), n - 1);
      const bRe = new Float64Array(n);
      const bIm = new Float64Array(n);
      for (const row of driven) {
        bRe[row] = random() - 0.5;
        bIm[row] = random() - 0.5;
      }
      const options = trial < 4 ? { eliminateLast: [...driven, ...wanted] } : {};
      const used = new SparseComplexLu(n, m.rows, m.cols, options);
      const fresh = new SparseComplexLu(n, m.rows, m.cols, options);
      expect(used.factor(m.re, m.im)).toBe(true);
      const a = [new Float64Array(n), new Float64Array(n)] as const;
      const f = [new Float64Array(n), new Float64Array(n)] as const;
      const full = [new Float64Array(n), new Float64Array(n)] as const;
      for (let use = 0; use < 1600; use++) used.solveFor(bRe, bIm, wanted, a[0], a[1], driven);
      // (private, read here only to make sure the compiled code is what was tested)
      const partials = (
        used as unknown as {
          partials: {
            byWanted: Map<Int32Array, Map<Int32Array, { entry?: { code?: unknown } }>>;
          };
        }
      ).partials.byWanted;
      expect(partials.get(wanted)?.get(driven)?.entry?.code).toBeTruthy();
      forgetSharedPlans(); // so that `fresh` builds its own plan and runs the loop
      expect(fresh.factor(m.re, m.im)).toBe(true);
      fresh.solveFor(bRe, bIm, wanted, f[0], f[1], driven);
      fresh.solve(bRe, bIm, full[0], full[1]);
      for (const k of wanted) {
        expect(a[0][k]).toBe(f[0][k]);
        expect(a[1][k]).toBe(f[1][k]);
        expect(Math.abs(a[0][k]! - full[0][k]!)).toBeLessThan(1e-9);
        expect(Math.abs(a[1][k]! - full[1][k]!)).toBeLessThan(1e-9);
      }
    }
  });

  it("shares plans and compiled code between factorisations of one pattern, with the same results", () => {
    const random = prng(23);
    const n = 30;
    const m = randomSparse(n, 0.1, random, true);
    const bRe = Float64Array.from({ length: n }, () => random() - 0.5);
    const bIm = Float64Array.from({ length: n }, () => random() - 0.5);
    const solved = (lu: SparseComplexLu) => {
      const x = [new Float64Array(n), new Float64Array(n)] as const;
      lu.solve(bRe, bIm, x[0], x[1]);
      return [...x[0], ...x[1]];
    };
    const first = new SparseComplexLu(n, m.rows, m.cols);
    expect(first.factor(m.re, m.im)).toBe(true);
    expect(first.elimination).toBe("loop");
    const expected = solved(first);
    for (let use = 0; use < 1600; use++) {
      first.factor(m.re, m.im);
      solved(first);
    }
    expect(first.elimination).not.toBe("loop");
    expect(solved(first)).toEqual(expected);
    // A new factorisation of the same pattern, ordered the same way, starts with that plan's code.
    const second = new SparseComplexLu(n, m.rows, m.cols);
    expect(second.factor(m.re, m.im)).toBe(true);
    expect(second.currentPlan).toBe(first.currentPlan);
    expect(second.elimination).not.toBe("loop");
    expect(solved(second)).toEqual(expected);
  });
});
