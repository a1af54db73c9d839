/** validateDesign collects every problem once. */
import { describe, expect, it } from "vitest";
import { validateDesign } from "../../src/index.js";

describe("validateDesign", () => {
  it("reports a duplicate element id even when that element also has a bad value", () => {
    // Observed: only 'resistance must be greater than 0'; the duplicate "v" appears after the fix.
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "v", type: "resistor", nodes: ["in", "0"], resistance: -8 },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.code)).toContain("duplicate-id");
  });

  it("a bad value does not also make its nodes 'unconnected' for the probes", () => {
    // Observed second issue: probe "p" is on node "out", which no element connects to — but "r" does.
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "r", type: "resistor", nodes: ["in", "out"], resistance: "10k" },
      ],
      probes: [{ id: "p", node: "out" }],
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.code)).not.toContain("unknown-probe-node");
  });

  it('"nodes": "in,0" is one issue, not the same complaint twice', () => {
    // Observed: 'must be a list of 2 nodes [a, b] (got "in,0")' and 'must list exactly 2 nodes
    // [a, b] (got "in,0")', both at elements[1].nodes.
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "r", type: "resistor", nodes: "in,0", resistance: 8 },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues).toHaveLength(1);
  });
});

describe("simulate options", () => {
  it("invalid air properties are reported as such, not as a singular network blaming the elements", async () => {
    // Observed: singular-network 'no unique solution at 100.000 Hz near node "x" (elements u, t)'.
    const { STANDARD_AIR, trySimulate } = await import("../../src/index.js");
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "u", type: "volumeVelocitySource", nodes: ["x", "0"], volumeVelocity: 1e-8 },
          { id: "t", type: "tube", nodes: ["x", "y"], radius: 1e-3, length: 0.01 },
          { id: "c", type: "acousticVolume", nodes: ["y", "0"], volume: 1e-6 },
        ],
        probes: [{ id: "x", node: "x" }],
      },
      { frequencies: [100], air: { ...STANDARD_AIR, densityKgPerM3: -1 } },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0].code).not.toBe("singular-network");
  });
});
