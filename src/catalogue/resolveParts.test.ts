import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { simulate } from "../simulate/simulate.js";
import { partParameters } from "./parts/part.js";
import { findPart } from "./parts/partsCatalogue.js";
import { resolveParts } from "./resolveParts.js";

const design = (element: Record<string, unknown>) => ({
  tympan: 1,
  elements: [
    { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 0.101 },
    { id: "rcv", nodes: ["in", "0", "spout"], ...element },
    { id: "ear", type: "ear711", nodes: ["spout", "drum"] },
  ],
  probes: [{ id: "drum", node: "drum" }],
});

describe("resolveParts", () => {
  it("gives an element its part's type and parameters, its own keys over them", () => {
    const input = design({ part: "knowles/ED-30262", coilResistance: 20 });
    const resolved = resolveParts(input) as { elements: Record<string, unknown>[] };
    const element = resolved.elements[1]!;
    const part = findPart("knowles/ED-30262")!;
    expect(element.type).toBe("balancedArmature");
    expect(element.part).toBeUndefined();
    expect(element.coilResistance).toBe(20);
    expect(element.transduction).toBe(part.parameters.transduction!.value);
    expect(element.id).toBe("rcv");
    // The input is left as it was.
    expect((input.elements[1] as Record<string, unknown>).part).toBe("knowles/ED-30262");
  });

  it("makes a design that simulates, and an override changes what it simulates", () => {
    const at = [1000];
    const plain = simulate(resolveParts(design({ part: "knowles/ED-30262" })), { frequencies: at });
    const override = simulate(
      resolveParts(
        design({
          part: "knowles/ED-30262",
          transduction: 0.5 * findPart("knowles/ED-30262")!.parameters.transduction!.value,
        }),
      ),
      { frequencies: at },
    );
    const level = plain.probes.drum!.db[0]!;
    // About 110 dB at 0.1 V in a 711 (the datasheet's 110.6 dB at 1 kHz through the fixture).
    expect(level).toBeGreaterThan(100);
    expect(level).toBeLessThan(120);
    // The override is what the element runs with: the same as writing every parameter out.
    const part = findPart("knowles/ED-30262")!;
    const written = simulate(
      design({
        type: "balancedArmature",
        ...partParameters(part),
        transduction: 0.5 * part.parameters.transduction!.value,
      }),
      { frequencies: at },
    );
    expect(override.probes.drum!.db[0]!).toBe(written.probes.drum!.db[0]!);
    expect(level - override.probes.drum!.db[0]!).toBeGreaterThan(2);
  });

  it("names an unknown part with the closest id, and a type that contradicts the part", () => {
    try {
      resolveParts(design({ part: "knowles/ED-30226" }), "mine.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TympanError);
      const issue = (error as TympanError).issues[0];
      expect(issue.code).toBe("unknown-part");
      expect(issue.path).toEqual(["elements", 1, "part"]);
      expect(issue.message).toMatch(
        /element "rcv": no part "knowles\/ED-30226".*Did you mean "knowles\/ED-30262"\?/,
      );
      expect((error as TympanError).source).toBe("mine.json");
    }
    expect(() => resolveParts(design({ part: "ba-mid", type: "dynamicDriver" }))).toThrow(
      /its type "dynamicDriver" differs from part "ba-mid", which is a balancedArmature/,
    );
  });

  it("passes a design without parts, and what is not a design, through unchanged", () => {
    const plain = design({ type: "resistor", nodes: ["in", "0"], resistance: 1 });
    expect(resolveParts(plain)).toBe(plain);
    expect(resolveParts("text")).toBe("text");
    expect(resolveParts(null)).toBe(null);
  });
});
