/**
 * `inputImpedance` must be the impedance the first voltage source sees (its load, with the
 * other independent sources switched off), not V/I of the superposed solution.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/index.js";

describe("inputImpedance is the load seen by the first voltage source", () => {
  it("a 0 V source on an 8 Ω load sees 8 Ω (not an 'open' load of 1.8e308 Ω)", () => {
    // Observed: magnitudeOhm [1.797e308] and the warning 'source "v" drives no current … open'.
    const result = simulate(
      {
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 0 },
          { id: "r", type: "resistor", nodes: ["in", "0"], resistance: 8 },
        ],
        probes: [{ id: "in", node: "in" }],
      },
      { frequencies: [1000] },
    );
    expect(result.inputImpedance!.magnitudeOhm[0]).toBeCloseTo(8, 9);
    expect(result.warnings ?? []).toEqual([]);
  });

  it("a second source elsewhere does not change the impedance the first one sees", () => {
    // v drives 8 Ω; an independent 1 A current source also feeds node "in".
    // Observed: |Z| = 3.43 Ω at 180° (terminal V / total I); the load is 8 Ω at 0°.
    const result = simulate(
      {
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1, outputImpedance: 2 },
          { id: "r", type: "resistor", nodes: ["in", "0"], resistance: 8 },
          { id: "i", type: "currentSource", nodes: ["in", "0"], current: 1 },
        ],
        probes: [{ id: "in", node: "in" }],
      },
      { frequencies: [1000] },
    );
    expect(result.inputImpedance!.magnitudeOhm[0]).toBeCloseTo(8, 9);
    expect(result.inputImpedance!.phaseDeg[0]).toBeCloseTo(0, 9);
  });
});
