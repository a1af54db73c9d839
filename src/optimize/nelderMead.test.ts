import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelderMead.js";

describe("nelderMead", () => {
  it("finds the minimum of Rosenbrock's valley at (1, 1)", () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 2000 });
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it("stays within bounds and finds a minimum on the boundary", () => {
    const result = nelderMead(([x, y]) => (x! - 3) ** 2 + (y! + 1) ** 2, [0, 0], {
      lower: [-1, -0.5],
      upper: [2, 1],
    });
    expect(result.x[0]).toBeCloseTo(2, 6);
    expect(result.x[1]).toBeCloseTo(-0.5, 6);
  });

  it("is deterministic and treats non-finite values as infinitely bad", () => {
    const bowl = ([x]: readonly number[]) => (x! < 0 ? NaN : (x! - 2) ** 2);
    const a = nelderMead(bowl, [5]);
    const b = nelderMead(bowl, [5]);
    expect(a).toEqual(b);
    expect(a.x[0]).toBeCloseTo(2, 5);
  });
});
