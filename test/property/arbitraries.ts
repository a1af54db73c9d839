import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { ELEMENT_TYPES } from "../../src/index.js";

/** Generators for the design-parser properties: valid examples, their mutations, and text. */

const EXAMPLES_DIR = new URL("../../examples/", import.meta.url);

/** The example designs (docs/physics.md §8 cases), parsed. */
export const EXAMPLE_DESIGNS: readonly unknown[] = readdirSync(EXAMPLES_DIR)
  .filter((name) => /^case-.*\.json$/.test(name))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, EXAMPLES_DIR), "utf8")) as unknown);

/** Numbers a design may carry, edge cases included: 0, −0, NaN, ±Infinity, subnormals, huge. */
export const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    Number.NaN,
    Infinity,
    -Infinity,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    1e-300,
    1e300,
  ),
  fc.integer(),
);

const nodeNames = fc.oneof(
  fc.constantFrom(
    "0",
    "in",
    "front",
    "back",
    "entrance",
    "drum",
    "tubeIn",
    "#driver/coil",
    "#ear/n1",
    "",
    " ",
  ),
  fc.string({ maxLength: 8 }),
);

/** Any value a JSON/YAML design could hold at a field, plus a few JavaScript-only ones. */
const fieldValue = fc.oneof(
  anyNumber,
  nodeNames,
  fc.constantFrom(...ELEMENT_TYPES, "resistr", "Tube", "", "exact", "foster", "lossless"),
  fc.jsonValue({ maxDepth: 2 }),
  fc.anything({ maxDepth: 2 }),
);

type Mutation =
  | { op: "delete"; path: number[] }
  | { op: "replace"; path: number[]; value: unknown }
  | { op: "duplicate-element"; element: number }
  | { op: "rename-node"; element: number; node: number; name: unknown }
  | { op: "retype"; element: number; type: string }
  | { op: "renumber"; element: number; key: number; value: unknown }
  | { op: "reprobe"; probe: number; node: unknown };

const mutationWith = (fieldValue: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({
      op: fc.constant("delete" as const),
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      op: fc.constant("replace" as const),
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      value: fieldValue,
    }),
    fc.record({ op: fc.constant("duplicate-element" as const), element: fc.nat() }),
    fc.record({
      op: fc.constant("rename-node" as const),
      element: fc.nat(),
      node: fc.nat(),
      name: nodeNames,
    }),
    fc.record({
      op: fc.constant("retype" as const),
      element: fc.nat(),
      type: fc.oneof(fc.constantFrom(...ELEMENT_TYPES), fc.string({ maxLength: 12 })),
    }),
    fc.record({
      op: fc.constant("renumber" as const),
      element: fc.nat(),
      key: fc.nat(),
      value: anyNumber,
    }),
    fc.record({ op: fc.constant("reprobe" as const), probe: fc.nat(), node: nodeNames }),
  );

/** Values only a JavaScript caller (not a JSON or YAML file) can pass. */
const javaScriptValue = fc.anything({
  maxDepth: 2,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
});

type Container = Record<string | number, unknown>;
const isContainer = (value: unknown): value is Container =>
  typeof value === "object" && value !== null;
const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];
const keysOf = (value: Container): readonly (string | number)[] =>
  Array.isArray(value) ? value.map((_, k) => k) : Object.keys(value);

/** The container a path of choices leads to, and the key chosen in it. */
function walk(
  root: Container,
  path: readonly number[],
): { container: Container; key: string | number } | undefined {
  let container = root;
  for (let depth = 0; depth < path.length; depth++) {
    const key = pick(keysOf(container), path[depth]!);
    if (key === undefined) return undefined;
    const next = container[key];
    if (depth === path.length - 1 || !isContainer(next)) return { container, key };
    container = next;
  }
  return undefined;
}

