import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  ELEMENT_MODELS,
  ELEMENT_TYPES,
  type ElementType,
  simulate,
  validateDesign,
} from "../../src/index.js";
import { parseDesignText } from "../../src/design/designText.js";
import {
  GRID,
  expectAllFinite,
  expectIssueAt,
  isSource,
  networkWith,
  rejectionOf,
  sampleOf,
  simulateOnGrid,
} from "./harness.js";
import { type Rule, SAMPLES, dutOf, settingsOf } from "./samples.js";

/*
 * The Tone.js-style conformance suite (STYLE.md): every element type in the registry, through the
 * same checks. A new element joins by adding a sample to SAMPLES; until it does, the first test fails.
 */

describe("the conformance table", () => {
  it("has a sample for every type in ELEMENT_MODELS and none for unknown types", () => {
    expect(ELEMENT_TYPES.filter((type) => sampleOf(type) === undefined)).toEqual([]);
    expect(Object.keys(SAMPLES).filter((type) => !(type in ELEMENT_MODELS))).toEqual([]);
  });

  it.each(ELEMENT_TYPES)(
    "%s: samples use only documented parameters and cover all of them",
    (type) => {
      const documented = Object.keys(ELEMENT_MODELS[type].parameters).sort();
      const used = new Set(settingsOf(type).flatMap((setting) => Object.keys(setting)));
      expect([...used].filter((name) => !documented.includes(name))).toEqual([]);
      expect(documented.filter((name) => !used.has(name))).toEqual([]);
    },
  );

  it.each(ELEMENT_TYPES)(
    "%s: every numeric parameter has a rule, every other one invalid values",
    (type) => {
      const sample = sampleOf(type)!;
      const numeric = new Set<string>();
      const other = new Set<string>();
      for (const setting of settingsOf(type)) {
        for (const [name, value] of Object.entries(setting))
          (typeof value === "number" ? numeric : other).add(name);
      }
      expect(Object.keys(sample.rules).sort()).toEqual([...numeric].sort());
      expect(Object.keys(sample.invalid ?? {}).sort()).toEqual([...other].sort());
    },
  );

  it("measures what it means to: drive points see the impedance of simple elements exactly", () => {
    const impedanceAt1kHz = (type: ElementType, parameters: Record<string, unknown>) => {
      const point = sampleOf(type)!.drivePoints!(dutOf(type, parameters))[0]!;
      const probe = simulate(point.design, { frequencies: [1000] }).probes[`p_${point.node}`]!;
      return [probe.re[0]!, probe.im[0]!];
    };
    const close = (actual: number[], expected: number[]) =>
      actual.forEach((value, k) =>
        expect(value).toBeCloseTo(
          expected[k]!,
          9 - Math.round(Math.log10(Math.abs(expected[k]!) + 1)),
        ),
      );
    close(impedanceAt1kHz("resistor", { resistance: 32 }), [32, 0]);
    close(impedanceAt1kHz("acousticResistance", { resistance: 1.5e8 }), [1.5e8, 0]);
    // Through a unit gyrator the electrical side sees 1/Z of the mechanical side.
    close(impedanceAt1kHz("mechanicalResistance", { resistance: 0.003 }), [1 / 0.003, 0]);
    const omega = 2 * Math.PI * 1000;
    close(impedanceAt1kHz("mass", { mass: 23e-6 }), [0, -1 / (omega * 23e-6)]);
  });

  it.each(ELEMENT_TYPES)("%s: has drive points exactly when it is not a source", (type) => {
    expect(sampleOf(type)!.drivePoints !== undefined).toBe(!isSource(type));
  });
});

