import { describe, expect, it } from "vitest";
import { differentialEvolution } from "./differentialEvolution.js";

// Rastrigin's function on [0, 1]² mapped to [−5.12, 5.12]²: 120 local minima, the global one at the centre.
const rastrigin = (u: readonly number[]) =>
  u.reduce((sum, ui) => {
    const x = (ui - 0.5) * 10.24;
    return sum + 10 + x * x - 10 * Math.cos(2 * Math.PI * x);
  }, 0);

describe("differentialEvolution(objective, dimension, options)", () => {
  it("finds Rastrigin's global minimum among its local ones", () => {
    const result = differentialEvolution(rastrigin, 2, {
      seed: 7,
      evaluations: 3000,
      population: 30,
    });
    expect(result.value).toBeLessThan(0.05);
    expect(result.x[0]).toBeCloseTo(0.5, 2);
    expect(result.x[1]).toBeCloseTo(0.5, 2);
    expect(result.evaluations).toBeLessThanOrEqual(3000);
  });

  it("is deterministic per seed and never worse than an included point", () => {
    const bowl = (u: readonly number[]) => (u[0]! - 0.3) ** 2 + (u[1]! - 0.8) ** 2;
    const a = differentialEvolution(bowl, 2, { seed: 3, evaluations: 60, include: [[0.3, 0.8]] });
    const b = differentialEvolution(bowl, 2, { seed: 3, evaluations: 60, include: [[0.3, 0.8]] });
    expect(a).toEqual(b);
    expect(a.value).toBe(0);
    const c = differentialEvolution(bowl, 2, { seed: 4, evaluations: 60 });
    expect(c.x).not.toEqual(differentialEvolution(bowl, 2, { seed: 3, evaluations: 60 }).x);
  });

  it("keeps every trial inside the unit cube", () => {
    const seen: number[] = [];
    differentialEvolution((u) => (seen.push(...u), -u[0]! - u[1]!), 2, {
      seed: 1,
      evaluations: 400,
    });
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
  });
});
