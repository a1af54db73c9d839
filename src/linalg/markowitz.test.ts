import { describe, expect, it } from "vitest";
import { markowitzOrder } from "./markowitz.js";

type Arguments = Parameters<typeof markowitzOrder>;

/**
 * 2000 seeded random matrices of 1–40 unknowns: mostly a diagonal plus up to 4n scattered entries
 * (repeated coordinates included, which add up), some exact zeros, some entries 1e10 times smaller,
 * random `last` and `first` marks and thresholds of 1e-3 and 0.1. About 44 % can be ordered, the
 * rest are singular, exactly or numerically.
 */
function* randomMatrices(): Generator<Arguments> {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let t = 0; t < 2000; t++) {
    const n = 1 + Math.floor(random() * 40);
    const scattered = Math.floor(random() * n * 4);
    const rows: number[] = [];
    const cols: number[] = [];
    const re: number[] = [];
    const im: number[] = [];
    for (let i = 0; i < n; i++) {
      if (random() >= 0.9) continue;
      rows.push(i);
      cols.push(i);
      re.push(random() < 0.1 ? 0 : random() - 0.5);
      im.push(random() < 0.5 ? 0 : random() - 0.5);
    }
    for (let s = 0; s < scattered; s++) {
      rows.push(Math.floor(random() * n));
      cols.push(Math.floor(random() * n));
      const zero = random() < 0.1;
      re.push(zero ? 0 : (random() - 0.5) * (random() < 0.2 ? 1e-10 : 1));
      im.push(zero ? 0 : random() - 0.5);
    }
    const last = new Uint8Array(n);
    const first = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (random() < 0.1) last[i] = 1;
      else if (random() < 0.2) first[i] = 1;
    }
    const threshold = random() < 0.5 ? 1e-3 : 0.1;
    yield [
      n,
      Int32Array.from(rows),
      Int32Array.from(cols),
      Float64Array.from(re),
      Float64Array.from(im),
      last,
      threshold,
      first,
    ];
  }
}

describe("Markowitz ordering", () => {
  it("orders every matrix exactly as the earlier, map-based implementation did", () => {
    // FNV-1a over every outcome: the order, or the rows and columns left and whether exactly
    // singular. 600633842 (873 ordered, 1127 singular) is what the implementation with a Map per
    // row and a Set per column and bucket gave (commit fd38e69): the search visits rows and entries
    // in the same order, so the typed-array one must give the same orders, tie for tie.
    let hash = 2166136261;
    const mix = (x: number) => {
      hash = Math.imul(hash ^ (x & 0xffff), 16777619) >>> 0;
      hash = Math.imul(hash ^ (x >>> 16), 16777619) >>> 0;
    };
    let ordered = 0;
    let singular = 0;
    for (const args of randomMatrices()) {
      const outcome = markowitzOrder(...args);
      if (outcome.ok) {
        ordered++;
        mix(1);
        outcome.order.rowOrder.forEach(mix);
        outcome.order.colOrder.forEach(mix);
      } else {
        singular++;
        mix(2);
        outcome.rows.forEach(mix);
        outcome.cols.forEach(mix);
        mix(outcome.exact ? 1 : 0);
      }
    }
    expect([ordered, singular]).toEqual([873, 1127]);
    expect(hash).toBe(600633842);
  });

  it("gives permutations whose every pivot passes the threshold test in its column", () => {
    let checked = 0;
    for (const [n, rows, cols, re, im, last, threshold, first] of randomMatrices()) {
      const outcome = markowitzOrder(n, rows, cols, re, im, last, threshold, first);
      if (!outcome.ok) continue;
      const { rowOrder, colOrder } = outcome.order;
      expect(new Set(rowOrder).size).toBe(n);
      expect(new Set(colOrder).size).toBe(n);
      // Dense elimination along the order: each pivot at least `threshold` times the largest
      // entry left in its column (up to rounding: the ordering eliminated sparsely).
      const a = Array.from({ length: n }, () => Array.from({ length: n }, () => [0, 0]));
      for (let s = 0; s < rows.length; s++) {
        a[rows[s]!]![cols[s]!]![0]! += re[s]!;
        a[rows[s]!]![cols[s]!]![1]! += im[s]!;
      }
      const done = new Uint8Array(n);
      for (let k = 0; k < n; k++) {
        const p = rowOrder[k]!;
        const q = colOrder[k]!;
        const size = ([x, y]: number[]) => Math.hypot(x!, y!);
        let largest = 0;
        for (let i = 0; i < n; i++) if (!done[i]) largest = Math.max(largest, size(a[i]![q]!));
        const [pr, pi] = a[p]![q]!;
        expect(size([pr!, pi!])).toBeGreaterThanOrEqual(threshold! * largest * (1 - 1e-9));
        done[p] = 1;
        const d = pr! * pr! + pi! * pi!;
        for (let i = 0; i < n; i++) {
          if (done[i]) continue;
          const [ar, ai] = a[i]![q]!;
          const fr = (ar! * pr! + ai! * pi!) / d;
          const fi = (ai! * pr! - ar! * pi!) / d;
          for (let j = 0; j < n; j++) {
            const [ur, ui] = a[p]![j]!;
            a[i]![j]![0]! -= fr * ur! - fi * ui!;
            a[i]![j]![1]! -= fr * ui! + fi * ur!;
          }
        }
      }
      checked++;
    }
    expect(checked).toBe(873);
  });
});
