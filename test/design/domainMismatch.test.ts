/** Domain checks around macros and the messages next to a domain mismatch. */
import { describe, expect, it } from "vitest";
import { trySimulate } from "../../src/index.js";

const DRIVER = { re: 8, le: 0, bl: 1, mms: 1e-5, cms: 1e-3, rms: 0, sd: 1e-4 };

describe("domain checks", () => {
  it("a dynamicDriver whose front port lands on an electrical node is a domain mismatch", () => {
    // Observed: simulates, and probe "f" is reported in dBV: the acoustic port on an electrical resistor.
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
          { id: "d", type: "dynamicDriver", nodes: ["in", "0", "f", "0"], ...DRIVER },
          { id: "r", type: "resistor", nodes: ["f", "0"], resistance: 8 },
        ],
        probes: [{ id: "f", node: "f" }],
      },
      { frequencies: [100] },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.code)).toContain("domain-mismatch");
  });

  it("a dynamicDriver wired with front = plus (nodes [in, 0, in, 0]) is rejected", () => {
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
          { id: "d", type: "dynamicDriver", nodes: ["in", "0", "in", "0"], ...DRIVER },
        ],
        probes: [{ id: "p", node: "in" }],
      },
      { frequencies: [100] },
    );
    expect(outcome.ok).toBe(false);
  });

  it("a probe on a mismatched node is not told that 'only couplings touch' it", () => {
    // Observed second issue: probe "p" is on node "a", which only couplings (gyrators, transformers)
    // touch — false: a voltage source and a cavity touch it.
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["a", "0"], voltage: 1 },
          { id: "cav", type: "acousticVolume", nodes: ["a", "0"], volume: 1e-6 },
        ],
        probes: [{ id: "p", node: "a" }],
      },
      { frequencies: [100] },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.issues.map((i) => i.code)).toContain("domain-mismatch");
      for (const issue of outcome.issues) expect(issue.message).not.toMatch(/only couplings/);
    }
  });

  it("two ideal sources tied through a transformer are named as a source loop, not 'a coupling whose other port is open'", () => {
    // Observed: singular-network "near flow in v2 (elements v2) … or a coupling whose other port is open".
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
          { id: "t1", type: "transformer", nodes: ["in", "0", "s", "0"], ratio: 2 },
          { id: "v2", type: "voltageSource", nodes: ["s", "0"], voltage: 2 },
        ],
        probes: [{ id: "p", node: "in" }],
      },
      { frequencies: [100] },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      const ids = outcome.issues.flatMap((i) => i.elementIds ?? []);
      expect(ids).toEqual(expect.arrayContaining(["v", "v2", "t1"]));
    }
  });
});
