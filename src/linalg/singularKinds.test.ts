import { describe, expect, it } from "vitest";
import { SparseComplexLu } from "./sparseLu.js";

/** The 2×2 matrix [[1, 1], [1, d]] as slots. */
function factorWith(d: number): SparseComplexLu {
  const lu = new SparseComplexLu(2, Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 1, 0, 1));
  lu.factor(Float64Array.of(1, 1, 1, d), new Float64Array(4));
  return lu;
}

describe("singular or ill-conditioned", () => {
  it("calls a matrix singular exactly when elimination leaves exact zeros", () => {
    const lu = factorWith(1);
    expect(lu.factor(Float64Array.of(1, 1, 1, 1), new Float64Array(4))).toBe(false);
    expect(lu.singularExactly).toBe(true);
  });

  it("calls it singular exactly when a row has no non-zero entry", () => {
    const lu = factorWith(1);
    expect(lu.factor(Float64Array.of(1, 1, 0, 0), new Float64Array(4))).toBe(false);
    expect(lu.singularExactly).toBe(true);
    expect(lu.singularRows).toEqual([1]);
  });

  it("calls it ill-conditioned when what is left is non-zero but below double precision's reach", () => {
    // 1 + 2⁻⁵⁰ − 1 = 8.9e-16: not zero, but below 1e-14 of the matrix's scale.
    const lu = factorWith(1 + 2 ** -50);
    expect(lu.factor(Float64Array.of(1, 1, 1, 1 + 2 ** -50), new Float64Array(4))).toBe(false);
    expect(lu.singularExactly).toBe(false);
  });

  it("factorises the same matrix once the difference is resolvable", () => {
    const lu = factorWith(1 + 2 ** -40);
    expect(lu.factor(Float64Array.of(1, 1, 1, 1 + 2 ** -40), new Float64Array(4))).toBe(true);
  });
});
