import { describe, expect, it } from "vitest";
import { simulate } from "../simulate/simulate.js";
import { milliwattMinusVoltDb, sensitivity } from "./sensitivity.js";

describe("sensitivity", () => {
  it("turns a level at 1 V into dB SPL per mW through the input impedance", () => {
    // A 32 Ω resistor beside a volume-velocity path: the acoustic side is driven by a separate
    // source, so the level is known and the power is V²/R exactly.
    const result = simulate(
      {
        tympan: 1,
        elements: [
          { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 2 },
          { id: "R", type: "resistor", nodes: ["in", "0"], resistance: 32 },
          { id: "q", type: "volumeVelocitySource", nodes: ["a", "0"], volumeVelocity: 1e-8 },
          { id: "v", type: "coupler2cc", nodes: ["a"] },
        ],
        probes: [{ id: "p", node: "a" }],
      },
      { frequencies: [100, 1000, 2000] },
    );
    const s = sensitivity(result, "p", 2);
    // 1e-8 m³/s into 2 cm³ at 1 kHz is 75.06 dB (docs/physics.md §8), whatever the 2 V drive.
    expect(s.dbSplPerVolt).toBeCloseTo(75.06 - 20 * Math.log10(2), 2);
    expect(s.impedanceOhm).toBeCloseTo(32, 9);
    // 1 V into 32 Ω is 31.25 mW: per mW is 10·log10(31.25) dB lower than per volt.
    expect(s.dbSplPerVolt - s.dbSplPerMilliwatt).toBeCloseTo(10 * Math.log10(31.25), 9);
  });

  it("names what is missing", () => {
    const result = { frequencyHz: [1000], probes: {} };
    expect(() => sensitivity(result, "drum", 1)).toThrow(/"drum"/);
  });
});

describe("milliwattMinusVoltDb", () => {
  it("is −10·log10(P(1 V)/1 mW) with P = cos φ/|Z|", () => {
    // 32 Ω resistive: 1 V gives 31.25 mW, so dB/mW = dB/V − 14.949 dB.
    expect(milliwattMinusVoltDb(32, 0)).toBeCloseTo(-10 * Math.log10(31.25), 12);
    // At 60° only half the volt-amperes are real power: 3.01 dB more per mW.
    expect(milliwattMinusVoltDb(32, 60) - milliwattMinusVoltDb(32, 0)).toBeCloseTo(
      10 * Math.log10(2),
      12,
    );
  });
});
