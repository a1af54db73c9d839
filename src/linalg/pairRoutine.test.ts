import { describe, expect, it } from "vitest";
import { blockMatrix } from "../../test/support/blockMatrix.js";
import { mulberry32 as prng } from "../../test/support/prng.js";
import type { PairRoutine } from "./routines.js";
import { SparseComplexLu } from "./sparseLu.js";

type Matrix = ReturnType<typeof blockMatrix>;

/** No entry written by an assembly: the elimination reads every entry from the image first. */
const NO_ENTRIES = new Int32Array(0);

/** Writes matrix `m` (values re, im by slot) as matrix `lane` of the paired image. */
function loadLane(
  lu: SparseComplexLu,
  pair: PairRoutine,
  lane: number,
  re: Float64Array,
  im: Float64Array,
) {
  const plan = lu.currentPlan!;
  plan.slotOffset.forEach((p, s) => {
    pair.values[pair.imageAt + 2 * p + lane] = re[s]!;
    pair.values[pair.imageAt + 2 * p + 2 + lane] = im[s]!;
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
      expect(lu.pairRoutine([[wanted, driven]], NO_ENTRIES)).toBeUndefined(); // no plan yet
      expect(lu.factor(m.re, m.im)).toBe(true);
      // A third of the trials with the plan's single elimination still the loop, the rest compiled.
      if (trial % 3 === 0) expect(lu.elimination).toBe("loop");
      else for (let use = 0; use < 1600; use++) expect(lu.factor(m.re, m.im)).toBe(true);
      const pair = lu.pairRoutine([[wanted, driven]], NO_ENTRIES)!;
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
    const pair = lu.pairRoutine([[wanted, driven]], NO_ENTRIES)!;
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

  it("assembles the constant matrix and both kinds of jω term at two frequencies, bit for bit", () => {
    const random = prng(43);
    const m = blockMatrix(5, 3, 6, random);
    const lu = new SparseComplexLu(m.n, m.rows, m.cols);
    expect(lu.factor(m.re, m.im)).toBe(true);
    const plan = lu.currentPlan!;
    // A single storage along the plan: every slot's entry a value, the fill-in zero.
    const constantLu = new Float64Array(2 * plan.size);
    for (const p of plan.slotOffset) {
      constantLu[p] = random() - 0.5;
      constantLu[p + 1] = random() - 0.5;
    }
    // Terms on every other slot: j·(ω·times − over/ω), at the offsets of imaginary parts.
    const jOffsets = Int32Array.from(
      plan.slotOffset.filter((_, s) => s % 2 === 0),
      (p) => p + 1,
    );
    const jTimes = Float64Array.from(jOffsets, () => 1e-4 * random());
    const jOver = Float64Array.from(jOffsets, () => 1e-4 * random() * 1e8);
    // Made for those entries: the assembly writes them into the storage, the rest stay in the image.
    const written = Int32Array.from(jOffsets, (q) => q >> 1);
    const pair = lu.pairRoutine([[Int32Array.of(0), Int32Array.of(0)]], written)!;
    const term = new Map([...jOffsets].map((q, k) => [q - 1, k]));
    const omegas = [2 * Math.PI * 1234.5, 2 * Math.PI * 1250.25];
    for (let run = 0; run < 2; run++) {
      pair.values.fill(run); // whatever was there before
      expect(pair.load(constantLu, jOffsets, jTimes, jOver)).toBe(true);
      pair.assemble(omegas[0]!, omegas[1]!);
      let mismatches = 0;
      for (let p = 0; p < 2 * plan.size; p += 2) {
        const k = term.get(p);
        // Written entries in the storage, the others read from the image.
        const at = (k === undefined ? pair.imageAt : 0) + 2 * p;
        for (const lane of [0, 1]) {
          const omega = omegas[lane]!;
          // The sums SweepAssembly.intoFactor makes for one frequency.
          const im =
            k === undefined
              ? constantLu[p + 1]!
              : constantLu[p + 1]! + (omega * jTimes[k]! - jOver[k]! * (1 / omega));
          if (!Object.is(pair.values[at + lane], constantLu[p]!)) mismatches++;
          if (!Object.is(pair.values[at + 2 + lane], im)) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    }
    // A term on an entry the routine was not made for: refused, nothing written.
    const other = lu.pairRoutine([[Int32Array.of(0), Int32Array.of(0)]], written.slice(1))!;
    expect(other.load(constantLu, jOffsets, jTimes, jOver)).toBe(false);
  });

  it("refuses the pair when a pivot of either matrix cancels against its value before", () => {
    // [[1, 1], [1, 1 + ε]]: the second pivot is ε after elimination, 1 + ε before (the test is
    // relative to that: below 1e-8 of it, the order is not to be trusted there).
    const rows = Int32Array.of(0, 0, 1, 1);
    const cols = Int32Array.of(0, 1, 0, 1);
    const im = new Float64Array(4);
    const cancelling = Float64Array.of(1, 1, 1, 1 + 1e-12);
    const benign = Float64Array.of(1, 1, 1, 3);
    for (const bad of [0, 1]) {
      const lu = new SparseComplexLu(2, rows, cols);
      expect(lu.factor(benign, im)).toBe(true);
      const pair = lu.pairRoutine([[Int32Array.of(1), Int32Array.of(1)]], NO_ENTRIES)!;
      pair.values.fill(0);
      for (const lane of [0, 1]) loadLane(lu, pair, lane, lane === bad ? cancelling : benign, im);
      expect(pair.eliminate(), `matrix ${bad} cancels`).toBe(false);
      for (const lane of [0, 1]) loadLane(lu, pair, lane, benign, im);
      expect(pair.eliminate(), "both benign").toBe(true);
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
    expect(lu.pairRoutine([[last, last]], NO_ENTRIES)).toBeDefined();
  });
});
