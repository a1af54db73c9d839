import { readFileSync, readdirSync } from "node:fs";
import { URL, fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { checkIssues, refusal, tympanErrorOr } from "./measurements.mjs";

/**
 * Design files for the fuzzer: the examples and the built-in reference designs, damaged (fields
 * deleted or given the wrong type, zero, negative, tiny or huge values, units slipped by 1000,
 * unknown element types and keys, bad node names, duplicated elements, probes on nowhere), written as
 * JSON or YAML and that text damaged too (cuts, anchors, aliases, tags, tabs). Parsing must give a
 * value or a TympanError; validation a design or issues; simulation a finite result or a TympanError.
 */

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

let cachedBase;
function baseDesigns(api) {
  if (cachedBase) return cachedBase;
  const files = readdirSync(EXAMPLES)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name, design: JSON.parse(readFileSync(EXAMPLES + name, "utf8")) }));
  const builtIn = api.REFERENCE_DESIGNS.map((d) => ({ name: d.name, design: d.design }));
  return (cachedBase = [...files, ...builtIn]);
}

const ODD_VALUES = [
  0,
  -0,
  -1,
  1e-300,
  1e300,
  1e30,
  -1e30,
  5e-324,
  Number.MAX_VALUE,
  2 ** 53,
  "",
  "abc",
  "12",
  "1e3",
  "<script>alert(1)</script>",
  null,
  true,
  false,
  [],
  {},
  [1, 2],
  { a: 1 },
  "exact",
  "foster",
];
const ODD_NODES = [
  "",
  " ",
  "0",
  0,
  1,
  -1,
  "#x",
  "#ear/n1",
  "a/b",
  "__proto__",
  "constructor",
  "x".repeat(300),
  null,
  [],
  "in",
  "drum",
  "é",
  "\u0000",
];
const ODD_TYPES = [
  "resistr",
  "Tube",
  "",
  "tube ",
  "__proto__",
  null,
  7,
  "ear711",
  "dynamicDriver",
  "gyrator",
];

function containers(value, into = []) {
  if (typeof value === "object" && value !== null) {
    into.push(value);
    for (const item of Object.values(value)) containers(item, into);
  }
  return into;
}

/** The elements an edit may pick from: one empty stand-in when an earlier edit broke the list. */
const elementsOf = (d) => (Array.isArray(d.elements) && d.elements.length > 0 ? d.elements : [{}]);

/** One damaging edit of a design object (in place). */
const MUTATIONS = [
  (d, r) => {
    const c = r.pick(containers(d));
    const keys = Object.keys(c);
    if (keys.length === 0) return;
    const key = r.pick(keys);
    if (Array.isArray(c)) c.splice(Number(key), 1);
    else delete c[key];
  },
  (d, r) => {
    const c = r.pick(containers(d));
    const keys = Object.keys(c);
    if (keys.length > 0) c[r.pick(keys)] = globalThis.structuredClone(r.pick(ODD_VALUES));
  },
  (d, r) => {
    const numbers = containers(d).flatMap((c) =>
      Object.keys(c)
        .filter((k) => typeof c[k] === "number")
        .map((k) => [c, k]),
    );
    if (numbers.length === 0) return;
    const [c, k] = r.pick(numbers);
    c[k] *= r.pick([1000, 1e-3, 1e6, 1e-6, -1, 0, 1e200, 1e-200]);
  },
  (d, r) => {
    const element = r.pick(elementsOf(d));
    if (element && typeof element === "object")
      element.type = r.chance(0.5) ? r.pick(ODD_TYPES) : r.pick(elementsOf(d)).type;
  },
  (d, r) => {
    const element = r.pick(elementsOf(d));
    if (element && Array.isArray(element.nodes) && element.nodes.length > 0)
      element.nodes[r.int(0, element.nodes.length - 1)] = r.pick(ODD_NODES);
  },
  (d, r) => {
    if (Array.isArray(d.elements) && d.elements.length > 0)
      d.elements.push(globalThis.structuredClone(r.pick(d.elements)));
  },
  (d, r) => {
    const element = r.pick(elementsOf(d));
    if (element && typeof element === "object")
      element[r.pick(["resistanse", "part", "model", "damped", "extra", "__proto__"])] =
        r.pick(ODD_VALUES);
  },
  (d, r) => {
    if (Array.isArray(d.probes))
      d.probes.push({ id: r.pick(["drum", "x", "", "a/b", "__proto__"]), node: r.pick(ODD_NODES) });
  },
  (d, r) => {
    // Two elements swap their nodes: wiring mistakes (shorts, loops, floating parts).
    const elements = d.elements ?? [];
    if (elements.length < 2) return;
    const a = r.pick(elements);
    const b = r.pick(elements);
    if (a && b && typeof a === "object" && typeof b === "object")
      [a.nodes, b.nodes] = [b.nodes, a.nodes];
  },
  (d, r) => {
    if (Array.isArray(d.elements)) d.elements = r.shuffle(d.elements);
  },
];