function apply(design: Container, m: Mutation): void {
  const elements = Array.isArray(design.elements) ? (design.elements as unknown[]) : [];
  const probes = Array.isArray(design.probes) ? (design.probes as unknown[]) : [];
  const element = "element" in m ? pick(elements, m.element) : undefined;
  switch (m.op) {
    case "delete": {
      const at = walk(design, m.path);
      if (at && Array.isArray(at.container)) at.container.splice(at.key as number, 1);
      // Typed arrays (from fc.anything()) have fixed elements: nothing to delete there.
      else if (at && !ArrayBuffer.isView(at.container)) delete at.container[at.key];
      return;
    }
    case "replace": {
      const at = walk(design, m.path);
      if (at) at.container[at.key] = m.value;
      return;
    }
    case "duplicate-element":
      if (element !== undefined) elements.push(structuredClone(element));
      return;
    case "rename-node":
      if (isContainer(element) && Array.isArray(element.nodes) && element.nodes.length > 0) {
        element.nodes[m.node % element.nodes.length] = m.name;
      }
      return;
    case "retype":
      if (isContainer(element)) element.type = m.type;
      return;
    case "renumber":
      if (isContainer(element)) {
        const key = pick(
          Object.keys(element).filter((k) => typeof element[k] === "number"),
          m.key,
        );
        if (key !== undefined) element[key] = m.value;
      }
      return;
    case "reprobe": {
      const probe = pick(probes, m.probe);
      if (isContainer(probe)) probe.node = m.node;
      return;
    }
  }
}

const mutated = (values: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      fc.constantFrom(...EXAMPLE_DESIGNS),
      fc.array(mutationWith(values), { minLength: 1, maxLength: 4 }),
    )
    .map(([example, mutations]) => {
      const design = structuredClone(example) as Container;
      for (const m of mutations) apply(design, m);
      return design;
    });

/** A valid example design with one to four mutations applied; still plain JSON data. */
export const mutatedDesign: fc.Arbitrary<unknown> = mutated(fieldValue);

/** The same, with values only JavaScript has (BigInt, Map, boxed numbers, …) mixed in. */
export const mutatedDesignWithJavaScriptValues: fc.Arbitrary<unknown> = mutated(
  fc.oneof(fieldValue, javaScriptValue),
);

/** Anything at all, JSON values, and mutated designs. */
export const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    withObjectString: true,
  }),
  fc.jsonValue(),
  mutatedDesign,
  mutatedDesignWithJavaScriptValues,
);

const YAML_TOKENS = [
  "tympan",
  "elements",
  "probes",
  "id",
  "type",
  "nodes",
  "resistor",
  ":",
  ": ",
  " ",
  "  ",
  "\n",
  "- ",
  "{",
  "}",
  "[",
  "]",
  ",",
  "&a ",
  "*a",
  "&b ",
  "*b",
  "!!str ",
  "!!int ",
  "!!map ",
  "!!binary ",
  "!!set ",
  "? ",
  "|",
  ">",
  "#",
  "'",
  '"',
  "---\n",
  "...\n",
  "<<: ",
  "%YAML 1.2\n",
  "1e999",
  ".nan",
  ".inf",
  "~",
  "\t",
  "0",
  "1",
  "-1",
  "0x1F",
  "null",
  "true",
  "\\",
  "\u00e9",
  "\u{1F50A}",
];

/** Texts that tripped the parser before: aliases, anchors, cycles, tags, merge keys, duplicate keys. */
const TRICKY_TEXTS = [
  "tympan: &a [*a]\nelements: []\n",
  "tympan: 1\nelements: *zz\n",
  "*a",
  "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
  "a: &a {b: *a}\n<<: *a\n",
  "tympan: !!binary aGk=\nelements: !!set {a, b}\nprobes: !!omap [a: 1]\n",
  "tympan: 1\ntympan: 1\n",
  '{"tympan": 1, "tympan": 2}',
  "tympan: 1e999\nelements: [.nan, .inf, -.inf]\n",
  "%YAML 1.1\n---\ntympan: 0x1\n...\n---\nsecond: doc\n",
  "\uFEFF{}",
  "",
];

/** Text that may or may not parse: random strings, YAML-ish token soup, and damaged real designs. */
export const designText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_TEXTS),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 }).map((tokens) => tokens.join("")),
  fc
    .tuple(mutatedDesign, fc.nat(), fc.nat(), fc.string({ maxLength: 4 }))
    .map(([design, at, cut, insert]) => {
      const text = JSON.stringify(design) ?? "";
      const start = at % (text.length + 1);
      return text.slice(0, start) + insert + text.slice(start + (cut % 5));
    }),
);
