import { describe, expect, it } from "vitest";
import { fewestHalvingsWithin } from "./halvingSearch.js";

/** What halving one step at a time finds: the first h whose cost is within the limit. */
function oneAtATime(costAt: (h: number) => number, limit: number, maxHalvings: number) {
  for (let h = 0; h < maxHalvings; h++) if (costAt(h) <= limit) return h;
  return undefined;
}

describe("fewestHalvingsWithin", () => {
  it("finds what one-at-a-time halving finds along monotonic walls of every steepness, in fewer evaluations", () => {
    let saved = 0;
    for (const power of [1, 2, 4, 8]) {
      for (const scale of [0.01, 1, 30, 1e4, 1e9]) {
        // cost = 1 + scale·stepᵖ with the step 1/2^h; the limit allows an excess of 1.
        const costAt = (h: number) => 1 + scale * 2 ** (-h * power);
        let evaluations = 0;
        const counted = (h: number) => (evaluations++, costAt(h));
        const found = fewestHalvingsWithin(counted, 1, 2, 12);
        const expected = oneAtATime(costAt, 2, 12);
        expect(found).toBe(expected);
        saved += (expected ?? 11) + 1 - evaluations;
        // Never more than the first evaluation and two per halving of the 12-wide bracket (a
        // steep wall needing few halvings may cost a few more than halving one at a time).
        expect(evaluations).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(12)));
      }
    }
    // Over these twenty walls one at a time takes 35 evaluations more.
    expect(saved).toBeGreaterThan(25);
  });

  it("returns 0 at once when the full step is within the limit, and undefined when no step is (a flat excess: bisection)", () => {
    let evaluations = 0;
    expect(fewestHalvingsWithin(() => (evaluations++, 1.5), 1, 2, 12)).toBe(0);
    expect(evaluations).toBe(1);
    evaluations = 0;
    expect(fewestHalvingsWithin(() => (evaluations++, 5), 1, 2, 12)).toBeUndefined();
    expect(evaluations).toBeLessThan(12);
  });

  it("treats a non-finite cost as over the limit and still finds the boundary", () => {
    const costAt = (h: number) => (h < 3 ? Infinity : h < 6 ? 10 : 1.5);
    expect(fewestHalvingsWithin(costAt, 1, 2, 12)).toBe(6);
  });
});
