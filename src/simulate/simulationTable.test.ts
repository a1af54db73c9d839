import { describe, expect, it } from "vitest";
import { simulate } from "./simulate.js";
import { simulationTable } from "./simulationTable.js";

const divider = {
  tympan: 1,
  name: "divider",
  elements: [
    { id: "src", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
    { id: "R1", type: "resistor", nodes: ["in", "out"], resistance: 10 },
    { id: "R2", type: "resistor", nodes: ["out", "0"], resistance: 30 },
  ],
  probes: [{ id: "out", node: "out" }],
};

describe("simulationTable", () => {
  it("prints a header in each domain's level unit, a rule, and a row per frequency", () => {
    const lines = simulationTable(simulate(divider, { frequencies: [31.5, 1000] }))
      .trimEnd()
      .split("\n");
    expect(lines[0]!.trim().split(/\s{2,}/)).toEqual(["Hz", "out dBV", "out °", "|Z| Ω", "Z °"]);
    expect(lines[1]).toMatch(/^[- ]+$/);
    // 30/(10 + 30) of a volt: 20·log10(0.75) = −2.50 dB re 1 V; the source sees 40 Ω.
    expect(lines[2]!.trim().split(/\s+/)).toEqual(["31.5", "-2.50", "0.0", "40.000", "0.0"]);
    expect(lines[3]!.trim().split(/\s+/)[0]).toBe("1000");
    expect(lines).toHaveLength(4);
  });

  it("right-aligns every column to the same width", () => {
    const lines = simulationTable(simulate(divider, { frequencies: [20, 20000] })).split("\n");
    expect(lines[2]!.length).toBe(lines[0]!.length);
    expect(lines[3]!.length).toBe(lines[0]!.length);
  });

  it("leaves the result's warnings to the caller", () => {
    const result = simulate(divider, { frequencies: [1000] });
    const warned = {
      ...result,
      warnings: [
        { code: "open-load" as const, severity: "warning" as const, path: [], message: "look" },
      ],
    };
    expect(simulationTable(warned)).toBe(simulationTable(result));
  });
});
