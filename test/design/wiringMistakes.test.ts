/** Wiring mistakes that used to pass silently. */
import { describe, expect, it } from "vitest";
import { trySimulate } from "../../src/index.js";

const run = (elements: object[]) =>
  trySimulate({ tympan: 1, elements, probes: [] }, { frequencies: [100] });

describe("wiring mistakes", () => {
  it("a resistor with both terminals on one node is an error naming it", () => {
    const outcome = run([
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "load", type: "resistor", nodes: ["in", "0"], resistance: 8 },
      { id: "r", type: "resistor", nodes: ["in", "in"], resistance: 8 },
    ]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.issues[0]!.code).toBe("shorted-element");
      expect(outcome.issues[0]!.path).toEqual(["elements", 2, "nodes"]);
      expect(outcome.issues[0]!.message).toContain('"r"');
    }
  });

  it("a shorted transformer winding is named by port", () => {
    const outcome = run([
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "t", type: "transformer", nodes: ["in", "0", "s", "s"], ratio: 2 },
      { id: "load", type: "resistor", nodes: ["s", "0"], resistance: 8 },
    ]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.message).join()).toContain('port 2 of "t"');
  });

  it('an element id with "/" (the separator of generated part ids) is rejected', () => {
    const outcome = run([
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "d/Re", type: "resistor", nodes: ["in", "0"], resistance: 8 },
    ]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]!.path).toEqual(["elements", 1, "id"]);
  });
});
