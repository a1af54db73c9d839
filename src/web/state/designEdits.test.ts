import { describe, expect, it } from "vitest";
import type { Design } from "../../index.js";
import {
  addElement,
  applyEdits,
  parameterEdits,
  removeElement,
  setNodes,
  setParameter,
} from "./designEdits.js";

const base = {
  tympan: 1,
  name: "test",
  elements: [
    { id: "src", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
    { id: "R1", type: "resistor", nodes: ["in", "a"], resistance: 10 },
  ],
  probes: [{ id: "a", node: "a" }],
} as unknown as Design;

describe("setParameter", () => {
  it("replaces one parameter and leaves the original untouched", () => {
    const edited = setParameter(base, { elementId: "R1", parameter: "resistance", value: 22 });
    expect((edited.elements[1] as { resistance: number }).resistance).toBe(22);
    expect((base.elements[1] as { resistance: number }).resistance).toBe(10);
  });

  it("returns the same design when the value does not change (no empty undo step)", () => {
    expect(setParameter(base, { elementId: "R1", parameter: "resistance", value: 10 })).toBe(base);
  });
});

describe("parameterEdits", () => {
  it("lists the numeric parameters that differ", () => {
    const edited = setParameter(base, { elementId: "R1", parameter: "resistance", value: 22 });
    expect(parameterEdits(base, edited)).toEqual([
      { elementId: "R1", parameter: "resistance", value: 22 },
    ]);
  });

  it("gives undefined when the design differs in more than numbers", () => {
    const rewired = {
      ...base,
      elements: [base.elements[0]!, { ...base.elements[1]!, nodes: ["in", "b"] }],
    } as Design;
    expect(parameterEdits(base, rewired)).toBeUndefined();
    expect(parameterEdits(base, { ...base, elements: base.elements.slice(0, 1) })).toBeUndefined();
  });

  it("and applyEdits restores the same design", () => {
    const edited = setParameter(base, { elementId: "src", parameter: "voltage", value: 0.5 });
    const { design, unknown } = applyEdits(base, parameterEdits(base, edited)!);
    expect(design).toEqual(edited);
    expect(unknown).toEqual([]);
  });

  it("applyEdits reports edits of elements the design lacks", () => {
    const edit = { elementId: "R9", parameter: "resistance", value: 1 };
    expect(applyEdits(base, [edit]).unknown).toEqual([edit]);
  });
});

describe("structure edits", () => {
  it("removeElement drops one element", () => {
    expect(removeElement(base, "R1").elements.map((e) => e.id)).toEqual(["src"]);
  });

  it("setNodes reconnects an element", () => {
    expect(setNodes(base, "R1", ["in", "0"]).elements[1]!.nodes).toEqual(["in", "0"]);
  });

  it("addElement names it by type and number, each terminal on its own node", () => {
    const { design, elementId } = addElement(base, "capacitor", ["a", "b"]);
    expect(elementId).toBe("capacitor1");
    expect(design.elements.at(-1)).toEqual({
      id: "capacitor1",
      type: "capacitor",
      nodes: ["capacitor1.a", "capacitor1.b"],
    });
    expect(addElement(design, "capacitor", ["a", "b"]).elementId).toBe("capacitor2");
  });
});
