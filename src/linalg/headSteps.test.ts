import { describe, expect, it } from "vitest";
import { mulberry32 as prng } from "../../test/support/prng.js";
import { blockMatrix } from "../../test/support/blockMatrix.js";
import { compileElimination } from "./compiledElimination.js";
import { eliminateLoop } from "./eliminationLoop.js";
import { SparseComplexLu, forgetSharedPlans } from "./sparseLu.js";

type Matrix = ReturnType<typeof blockMatrix>;

/** Loads the matrix into the factor's storage by slot (fill-in and the head's sums zero). */
function load(lu: SparseComplexLu, m: Matrix): void {
  const plan = lu.currentPlan!;
  const values = lu.values;
  for (const p of plan.fillOffset) values[p] = values[p + 1] = 0;
  plan.slotOffset.forEach((p, s) => {
    values[p] = m.re[s]!;
    values[p + 1] = m.im[s]!;
  });
}

/** The head's sums as the last whole factorisation left them. */
function sums(lu: SparseComplexLu): Float64Array {
  const plan = lu.currentPlan!;
  const from = 2 * plan.rowStart[plan.rowStart.length - 1]!;
  return lu.values.slice(from, from + plan.boundary.length);
}

/** The tail alone, from kept sums, with NaN in every entry of the head's rows and columns. */
function factorTail(lu: SparseComplexLu, m: Matrix, kept: Float64Array): boolean {
  load(lu, m);
  const plan = lu.currentPlan!;
  const values = lu.values;
  for (let i = 0; i < plan.rowStart.length - 1; i++)
    for (let p = plan.rowStart[i]!; p < plan.rowStart[i + 1]!; p++)
      if (i < plan.headSteps || plan.colIndex[p]! < plan.headSteps)
        values[2 * p] = values[2 * p + 1] = NaN;
  values.set(kept, 2 * plan.rowStart[plan.rowStart.length - 1]!);
  return lu.factorTailInPlace();
}

describe("a factor's head (eliminateFirst)", () => {
  it("eliminates the given unknowns first and still solves to rounding", () => {
    const random = prng(11);
    for (let trial = 0; trial < 5; trial++) {
      const m = blockMatrix(3 + trial, 4, 5, random);
      const headed = new SparseComplexLu(m.n, m.rows, m.cols, { eliminateFirst: m.first });
      const plain = new SparseComplexLu(m.n, m.rows, m.cols);
      expect(headed.factor(m.re, m.im)).toBe(true);
      expect(plain.factor(m.re, m.im)).toBe(true);
      const plan = headed.currentPlan!;
      expect(plan.headSteps).toBe(m.first.length);
      expect(plan.boundary.length).toBeGreaterThan(0);
      for (let k = 0; k < plan.headSteps; k++) expect(m.first).toContain(plan.colOrder[k]);
      const bRe = Float64Array.from({ length: m.n }, () => random() - 0.5);
      const bIm = Float64Array.from({ length: m.n }, () => random() - 0.5);
      const x = [new Float64Array(m.n), new Float64Array(m.n)] as const;
      const y = [new Float64Array(m.n), new Float64Array(m.n)] as const;
      headed.solve(bRe, bIm, x[0], x[1]);
      plain.solve(bRe, bIm, y[0], y[1]);
      for (let i = 0; i < m.n; i++) {
        expect(Math.abs(x[0][i]! - y[0][i]!)).toBeLessThan(1e-12);
        expect(Math.abs(x[1][i]! - y[1][i]!)).toBeLessThan(1e-12);
      }
    }
  });

  it("factorises the tail alone from kept sums exactly as the whole, reading nothing of the head", () => {
    const random = prng(12);
    for (let trial = 0; trial < 4; trial++) {
      const m = blockMatrix(4, 3 + trial, 6, random);
      const driven = Int32Array.of(m.tail[0]!);
      const wanted = Int32Array.from(m.tail.slice(1, 4));
      const options = { eliminateFirst: m.first, eliminateLast: [...driven, ...wanted] };
      const bRe = new Float64Array(m.n);
      const bIm = new Float64Array(m.n);
      bRe[driven[0]!] = 1;
      bIm[driven[0]!] = -0.25;
      forgetSharedPlans();
      const lu = new SparseComplexLu(m.n, m.rows, m.cols, options);
      // Under the loop, then under WebAssembly (compiled after 1500 factorisations of the plan).
      for (const uses of [1, 1600]) {
        for (let use = 0; use < uses; use++) expect(lu.factor(m.re, m.im)).toBe(true);
        const whole = [new Float64Array(m.n), new Float64Array(m.n)] as const;
        lu.solveFor(bRe, bIm, wanted, whole[0], whole[1], driven);
        const largest = lu.largestMultiplier();
        const head = lu.headLargestMultiplier();
        expect(head).toBeLessThanOrEqual(largest);
        const kept = sums(lu);
        expect(factorTail(lu, m, kept)).toBe(true);
        const tail = [new Float64Array(m.n), new Float64Array(m.n)] as const;
        lu.solveFor(bRe, bIm, wanted, tail[0], tail[1], driven);
        for (const k of wanted) {
          expect(Object.is(tail[0][k], whole[0][k])).toBe(true);
          expect(Object.is(tail[1][k], whole[1][k])).toBe(true);
        }
        expect(Math.max(head, lu.largestMultiplier())).toBe(largest);
      }
      expect(lu.elimination).toBe("webassembly");
    }
  });

  it("gives the loop's factors in WebAssembly, head and boundary included", () => {
    const random = prng(13);
    const m = blockMatrix(6, 4, 7, random);
    const options = { eliminateFirst: m.first };
    const used = new SparseComplexLu(m.n, m.rows, m.cols, options);
    for (let use = 0; use < 1600; use++) expect(used.factor(m.re, m.im)).toBe(true);
    expect(used.elimination).toBe("webassembly");
    forgetSharedPlans();
    const fresh = new SparseComplexLu(m.n, m.rows, m.cols, options);
    const re = m.re.map((value) => value * (1 + 0.2 * (random() - 0.5)));
    expect(fresh.factor(m.re, m.im)).toBe(true);
    expect(fresh.elimination).toBe("loop");
    expect(used.factor(re, m.im)).toBe(fresh.factor(re, m.im));
    expect([...used.values.subarray(0, fresh.values.length)]).toEqual([...fresh.values]);
    expect(used.headLargestMultiplier()).toBe(fresh.headLargestMultiplier());
    expect(used.largestMultiplier()).toBe(fresh.largestMultiplier());
  });

  it("gives the loop's factors in generated JavaScript (where WebAssembly cannot run), head and boundary included", () => {
    const random = prng(14);
    const m = blockMatrix(5, 5, 6, random);
    const lu = new SparseComplexLu(m.n, m.rows, m.cols, { eliminateFirst: m.first });
    expect(lu.factor(m.re, m.im)).toBe(true);
    const plan = lu.currentPlan!;
    expect(plan.boundary.length).toBeGreaterThan(0);
    load(lu, m);
    const loaded = lu.values.slice(0, 2 * plan.size);
    const run = (eliminate: typeof eliminateLoop) => {
      const values = loaded.slice();
      const inverse = new Float64Array(2 * m.n);
      const before = new Float64Array(m.n);
      expect(eliminate(plan, m.n, values, inverse, before, 1e-8)).toBe(true);
      return [...values, ...inverse, ...before];
    };
    const compiled = compileElimination(plan, m.n)!;
    expect(run((_p, _n, lu, inv, pb, limit) => compiled(lu, inv, pb, limit))).toEqual(
      run(eliminateLoop),
    );
  });
});
