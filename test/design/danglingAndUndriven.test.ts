/**
 * A node only one terminal uses (a typo such as "frnt") is an error naming the element, the node and
 * the nearest name; a part that meets the rest only at ground, undriven, is a warning.
 */
import { describe, expect, it } from "vitest";
import {
  REFERENCE_DESIGNS,
  type Design,
  type Issue,
  trySimulate,
  validateDesign,
  withoutElements,
} from "../../src/index.js";

const DRIVER_TYPES = [
  "dynamicDriver",
  "opposedDynamicDrivers",
  "balancedArmature",
  "planarDriver",
  "electrostaticTweeter",
  "measuredReceiver",
];

/** "front" → "frnt": the second letter dropped, a typo a person makes. */
const misspelt = (node: string) => `${node[0]}${node.slice(2)}`;

function issuesOf(design: unknown): readonly Issue[] {
  const outcome = validateDesign(design);
  return outcome.ok ? [] : outcome.issues;
}

describe("a node only one terminal uses", () => {
  // Every terminal of every driver of every reference design, misspelt in turn.
  const cases = REFERENCE_DESIGNS.flatMap(({ name, design }) =>
    design.elements.flatMap((element, index) =>
      DRIVER_TYPES.includes(element.type)
        ? element.nodes.flatMap((node, terminal) =>
            node === "0" ? [] : [{ name, design, index, terminal, node, id: element.id }],
          )
        : [],
    ),
  );

  it("covers a driver of every reference design", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(REFERENCE_DESIGNS.length);
  });

  it.each(cases.map((c) => [`${c.name}: ${c.id}.nodes[${c.terminal}] "${c.node}"`, c] as const))(
    "%s misspelt is an error naming the driver, the node and the intended name",
    (_, { design, index, terminal, node, id }) => {
      const typo = misspelt(node);
      const elements = design.elements.map((element, k) =>
        k === index
          ? { ...element, nodes: element.nodes.map((n, t) => (t === terminal ? typo : n)) }
          : element,
      );
      const issues = issuesOf({ ...design, elements });
      // The element on the other side of the broken link may be reported too; the driver must be.
      const path = JSON.stringify(["elements", index, "nodes", terminal]);
      const dangling = issues.find((issue) => JSON.stringify(issue.path) === path);
      expect(dangling, JSON.stringify(issues)).toBeDefined();
      expect(dangling!.code).toBe("dangling-node");
      expect(dangling!.severity).toBe("error");
      expect(dangling!.elementIds).toEqual([id]);
      expect(dangling!.message).toContain(`"${typo}"`);
      // "p" from "p2" is as near "p1": only a longer name has one nearest neighbour for sure.
      expect(dangling!.message).toContain(
        node.length >= 4 ? `Did you mean "${node}"?` : "Did you mean",
      );
    },
  );

  it("every reference design is valid as shipped (its ear's drum node is wired inside the 711)", () => {
    for (const { name, design } of REFERENCE_DESIGNS) {
      const outcome = validateDesign(design);
      expect(outcome.ok ? [] : outcome.issues, name).toEqual([]);
    }
  });

  const closedTube = (probes: { id: string; node: string }[]) => ({
    tympan: 1,
    elements: [
      { id: "q", type: "volumeVelocitySource", nodes: ["a", "0"], volumeVelocity: 1e-6 },
      { id: "t", type: "tube", nodes: ["a", "end"], radius: 0.75e-3, length: 25e-3 },
    ],
    probes,
  });

  it("a tube's closed end is refused unprobed, with how to declare it", () => {
    const issues = issuesOf(closedTube([{ id: "a", node: "a" }]));
    expect(issues.map((issue) => issue.code)).toEqual(["dangling-node"]);
    expect(issues[0]!.hint).toMatch(/put a probe on it/);
  });

  it("a probe on the one-terminal node declares it deliberate", () => {
    expect(issuesOf(closedTube([{ id: "end", node: "end" }]))).toEqual([]);
  });

  it("an element with no wired terminal is left to the floating-subnetwork check", () => {
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
          { id: "load", type: "resistor", nodes: ["in", "0"], resistance: 10 },
          { id: "island", type: "capacitor", nodes: ["x", "y"], capacitance: 1e-6 },
        ],
        probes: [],
      },
      { frequencies: [100] },
    );
    expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.code)).toEqual([
      "floating-subnetwork",
    ]);
  });
});

describe("a part that no source drives", () => {
  const design = {
    tympan: 1,
    elements: [
      { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "load", type: "resistor", nodes: ["in", "0"], resistance: 8 },
      { id: "idleR", type: "resistor", nodes: ["x", "0"], resistance: 8 },
      { id: "idleC", type: "capacitor", nodes: ["x", "0"], capacitance: 1e-6 },
    ],
    probes: [{ id: "in", node: "in" }],
  };

  it("is a warning naming its elements, and the design still simulates", () => {
    const outcome = trySimulate(design, { frequencies: [100] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const warnings = outcome.value.warnings ?? [];
    expect(warnings.map((warning) => [warning.code, warning.severity])).toEqual([
      ["undriven-subnetwork", "warning"],
    ]);
    expect(warnings[0]!.elementIds).toEqual(["idleR", "idleC"]);
    expect(warnings[0]!.path).toEqual(["elements", 2]);
    expect(outcome.value.probes.in!.re[0]).toBeCloseTo(1, 12);
  });

  it("is not reported when the design has no source at all", () => {
    const withoutSource = { ...design, elements: design.elements.slice(1) };
    const outcome = validateDesign(withoutSource);
    expect(outcome.ok && outcome.warnings).toEqual([]);
  });

  it("a gyrator carries the drive across domains: its far side is driven", () => {
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "g", type: "gyrator", nodes: ["in", "0", "f", "0"], transduction: 2 },
        { id: "m", type: "mass", nodes: ["f", "0"], mass: 1e-5 },
      ],
      probes: [],
    });
    expect(outcome.ok && outcome.warnings).toEqual([]);
  });
});

describe("withoutElements", () => {
  it("declares the ends it seals with a probe, so the design stays valid", () => {
    const tribrid = REFERENCE_DESIGNS.find((entry) => entry.name === "tribrid-1dd-4ba-2est")!;
    const ests = tribrid.design.elements
      .filter((element) => element.type === "electrostaticTweeter")
      .map((element) => element.id);
    expect(ests.length).toBeGreaterThan(0);
    const without: Design = withoutElements(tribrid.design, ests);
    const sealed = without.probes.filter((probe) => probe.id.startsWith("sealed "));
    expect(sealed.length).toBeGreaterThan(0);
    const outcome = validateDesign(without);
    expect(outcome.ok ? [] : outcome.issues).toEqual([]);
  });
});
