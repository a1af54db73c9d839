import { describe, expect, it } from "vitest";
import { simulate } from "../../simulate/simulate.js";

function impedanceOf(coefficient: number, exponent: number, frequencies: number[]) {
  const result = simulate(
    {
      tympan: 1,
      elements: [
        { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "L", type: "semiInductor", nodes: ["in", "0"], coefficient, exponent },
      ],
      probes: [{ id: "in", node: "in" }],
    },
    { frequencies },
  );
  return result.inputImpedance!;
}

describe("semiInductor", () => {
  it("has |Z| = K·ωⁿ and phase n·90° (Vanderkooy's semi-inductor at n = 0.5)", () => {
    const frequencies = [20, 1000, 20000];
    const z = impedanceOf(0.05, 0.5, frequencies);
    frequencies.forEach((f, i) => {
      expect(z.magnitudeOhm[i]! / (0.05 * Math.sqrt(2 * Math.PI * f)) - 1).toBeCloseTo(0, 12);
      expect(z.phaseDeg[i]).toBeCloseTo(45, 10);
    });
  });

  it("is a plain inductance K at n = 1", () => {
    const z = impedanceOf(1e-3, 1, [1000]);
    expect(z.magnitudeOhm[0]! / (2 * Math.PI * 1000 * 1e-3) - 1).toBeCloseTo(0, 12);
    expect(z.phaseDeg[0]).toBeCloseTo(90, 9);
  });

  it("rejects exponents above 1 with the reason", () => {
    expect(() => impedanceOf(1e-3, 1.5, [1000])).toThrow(/≤ 1/);
  });
});