describe.each(ELEMENT_TYPES)("element %s", (type: ElementType) => {
  const sample = sampleOf(type);
  if (sample === undefined) return; // reported by "has a sample for every type"
  const settings = settingsOf(type).map((setting) => ({ label: JSON.stringify(setting), setting }));

  describe.each(settings)("with $label", ({ setting }) => {
    const design = sample.network(dutOf(type, setting));

    it("is valid in its test network and simulates to finite numbers on 20 Hz–20 kHz", () => {
      const validated = validateDesign(design);
      expect(validated.ok ? [] : validated.issues).toEqual([]);
      const result = simulateOnGrid(design);
      expect(result.frequencyHz).toEqual(GRID);
      expectAllFinite(result);
    });

    it("survives a JSON round trip: same design, identical numbers", () => {
      const copy = JSON.parse(JSON.stringify(design)) as unknown;
      const [original, copied] = [validateDesign(design), validateDesign(copy)];
      expect(copied.ok && original.ok).toBe(true);
      if (copied.ok && original.ok) expect(copied.value).toEqual(original.value);
      expect(simulateOnGrid(copy)).toEqual(simulateOnGrid(design));
    });

    it("survives a YAML round trip through parseDesignText: identical numbers", () => {
      const parsed = parseDesignText(stringify(design), "yaml", "conformance.yaml");
      expect(parsed).toEqual(design);
      expect(simulateOnGrid(parsed)).toEqual(simulateOnGrid(design));
    });

    const drivePoints = sample.drivePoints?.(dutOf(type, setting)) ?? [];
    it
      .runIf(drivePoints.length > 0)
      .each(drivePoints.map((point) => ({ ...point, name: point.label })))(
      "is passive driven $name: Re Z ≥ −1e-12·|Z| at every frequency",
      ({ design: driven, node }) => {
        const probe = simulateOnGrid(driven).probes[`p_${node}`]!;
        const violations: string[] = [];
        GRID.forEach((frequency, k) => {
          const re = probe.re[k]!;
          const magnitude = Math.hypot(re, probe.im[k]!);
          if (!(re >= -1e-12 * magnitude) || !(magnitude > 0))
            violations.push(`${frequency.toFixed(1)} Hz: Z = ${re} ${probe.im[k]}j`);
        });
        expect(violations, violations.slice(0, 3).join("; ")).toEqual([]);
      },
    );
  });

  describe("validation", () => {
    const rules = Object.entries(sample.rules) as [string, Rule][];
    const rejected: Record<Rule, readonly number[]> = {
      positive: [0, -0, -1, -1e-9],
      nonNegative: [-1, -1e-9],
      finite: [],
      positiveInteger: [0, -1, 1.5],
    };
    const accepted: Record<Rule, readonly number[]> = {
      positive: [1e-3],
      nonNegative: [0],
      finite: [0, -1],
      positiveInteger: [1, 2],
    };

    it.runIf(rules.length > 0).each(rules)(
      "rejects out-of-range values of %s (%s) at its path",
      (name, rule) => {
        for (const value of rejected[rule]) {
          const { design, index } = networkWith(type, (dut) => ({ ...dut, [name]: value }));
          const issue = expectIssueAt(rejectionOf(design), ["elements", index, name]);
          expect(issue.code).toBe("invalid-parameter");
        }
      },
    );

    it.runIf(rules.length > 0).each(rules)(
      "accepts in-range values of %s (%s) and stays finite",
      (name, rule) => {
        for (const value of accepted[rule]) {
          const { design } = networkWith(type, (dut) => ({ ...dut, [name]: value }));
          const validated = validateDesign(design);
          expect(validated.ok ? [] : validated.issues).toEqual([]);
          expectAllFinite(simulateOnGrid(design));
        }
      },
    );

    it.runIf(rules.length > 0).each(rules)(
      "rejects non-numbers and non-finite numbers for %s",
      (name) => {
        for (const value of ["abc", "1", null, true, [], {}]) {
          const { design, index } = networkWith(type, (dut) => ({ ...dut, [name]: value }));
          expectIssueAt(rejectionOf(design), ["elements", index, name]);
        }
        // JSON has no Infinity or NaN, but 1e999 overflows to Infinity; YAML spells them .inf and .nan.
        const { design, index } = networkWith(type, (dut) => ({ ...dut, [name]: "@@VALUE@@" }));
        const texts = [
          ["json", "1e999"],
          ["json", "-1e999"],
          ["yaml", ".inf"],
          ["yaml", "-.inf"],
          ["yaml", ".nan"],
        ] as const;
        for (const [format, literal] of texts) {
          const text = (format === "json" ? JSON.stringify(design) : stringify(design)).replace(
            /"@@VALUE@@"|@@VALUE@@/,
            literal,
          );
          const parsed = parseDesignText(text, format) as { elements: Record<string, unknown>[] };
          expect(Number.isFinite(parsed.elements[index]![name])).toBe(false);
          expectIssueAt(rejectionOf(parsed), ["elements", index, name]);
        }
      },
    );

    const documented = Object.keys(ELEMENT_MODELS[type].parameters);
    const typos = documented.flatMap((name) => {
      const candidates = [`${name}${name.at(-1)}`, name.toLowerCase(), name.slice(0, -1)];
      return (
        [...new Set(candidates)]
          // Only typos that are unambiguously closest to the parameter they misspell.
          .filter(
            (typo) =>
              typo !== name && typo.length > 1 && uniquelyClosest(typo, documented) === name,
          )
          .map((typo) => ({ name, typo }))
      );
    });

    it.runIf(typos.length > 0).each(typos)(
      "rejects the extra parameter $typo, suggesting $name",
      ({ name, typo }) => {
        const { design, index } = networkWith(type, (dut) => ({ ...dut, [typo]: dut[name] ?? 1 }));
        const issue = expectIssueAt(rejectionOf(design), ["elements", index, typo]);
        expect(issue.code).toBe("unknown-parameter");
        expect(issue.message).toMatch(new RegExp(`did you mean "${name}"`, "i"));
      },
    );

    it.runIf(typos.length > 0).each(typos)(
      "rejects $typo written instead of $name, suggesting $name",
      ({ name, typo }) => {
        const { design, index } = networkWith(type, (dut) => {
          const { [name]: value, ...rest } = dut;
          return { ...rest, [typo]: value ?? 1 };
        });
        const issue = expectIssueAt(rejectionOf(design), ["elements", index, typo]);
        expect(issue.message).toMatch(new RegExp(`did you mean "${name}"`, "i"));
      },
    );

    const invalid = Object.entries(sample.invalid ?? {});
    it.runIf(invalid.length > 0).each(invalid)(
      "rejects invalid values of %s at its path",
      (name, values) => {
        for (const value of values) {
          const { design, index } = networkWith(type, (dut) => ({ ...dut, [name]: value }));
          expectIssueAt(rejectionOf(design), ["elements", index, name]);
        }
      },
    );

    it("rejects an unrelated extra parameter and says which parameters the type takes", () => {
      const { design, index } = networkWith(type, (dut) => ({ ...dut, colour: "red" }));
      const issue = expectIssueAt(rejectionOf(design), ["elements", index, "colour"]);
      expect(issue.code).toBe("unknown-parameter");
      for (const name of documented) expect(issue.message).toContain(`"${name}"`);
      if (documented.length === 0) expect(issue.message).toContain("takes no parameters");
    });

    it.each(
      documented.filter(
        (name) => !ELEMENT_MODELS[type].schema.safeParse(withoutParameter(type, name)).success,
      ),
    )("reports the required parameter %s missing, at its path", (name) => {
      const { design, index } = networkWith(type, (dut) => omit(dut, name));
      const issue = expectIssueAt(rejectionOf(design), ["elements", index, name]);
      expect(issue.code).toBe("missing-parameter");
    });

    it(`rejects a wrong node count (${ELEMENT_MODELS[type].terminals.length} expected) at ["elements", i, "nodes"]`, () => {
      const wrongCounts = [
        (nodes: string[]) => [...nodes, "extra"],
        (nodes: string[]) => nodes.slice(0, -1),
        () => [],
      ];
      for (const wrong of wrongCounts) {
        const { design, index } = networkWith(type);
        const nodes = design.elements[index]!.nodes as string[];
        const changed = {
          ...design,
          elements: design.elements.map((e, k) =>
            k === index ? { ...e, nodes: wrong(nodes) } : e,
          ),
        };
        expectIssueAt(rejectionOf(changed), ["elements", index, "nodes"]);
      }
    });

    it("rejects reserved and malformed node names at their path", () => {
      // An integer (YAML's unquoted 0) is a name; a fraction, a boolean or null is not.
      for (const bad of ["#inner", "", 2.5, true, null]) {
        const { design, index } = networkWith(type, (dut) => dut);
        const nodes = [...(design.elements[index]!.nodes as unknown[])];
        nodes[0] = bad;
        const changed = {
          ...design,
          elements: design.elements.map((e, k) => (k === index ? { ...e, nodes } : e)),
        };
        expectIssueAt(rejectionOf(changed), ["elements", index, "nodes", 0]);
      }
    });
  });
});

/** The sample, placed, with one parameter removed: used to find which parameters are required. */
function withoutParameter(type: ElementType, name: string): unknown {
  const { design, index } = networkWith(type, (dut) => omit(dut, name));
  return design.elements[index];
}

function omit(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

/** The one name nearest to `word` by edit distance (case-insensitive), or undefined on a tie. */
function uniquelyClosest(word: string, names: readonly string[]): string | undefined {
  const ranked = names
    .map((name) => ({ name, distance: editDistance(word.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  return ranked[1] !== undefined && ranked[1].distance === ranked[0]!.distance
    ? undefined
    : ranked[0]?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(
        Math.min(
          previous[j]! + 1,
          current[j - 1]! + 1,
          previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
