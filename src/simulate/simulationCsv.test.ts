import { describe, expect, it } from "vitest";
import { simulate } from "./simulate.js";
import { simulationCsv } from "./simulationCsv.js";

const divider = {
  tympan: 1,
  name: "divider",
  elements: [
    { id: "src", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
    { id: "R1", type: "resistor", nodes: ["in", "out"], resistance: 10 },
    { id: "R2", type: "resistor", nodes: ["out", "0"], resistance: 10 },
  ],
  probes: [{ id: "out", node: "out" }],
};

describe("simulationCsv", () => {
  it("writes frequency, each probe's level, phase and complex value, then the impedance", () => {
    const result = simulate(divider, { frequencies: [100, 1000] });
    const lines = simulationCsv(result).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "frequency_hz,out_db,out_phase_deg,out_re_V,out_im_V,impedance_ohm,impedance_phase_deg",
    );
    const cells = lines[1]!.split(",").map(Number);
    expect(cells[0]).toBe(100);
    // A 10 Ω + 10 Ω divider: half the volt, −6.02 dB re 1 V; the source sees 20 Ω.
    expect(cells[1]).toBeCloseTo(20 * Math.log10(0.5), 12);
    expect(cells[3]).toBeCloseTo(0.5, 12);
    expect(cells[5]).toBeCloseTo(20, 9);
    expect(lines).toHaveLength(3);
  });

  it("writes every number so it reads back as the same double", () => {
    const result = simulate(divider, { frequencies: [123.456] });
    const row = simulationCsv(result).split("\n")[1]!.split(",").map(Number);
    expect(row[1]).toBe(result.probes.out!.db[0]);
  });

  it("writes a probe id from a file as an inert, quoted CSV name", () => {
    const hostile = {
      ...divider,
      probes: [{ id: '=cmd|"x",y', node: "out" }],
    };
    const header = simulationCsv(simulate(hostile, { frequencies: [100] })).split("\n")[0]!;
    expect(header).toContain(`"'=cmd|""x"",y_db"`);
  });
});
