import { describe, expect, it } from "vitest";
import { mulberry32 as prng } from "../../test/support/prng.js";
import { triplets } from "../../test/support/triplets.js";
import { SparseComplexLu, forgetSharedPlans } from "./sparseLu.js";

/**
 * A random sparse complex matrix of n unknowns: a dominant diagonal and `perRow` more entries a
 * row, magnitudes spread over `decades` (wide spreads make the backward error large enough to
 * refine). Rows from `closedFrom` on have entries only in columns from there on: their unknowns
 * come out exactly zero where their rows are not driven.
 */
function randomMatrix(
  n: number,
  perRow: number,
  decades: number,
  random: () => number,
  closedFrom = n,
) {
  const entries = new Map<number, [number, number]>();
  const size = () => 10 ** (decades * (random() - 0.5));
  for (let i = 0; i < n; i++) {
    const scale = size();
    entries.set(i * n + i, [scale * (2 + random()), scale * (random() - 0.5)]);
    for (let e = 0; e < perRow; e++) {
      const from = i >= closedFrom ? closedFrom : 0;
      const j = from + Math.floor(random() * (n - from));
      if (j !== i) entries.set(i * n + j, [scale * (random() - 0.5), scale * (random() - 0.5)]);
    }
  }
  return { n, ...triplets(n, entries) };
}

type Matrix = ReturnType<typeof randomMatrix>;

/** Whether the factorisation object runs the accuracy check in WebAssembly (a private field). */
function checksInWasm(lu: SparseComplexLu): boolean {
  return (lu as unknown as { storage: { check?: unknown } }).storage.check !== undefined;
}

/** A factorisation object whose plan has served 1600 factorisations: compiled to WebAssembly. */
function warmed(m: Matrix): SparseComplexLu {
  const lu = new SparseComplexLu(m.n, m.rows, m.cols);
  for (let use = 0; use < 1600; use++) expect(lu.factor(m.re, m.im)).toBe(true);
  return lu;
}

/** solveRefined's solution and backward error, as one array of numbers. */
function checked(lu: SparseComplexLu, m: Matrix, b: Float64Array[], refineAbove?: number) {
  const x = [new Float64Array(m.n), new Float64Array(m.n)] as const;
  const error = lu.solveRefined(m.re, m.im, b[0]!, b[1]!, x[0], x[1], undefined, refineAbove);
  return [error, ...x[0], ...x[1]];
}

function expectSameBits(got: number[], want: number[], label: string): void {
  expect(got.length, label).toBe(want.length);
  const differing = got.findIndex((value, i) => !Object.is(value, want[i]));
  expect(differing, `${label}: first differing number`).toBe(-1);
}

describe("the accuracy check in WebAssembly (wasmCheck.ts)", () => {
  it("gives the JavaScript's solutions and backward errors to the last bit, refined or not", () => {
    const random = prng(21);
    for (let trial = 0; trial < 4; trial++) {
      forgetSharedPlans();
      const n = 30 + 10 * trial;
      const m = randomMatrix(n, 3, 6 + 2 * trial, random, Math.ceil((2 * n) / 3));
      const used = warmed(m);
      expect(used.elimination).toBe("webassembly");
      expect(checksInWasm(used)).toBe(true);
      forgetSharedPlans();
      const fresh = new SparseComplexLu(m.n, m.rows, m.cols);
      expect(fresh.factor(m.re, m.im)).toBe(true);
      expect(fresh.elimination).toBe("loop");
      expect(checksInWasm(fresh)).toBe(false);
      expect(used.factor(m.re, m.im)).toBe(true);
      // A right-hand side with zeros and −0s, and the first rows zero (forward substitution skips
      // them in JavaScript and visits them in WebAssembly).
      // The closed last third undriven: its solution is exactly zero, and so must be its signs.
      const b = [new Float64Array(m.n), new Float64Array(m.n)];
      for (let i = 0; i < m.n; i++) {
        const pick = random();
        const zero = i < 3 || i >= Math.ceil((2 * n) / 3);
        b[0]![i] = zero || pick < 0.2 ? (pick < 0.5 ? -0 : 0) : random() - 0.5;
        b[1]![i] = zero || pick < 0.3 ? (pick < 0.6 ? -0 : 0) : random() - 0.5;
      }
      let refined = 0;
      for (const refineAbove of [undefined, 0, Infinity]) {
        const label = `trial ${trial}, refine above ${refineAbove}`;
        const want = checked(fresh, m, b, refineAbove);
        expectSameBits(checked(used, m, b, refineAbove), want, label);
        if (want[0]! > (refineAbove ?? 1e-15)) refined++;
      }
      // Refinement ran at least with refineAbove 0 (any error above 0).
      expect(refined).toBeGreaterThan(0);
    }
  });

  it("moves the factor back into WebAssembly when an ordering with more fill-in came between", () => {
    const random = prng(22);
    forgetSharedPlans();
    const m = randomMatrix(40, 3, 2, random);
    const lu = warmed(m);
    const saved = lu.savedOrder()!;
    // Small diagonals: the ordering pivots off the diagonal and fills in more.
    const offDiagonal = m.re.map((value, s) => (m.rows[s] === m.cols[s] ? value * 1e-9 : value));
    expect(lu.orderAndFactor(offDiagonal, m.im)).toBe(true);
    expect(lu.currentPlan!.size).toBeGreaterThan(saved.plan.size);
    lu.restoreOrder(saved);
    expect(lu.factor(m.re, m.im)).toBe(true);
    forgetSharedPlans();
    const fresh = new SparseComplexLu(m.n, m.rows, m.cols);
    expect(fresh.factor(m.re, m.im)).toBe(true);
    const b = [Float64Array.from({ length: m.n }, () => random() - 0.5), new Float64Array(m.n)];
    expectSameBits(checked(lu, m, b), checked(fresh, m, b), "after the larger ordering");
  });
});
