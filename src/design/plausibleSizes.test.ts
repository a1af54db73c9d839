import { describe, expect, it } from "vitest";
import { validateDesign } from "./design.js";

const withElement = (element: Record<string, unknown>) => ({
  tympan: 1,
  elements: [
    { id: "q", type: "volumeVelocitySource", nodes: ["a", "0"], volumeVelocity: 1e-6 },
    element,
  ],
  probes: [{ id: "end", node: "b" }],
});

function warningsOf(element: Record<string, unknown>) {
  const outcome = validateDesign(withElement(element));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.warnings;
}

describe("implausible sizes (millimetres typed into SI fields)", () => {
  it("a 12 m tube is a warning suggesting 12 mm (0.012), at the parameter's path", () => {
    const warnings = warningsOf({
      id: "T1",
      type: "tube",
      nodes: ["a", "b"],
      radius: 0.75e-3,
      length: 12,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe("implausible-size");
    expect(warnings[0]!.severity).toBe("warning");
    expect(warnings[0]!.path).toEqual(["elements", 1, "length"]);
    expect(warnings[0]!.message).toContain('tube "T1": length 12 m');
    expect(warnings[0]!.message).toContain("did you mean 12 mm (0.012)?");
  });

  it("a 0.75 m radius suggests 0.75 mm; a 5 cm radius is flagged too", () => {
    const typed = warningsOf({
      id: "T",
      type: "tube",
      nodes: ["a", "b"],
      radius: 0.75,
      length: 0.01,
    });
    expect(typed[0]!.message).toContain("did you mean 0.75 mm (7.5e-4)?");
    const wide = warningsOf({
      id: "T",
      type: "tube",
      nodes: ["a", "b"],
      radius: 0.05,
      length: 0.01,
    });
    expect(wide.map((w) => w.path)).toEqual([["elements", 1, "radius"]]);
  });

  it("a 1 L cavity is flagged; 200 (mm³) suggests 2e-7 m³", () => {
    const litre = warningsOf({ id: "V", type: "acousticVolume", nodes: ["a", "b"], volume: 1e-3 });
    expect(litre[0]!.message).toContain("volume ≤ 1e-5 m³");
    const typed = warningsOf({ id: "V", type: "acousticVolume", nodes: ["a", "b"], volume: 200 });
    expect(typed[0]!.message).toContain("200 mm³ (2e-7)");
  });

  it("a driver's 38 (µm) diaphragm thickness suggests 38 µm", () => {
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "v", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        {
          id: "dd",
          type: "dynamicDriver",
          nodes: ["in", "0", "f", "0"],
          re: 32,
          le: 0,
          bl: 0.7,
          mms: 3e-5,
          cms: 1e-3,
          rms: 0.01,
          sd: 5e-5,
          diaphragmMaterial: "PET",
          diaphragmDiameter: 10e-3,
          diaphragmThickness: 38,
          domeStiffening: 4,
          modalMassFraction: 0.2,
          modalAreaFraction: 0.4,
          modalLossFactor: 0.05,
        },
        { id: "front", type: "acousticVolume", nodes: ["f", "0"], volume: 1e-7 },
      ],
      probes: [],
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.warnings.map((w) => w.path)).toEqual([["elements", 1, "diaphragmThickness"]]);
    expect(outcome.warnings[0]!.message).toContain("38 µm (3.8e-5)");
  });

  it("sizes an IEM has draw no warning (the bounds' edges included)", () => {
    expect(
      warningsOf({ id: "T", type: "tube", nodes: ["a", "b"], radius: 10e-3, length: 0.1 }),
    ).toEqual([]);
    expect(
      warningsOf({ id: "V", type: "acousticVolume", nodes: ["a", "b"], volume: 1e-5 }),
    ).toEqual([]);
  });
});

describe("size warnings beside errors", () => {
  it("a failed validation keeps the 12 m tube's warning after its errors", () => {
    const outcome = validateDesign({
      ...withElement({ id: "T1", type: "tube", nodes: ["a", "b"], radius: 0.75e-3, length: 12 }),
      probes: [
        { id: "end", node: "b" },
        { id: "end", node: "b" },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((issue) => [issue.severity, issue.code])).toEqual([
      ["error", "duplicate-probe"],
      ["warning", "implausible-size"],
    ]);
    expect(outcome.issues[1]!.message).toContain("did you mean 12 mm (0.012)?");
  });

  it("a wiring error keeps them too", () => {
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "q", type: "volumeVelocitySource", nodes: ["a", "0"], volumeVelocity: 1e-6 },
        { id: "T1", type: "tube", nodes: ["a", "typo"], radius: 0.75e-3, length: 12 },
        { id: "V", type: "acousticVolume", nodes: ["b", "0"], volume: 1e-7 },
      ],
      probes: [{ id: "end", node: "b" }],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]!.severity).toBe("error");
    expect(outcome.issues.at(-1)!.code).toBe("implausible-size");
  });
});

describe("sizes no rig has", () => {
  it("1e12 times an IEM's size is an error, not a warning (a 7e197 m planar radius overflowed)", () => {
    const outcome = validateDesign(
      withElement({ id: "T1", type: "tube", nodes: ["a", "b"], radius: 0.75e-3, length: 1e12 }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]!.severity).toBe("error");
    expect(outcome.issues[0]!.code).toBe("implausible-size");
    expect(outcome.issues[0]!.path).toEqual(["elements", 1, "length"]);
    expect(outcome.issues[0]!.hint).toContain("cannot be simulated");
    // 1e10 m (0.1 m × 1e11) is still simulated as written.
    expect(
      warningsOf({ id: "T", type: "tube", nodes: ["a", "b"], radius: 1e-3, length: 1e10 }),
    ).toHaveLength(1);
  });
});
