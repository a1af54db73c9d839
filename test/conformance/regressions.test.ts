import { describe, expect, it } from "vitest";
import { TympanError, simulate, validateDesign } from "../../src/index.js";
import { parseDesignText } from "../../src/design/designText.js";

/*
 * Regressions: bugs the conformance and property suites found in src/, each pinned by the input
 * that showed it (cyclic and BigInt values, unresolved YAML aliases, a "__proto__" probe id,
 * overflowing source values).
 */

const resistorDesign = (extra: Record<string, unknown> = {}) => ({
  tympan: 1,
  elements: [
    { id: "vs", type: "voltageSource", nodes: ["a", "0"], voltage: 1 },
    { id: "r", type: "resistor", nodes: ["a", "0"], resistance: 8, ...extra },
  ],
  probes: [{ id: "a", node: "a" }],
});

/** Runs `action` and returns the error it throws (undefined when it returns). */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("regression: validateDesign throws on values JSON.stringify cannot print", () => {
  // src/circuit/design.ts quotes offending values with JSON.stringify: in the "format-version"
  // message (`got ${JSON.stringify(input.tympan)}`) and in valueText(). JSON.stringify throws a
  // TypeError on cyclic values and on BigInts, so validateDesign throws instead of returning issues.
  // Cycles come straight out of YAML anchors, so a design *file* triggers it:
  //   parseDesignText("tympan: &a [*a]\nelements: []\n", "yaml") → validateDesign(...) throws
  //   "TypeError: Converting circular structure to JSON".
  // Expected: { ok: false, issues: [{ code: "format-version", path: ["tympan"], ... }, ...] }.
  it("returns issues for a cyclic tympan value written with YAML anchors", () => {
    const parsed = parseDesignText("tympan: &a [*a]\nelements: []\n", "yaml");
    const outcome = validateDesign(parsed);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((issue) => issue.path)).toContainEqual(["tympan"]);
  });

  it("returns issues for a cyclic parameter value written with YAML anchors", () => {
    const text = [
      "tympan: 1",
      "elements:",
      "  - { id: r, type: resistor, nodes: [a, '0'], resistance: &x [*x] }",
      "probes: []",
    ].join("\n");
    const outcome = validateDesign(parseDesignText(text, "yaml"));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.issues.map((issue) => issue.path)).toContainEqual([
        "elements",
        0,
        "resistance",
      ]);
  });

  it("returns issues for BigInt values (validateDesign takes `unknown`)", () => {
    expect(thrownBy(() => validateDesign({ ...resistorDesign(), tympan: 1n }))).toBeUndefined();
    expect(thrownBy(() => validateDesign(resistorDesign({ resistance: 8n })))).toBeUndefined();
  });
});

describe("regression: parseDesignText(…, 'yaml') lets the yaml package's ReferenceError escape", () => {
  // src/circuit/designText.ts checks document.errors, but an alias to an undefined anchor is only
  // detected by document.toJS(), which throws ReferenceError("Unresolved alias (the anchor must be
  // set before the alias): zz"); so does an alias bomb ("Excessive alias count indicates a resource
  // exhaustion attack"). Both escape as ReferenceError, which the CLI would print as a crash instead
  // of "file: YAML syntax error at line L, column C …" with exit code 2.
  // Expected: a TympanError with one issue of code "syntax-error".
  it.each([
    ["an alias to an undefined anchor", "tympan: 1\nelements: *zz\n"],
    ["a bare alias", "*a"],
    [
      "an alias bomb",
      [
        "a: &a [x, x, x, x, x, x, x, x, x]",
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      ].join("\n"),
    ],
  ])("reports %s as a syntax error", (_what, text) => {
    const error = thrownBy(() => parseDesignText(text, "yaml", "design.yaml"));
    expect(error).toBeInstanceOf(TympanError);
    expect((error as TympanError).issues[0].code).toBe("syntax-error");
  });
});

describe('regression: a probe with id "__proto__" disappears from the result', () => {
  // src/simulate/simulate.ts builds `const probes: Record<string, ProbeResult> = {}` and assigns
  // `probes[probe.id] = …`. For the (valid) probe id "__proto__" the assignment sets the object's
  // prototype instead of adding a key: Object.keys(result.probes) and the --json output lack the
  // probe. Expected: a "__proto__" key like any other (build with Object.create(null) /
  // Object.fromEntries / a Map), or validateDesign rejecting the id.
  it("keeps it as an own key, or rejects it", () => {
    const design = { ...resistorDesign(), probes: [{ id: "__proto__", node: "a" }] };
    const outcome = validateDesign(JSON.parse(JSON.stringify(design)));
    if (!outcome.ok) return;
    const result = simulate(outcome.value, { frequencies: [100] });
    expect(Object.keys(result.probes)).toEqual(["__proto__"]);
    expect(JSON.parse(JSON.stringify(result)).probes).toHaveProperty(["__proto__", "re"], [1]);
  });
});

describe("regression: valid designs with very large source values give non-finite outputs", () => {
  // issue 2: "Never NaN in any output". Both are arithmetic overflow in src/simulate/simulate.ts:
  // impedance() forms ir² + ii² and vr·ir, which overflow once the current exceeds ~1e154 A, giving
  // NaN magnitude and phase (voltage 1e200 V across 8 Ω); levelDb() divides the magnitude by the
  // reference (20 µPa) before taking log10, which overflows to Infinity for pressures above ~3.6e303 Pa.
  // Expected: finite numbers (e.g. Z = V/I computed as a complex division with scaling, and
  // 20·(log10(|x|) − log10(reference))). Minor: no real design has such values, but the schema
  // accepts them (they are finite numbers), so the output promise is broken.
  it("input impedance stays finite for a 1e200 V source", () => {
    const design = resistorDesign();
    const result = simulate(
      { ...design, elements: [{ ...design.elements[0], voltage: 1e200 }, design.elements[1]] },
      {
        frequencies: [100],
      },
    );
    expect(result.inputImpedance?.magnitudeOhm[0]).toBeCloseTo(8, 9);
    expect(result.inputImpedance?.phaseDeg[0]).toBeCloseTo(0, 9);
  });

  it("the level of a 1e306 Pa probe is finite", () => {
    const design = {
      tympan: 1,
      elements: [
        { id: "ps", type: "pressureSource", nodes: ["p", "0"], pressure: 1e306 },
        { id: "cav", type: "acousticVolume", nodes: ["p", "0"], volume: 1e-7 },
      ],
      probes: [{ id: "p", node: "p" }],
    };
    const probe = simulate(design, { frequencies: [100] }).probes.p!;
    expect(probe.re[0]).toBe(1e306);
    expect(Number.isFinite(probe.db[0])).toBe(true);
  });
});
