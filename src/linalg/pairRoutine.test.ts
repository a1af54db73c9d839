import { describe, expect, it } from "vitest";
import { blockMatrix } from "../../test/support/blockMatrix.js";
import { mulberry32 as prng } from "../../test/support/prng.js";
import type { PairRoutine } from "./routines.js";
import { SparseComplexLu } from "./sparseLu.js";

type Matrix = ReturnType<typeof blockMatrix>;

/** Writes matrix `m` (values re, im by slot) as matrix `lane` of the paired storage. */
function loadLane(
  lu: SparseComplexLu,
  pair: PairRoutine,
  lane: number,
  re: Float64Array,
  im: Float64Array,
) {
  const plan = lu.currentPlan!;
  plan.slotOffset.forEach((p, s) => {
    pair.values[2 * p + lane] = re[s]!;
    pair.values[2 * p + 2 + lane] = im[s]!;
  });
}

/** The matrix's values scaled entry by entry by 1 ± spread/2 (the same pattern). */
function varied(m: Matrix, spread: number, random: () => number) {
  return {
    re: m.re.map((value) => value * (1 + spread * (random() - 0.5))),
    im: m.im.map((value) => value * (1 + spread * (random() - 0.5))),
  };
}

describe("two factorisations at once (pairRoutine)", () => {
  it("gives each matrix the bits, largest multiplier and solution of factorising it alone", () => {
    const random = prng(41);
    for (let trial = 0; trial < 6; trial++) {
      // Half the trials with a head (eliminateFirst), whose sums the pair adds at the boundary.
      const m = blockMatrix(3 + trial, 3 + (trial % 3), 6, random);
      const driven = Int32Array.of(m.tail[0]!);
      const wanted = Int32Array.from(m.tail.slice(2, 4));
      const lu = new SparseComplexLu(m.n, m.rows, m.cols, {
        eliminateLast: [...driven, ...wanted],
        ...(trial % 2 === 0 ? { eliminateFirst: m.first } : {}),
      });
      expect(lu.pairRoutine([[wanted, driven]])).toBeUndefined(); // no plan yet
      expect(lu.factor(m.re, m.im)).toBe(true);
      // A third of the trials with the plan's single elimination still the loop, the rest compiled.
      if (trial % 3 === 0) expect(lu.elimination).toBe("loop");
      else for (let use = 0; use < 1600; use++) expect(lu.factor(m.re, m.im)).toBe(true);
      const pair = lu.pairRoutine([[wanted, driven]])!;
      expect(pair).toBeDefined();
      if (trial % 2 === 0) expect(lu.currentPlan!.headSteps).toBeGreaterThan(0);

      const bRe = new Float64Array(m.n);
      const bIm = new Float64Array(m.n);
      bRe[driven[0]!] = 1;
      const matrices = [varied(m, 0.4, random), varied(m, 0.4, random)];
      const alone = matrices.map(({ re, im }) => {
        expect(lu.factor(re, im)).toBe(true);
        const x = [new Float64Array(m.n), new Float64Array(m.n)] as const;
        lu.solveFor(bRe, bIm, wanted, x[0], x[1], driven);
        return {
          largest: lu.largestMultiplier(),
          x: [...wanted].flatMap((u) => [x[0][u], x[1][u]]),
        };
      });
      expect(lu.orderings).toBe(1);

      pair.values.fill(0);
      matrices.forEach(({ re, im }, lane) => loadLane(lu, pair, lane, re, im));
      expect(pair.eliminate()).toBe(true);
      for (const lane of [0, 1]) {
        expect(pair.largest(lane)).toBe(alone[lane]!.largest);
        pair.unpack(lane);
        const x = [new Float64Array(m.n), new Float64Array(m.n)] as const;
        lu.solveFor(bRe, bIm, wanted, x[0], x[1], driven);
        const got = [...wanted].flatMap((u) => [x[0][u], x[1][u]]);
        expect(
          got.every((value, k) => Object.is(value, alone[lane]!.x[k])),
          `trial ${trial}, lane ${lane}`,
        ).toBe(true);
      }
    }
  });

  it("refuses the pair when a pivot of either matrix cannot be trusted", () => {
    const random = prng(42);
    const m = blockMatrix(4, 3, 6, random);
    const driven = Int32Array.of(m.tail[0]!);
    const wanted = Int32Array.of(m.tail[1]!);
    const lu = new SparseComplexLu(m.n, m.rows, m.cols, { eliminateLast: [...driven, ...wanted] });
    expect(lu.factor(m.re, m.im)).toBe(true);
    const pair = lu.pairRoutine([[wanted, driven]])!;
    const plan = lu.currentPlan!;
    // The first pivot's entry zero in one matrix: nothing is left to divide by.
    const slot = [...plan.slotOffset].indexOf(plan.pivotOffset[0]!);
    expect(slot).toBeGreaterThanOrEqual(0);
    for (const bad of [0, 1]) {
      pair.values.fill(0);
      for (const lane of [0, 1]) {
        const re = m.re.slice();
        const im = m.im.slice();
        if (lane === bad) re[slot] = im[slot] = 0;
        loadLane(lu, pair, lane, re, im);
      }
      expect(pair.eliminate(), `matrix ${bad} bad`).toBe(false);
    }
  });

  it("lays out the tables of a plan with more records than a call takes arguments", () => {
    // A chain of 60 000 unknowns: about 60 000 updates, 180 000 words of records.
    const n = 60_000;
    const rows: number[] = [];
    const cols: number[] = [];
    for (let i = 0; i < n; i++) {
      rows.push(i);
      cols.push(i);
      if (i + 1 === n) continue;
      rows.push(i, i + 1);
      cols.push(i + 1, i);
    }
    const re = Float64Array.from(rows, (row, s) => (row === cols[s] ? 4 : -1));
    const lu = new SparseComplexLu(n, Int32Array.from(rows), Int32Array.from(cols), {
      eliminateLast: [n - 1],
    });
    expect(lu.factor(re, new Float64Array(re.length))).toBe(true);
    const last = Int32Array.of(n - 1);
    expect(lu.pairRoutine([[last, last]])).toBeDefined();
  });
});
