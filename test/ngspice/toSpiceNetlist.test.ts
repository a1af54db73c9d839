/**
 * Unit tests of the Tympan → ngspice netlist converter (toSpiceNetlist.ts), on its text alone: no
 * simulator is run here (crossCheck.test.ts runs ngspice on closed-form circuits to pin down the
 * conventions' meaning). Checks the exact netlist of a small design, the source orientation rules,
 * node renaming (SPICE folds case), lossless number formatting, and refusals.
 */
import { describe, expect, it } from "vitest";
import { type LumpedDesign, randomNetwork } from "./randomNetworks.js";
import { spiceNumber, toSpiceNetlist } from "./toSpiceNetlist.js";

const small: LumpedDesign = {
  tympan: 1,
  name: "small",
  elements: [
    { id: "src", type: "voltageSource", nodes: ["In", "0"], voltage: 1 },
    { id: "R1", type: "resistor", nodes: ["In", "out"], resistance: 1000 },
    { id: "C1", type: "capacitor", nodes: ["out", "0"], capacitance: 1.5e-7 },
    { id: "L1", type: "inductor", nodes: ["out", "in"], inductance: 0.01 },
    { id: "drive", type: "currentSource", nodes: ["out", "in"], current: 0.002 },
    { id: "amp", type: "voltageSource", nodes: ["z", "0"], voltage: 2, outputImpedance: 50 },
    { id: "ideal", type: "voltageSource", nodes: ["w", "0"], voltage: 3, outputImpedance: 0 },
  ],
  probes: [{ id: "out", node: "out" }],
};

describe("toSpiceNetlist", () => {
  it("writes the expected netlist for a small design", () => {
    const { text } = toSpiceNetlist(small, {
      ac: { pointsPerDecade: 5, startHz: 10, stopHz: 1e5 },
    });
    expect(text).toBe(
      [
        "* small",
        "* src",
        "V1 n1 0 DC 0 AC 1",
        "* R1",
        "R2 n1 n2 1000",
        "* C1",
        "C3 n2 0 1.5e-7",
        "* L1",
        "L4 n2 n3 0.01",
        "* drive",
        "I5 n3 n2 DC 0 AC 0.002",
        "* amp",
        "V6 x6 0 DC 0 AC 2",
        "RZ6 n4 x6 50",
        "* ideal",
        "V7 n5 0 DC 0 AC 3",
        ".options noopac",
        ".ac dec 5 10 100000",
        ".end",
        "",
      ].join("\n"),
    );
  });

  it("keeps node names that differ only in case apart, and maps them back", () => {
    const { nodeNames, elementNames } = toSpiceNetlist(small);
    expect(nodeNames.get("In")).toBe("n1");
    expect(nodeNames.get("in")).toBe("n3");
    expect(nodeNames.get("0")).toBe("0");
    expect(elementNames.get("drive")).toBe("I5");
    expect(new Set(nodeNames.values()).size).toBe(nodeNames.size);
  });

  it("orients a current source so SPICE drives it into the design's first node", () => {
    // Tympan: nodes [to, from]; SPICE: I n+ n- pushes current from n+ through the source to n-.
    const { text } = toSpiceNetlist(small);
    expect(text).toContain("I5 n3 n2 "); // from "in" (n3) to "out" (n2)
  });

  it("writes numbers that parse back to the same double", () => {
    for (const x of [
      1,
      0.1,
      1 / 3,
      Math.PI * 1e-12,
      6.02214076e23,
      5e-324,
      1.7976931348623157e308,
    ]) {
      expect(Number(spiceNumber(x))).toBe(x);
    }
    const design = randomNetwork(7);
    const { text } = toSpiceNetlist(design);
    const values = design.elements.map((e) =>
      e.type === "resistor"
        ? e.resistance
        : e.type === "capacitor"
          ? e.capacitance
          : e.type === "inductor"
            ? e.inductance
            : e.type === "voltageSource"
              ? e.voltage
              : e.current,
    );
    const written = text
      .split("\n")
      .filter((line) => /^[RCLVI]\d/.test(line))
      .map((line) => Number(line.split(" ").at(-1)));
    expect(written).toEqual(values);
  });

  it("emits .save for chosen nodes", () => {
    const { text } = toSpiceNetlist(small, { save: ["out", "in"] });
    expect(text).toContain(".save v(n2) v(n3)\n");
    expect(() => toSpiceNetlist(small, { save: ["nowhere"] })).toThrow(/nowhere/);
  });

  it("refuses what it cannot translate faithfully", () => {
    const withTube = {
      ...small,
      elements: [...small.elements, { id: "t", type: "tube", nodes: ["a", "b"] }],
    } as unknown as LumpedDesign;
    expect(() => toSpiceNetlist(withTube)).toThrow(/"t".*tube/);
    const nan: LumpedDesign = {
      ...small,
      elements: [{ id: "r", type: "resistor", nodes: ["a", "0"], resistance: Number.NaN }],
    };
    expect(() => toSpiceNetlist(nan)).toThrow(/NaN/);
  });

  it("keeps the original id readable but harmless in comments", () => {
    const design: LumpedDesign = {
      ...small,
      elements: [{ id: "r\n.end\nX", type: "resistor", nodes: ["a", "0"], resistance: 1 }],
    };
    const lines = toSpiceNetlist(design).text.split("\n");
    expect(lines.filter((line) => line === ".end")).toHaveLength(1);
  });
});