/** Every positive number of the elements scaled by up to a decade either way: still a valid design. */
function rescale(design, r) {
  for (const element of design.elements ?? []) {
    for (const [key, value] of Object.entries(element)) {
      if (typeof value === "number" && value > 0 && !Number.isInteger(value) && r.chance(0.3)) {
        element[key] = value * r.logUniform(0.1, 10);
      }
    }
  }
}

const YAML_ODDITIES = [
  "&a ",
  "*a",
  "!!str ",
  "!!binary ",
  "<<: *a\n",
  "\t",
  "? ",
  "---\n",
  "...\n",
  "%YAML 1.1\n",
  " #",
  "'",
  '"',
  ".nan",
  ".inf",
  "~",
  "{",
  "[",
  "0x1F",
  "1e999",
];

function damageText(text, r) {
  const at = r.int(0, text.length);
  if (r.chance(0.5))
    return text.slice(0, at) + r.pick(YAML_ODDITIES) + text.slice(at + r.int(0, 3));
  return text.slice(0, at) + text.slice(at + r.int(1, 40));
}

export const designKind = {
  name: "designs",
  generate(r, api) {
    const chosen = r.pick(baseDesigns(api));
    const design = globalThis.structuredClone(chosen.design);
    const edits = [];
    // Mostly one edit; a third of the designs are only rescaled, valid and simulated.
    if (r.chance(0.3)) {
      rescale(design, r);
      edits.push("rescaled");
    }
    for (let k = r.pick([0, 1, 1, 1, 2, 3]); k > 0; k--) {
      const index = r.int(0, MUTATIONS.length - 1);
      MUTATIONS[index](design, r);
      edits.push(index);
    }
    const format = r.chance(0.5) ? "json" : "yaml";
    let text = format === "json" ? JSON.stringify(design) : stringify(design);
    if (r.chance(0.15)) {
      text = damageText(text, r);
      edits.push("text");
    }
    const frequencies = r.chance(0.7)
      ? [20, 1000, 20_000]
      : Array.from({ length: r.int(1, 4) }, () => r.logUniform(0.01, 1e6));
    return { name: chosen.name, format, text, edits, frequencies };
  },
  describe: (input) =>
    `${input.name} as ${input.format}, edits ${JSON.stringify(input.edits)}, at ${input.frequencies.map((f) => f.toPrecision(4)).join(", ")} Hz`,
  check(input, api) {
    let parsed;
    try {
      parsed = api.parseDesignText(input.text, input.format, "fuzz");
    } catch (error) {
      if (error instanceof api.TympanError) return refusal(error.issues);
      throw error;
    }
    const validated = api.validateDesign(parsed);
    if (!validated.ok) {
      const bad = checkIssues(validated.issues);
      if (bad !== undefined) return bad;
    }
    const tried = api.trySimulate(parsed, { frequencies: input.frequencies });
    if (!tried.ok) return refusal(tried.issues);
    if (!validated.ok) return "validateDesign refused a design trySimulate simulated";
    return tympanErrorOr(api, () => tried.value);
  },
};
