import { type Issue, type Result, isNonEmpty } from "../core/issues.js";
import { didYouMean } from "../core/suggest.js";
import { withIntegerNodeNamesAsText } from "./nodeNames.js";
import { checkPlausibleSizes } from "./plausibleSizes.js";
import { isRecord } from "./records.js";
import { checkWiring } from "./wiring.js";
import { describeSchemaIssue, issue, valueText } from "./validationIssues.js";
import {
  ELEMENT_TYPES,
  type ElementDefinition,
  isElementType,
  modelOf,
} from "../elements/registry.js";

/** A probe reports the potential of a node: Pa on acoustic nodes, V on electrical, N on mechanical. */
export interface Probe {
  readonly id: string;
  readonly node: string;
  /**
   * Also report each transducer's share of this node's potential, as probes "<id>/<driver id>"
   * (plus "<id>/other" for any part no transducer accounts for); the shares sum to the whole.
   */
  readonly byDriver?: boolean;
}

/** A design: the one format the CLI, the web app, the optimiser and the tests share (DESIGN.md). */
export interface Design {
  readonly tympan: 1;
  readonly name?: string;
  readonly description?: string;
  /**
   * The id of the tube between nozzle and ear that is the ear tip's bore, which `tympan fit`'s tip
   * variants replace; without it, the tube with id "tipBore" is taken.
   */
  readonly tipBore?: string;
  readonly elements: readonly ElementDefinition[];
  readonly probes: readonly Probe[];
}

const TOP_LEVEL_KEYS = ["tympan", "name", "description", "tipBore", "elements", "probes"];
const PROBE_KEYS = ["id", "node", "byDriver"];

/**
 * Checks that `input` (parsed JSON or YAML) is a well-formed design: known element types, exactly the
 * parameters each type takes with valid values, unique ids, probes on existing nodes, no node that
 * only one terminal uses (a typo) unless a probe is on it. Integer node names (YAML's `0`) are read
 * as text. Collects every problem rather than stopping at the first. Sizes too large for an in-ear
 * monitor (millimetres typed into metres) are warnings, kept after the errors when validation
 * fails (they often explain them). Topology (floating nodes, source loops,
 * domains) is checked later, by `checkTopology`.
 */
export function validateDesign(raw: unknown): Result<Design> {
  const issues: Issue[] = [];
  if (!isRecord(raw)) {
    return fail([
      issue(
        "not-a-design",
        [],
        'a design must be a JSON/YAML object with "tympan": 1, "elements" and "probes"',
      ),
    ]);
  }
  const input = withIntegerNodeNamesAsText(raw);
  for (const key of Object.keys(input)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      issues.push(
        issue(
          "unknown-key",
          [key],
          `unknown top-level key "${key}".${didYouMean(key, TOP_LEVEL_KEYS)} A design has ${TOP_LEVEL_KEYS.map((k) => `"${k}"`).join(", ")}`,
        ),
      );
    }
  }
  if (input.tympan !== 1) {
    issues.push(
      issue(
        "format-version",
        ["tympan"],
        input.tympan === undefined
          ? 'add "tympan": 1 (the design-format version) at the top level'
          : `"tympan" must be 1, the only design-format version so far (got ${valueText(input.tympan)})`,
      ),
    );
  }
  for (const key of ["name", "description", "tipBore"] as const) {
    if (input[key] !== undefined && typeof input[key] !== "string") {
      issues.push(issue("invalid-type", [key], `"${key}" must be a string`));
    }
  }
  const elements = validateElements(input.elements, issues);
  const probes = validateProbes(input.probes, nodesNamedIn(input.elements), issues);
  // Size slips are reported beside any error: a 12 m tube's "did you mean 12 mm?" may explain the
  // error better than the error itself does.
  const sizes = checkPlausibleSizes(elements);
  const sizeWarnings = sizes.filter((size) => size.severity !== "error");
  issues.push(...sizes.filter((size) => size.severity === "error"));
  if (isNonEmpty(issues)) return fail([...issues, ...sizeWarnings] as [Issue, ...Issue[]]);
  // Wiring is judged once every element is valid: a broken element's nodes would count otherwise.
  const wiring = checkWiring(elements, new Set(probes.map((probe) => probe.node)));
  if (isNonEmpty(wiring.errors))
    return fail([...wiring.errors, ...sizeWarnings] as [Issue, ...Issue[]]);
  const design: Design = {
    tympan: 1,
    ...(typeof input.name === "string" ? { name: input.name } : {}),
    ...(typeof input.description === "string" ? { description: input.description } : {}),
    ...(typeof input.tipBore === "string" ? { tipBore: input.tipBore } : {}),
    elements,
    probes,
  };
  return {
    ok: true,
    value: design,
    warnings: [...wiring.warnings, ...sizeWarnings],
  };
}

function validateElements(raw: unknown, issues: Issue[]): ElementDefinition[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.push(
      issue(
        "no-elements",
        ["elements"],
        '"elements" must be a non-empty list of elements, each with "id", "type", "nodes" and its parameters',
      ),
    );
    return [];
  }
  const elements: ElementDefinition[] = [];
  const firstIndexOfId = new Map<string, number>();
  raw.forEach((entry: unknown, index) => {
    const path = ["elements", index];
    if (!isRecord(entry)) {
      issues.push(
        issue(
          "invalid-element",
          path,
          'each element must be an object with "id", "type", "nodes" and its parameters',
        ),
      );
      return;
    }
    const label =
      typeof entry.id === "string" && entry.id !== ""
        ? `element "${entry.id}"`
        : `element #${index + 1}`;
    if (!isElementType(entry.type)) {
      const given = typeof entry.type === "string" ? `"${entry.type}"` : "missing";
      const hint = typeof entry.type === "string" ? didYouMean(entry.type, ELEMENT_TYPES) : "";
      issues.push(
        issue(
          "unknown-element-type",
          [...path, "type"],
          `${label}: type ${given} is not an element type.${hint} Known types: ${ELEMENT_TYPES.join(", ")}`,
          entry.id,
        ),
      );
      return;
    }
    if (typeof entry.id === "string" && entry.id !== "") {
      const earlier = firstIndexOfId.get(entry.id);
      if (earlier !== undefined) {
        issues.push(
          issue(
            "duplicate-id",
            [...path, "id"],
            `${label}: id already used by elements[${earlier}]; element ids must be unique`,
            entry.id,
          ),
        );
      } else {
        firstIndexOfId.set(entry.id, index);
      }
    }
    const model = modelOf(entry.type);
    const parsed = model.schema.safeParse(entry);
    if (!parsed.success) {
      // One issue per place: zod may give several for one value (a string where a list should be).
      const places = new Set<string>();
      for (const zodIssue of parsed.error.issues) {
        const described = describeSchemaIssue(
          zodIssue,
          entry,
          path,
          label,
          model.type,
          model.parameters,
        );
        const place = described.path.join("/");
        if (places.has(place)) continue;
        places.add(place);
        issues.push(described);
      }
      return;
    }
    const element = parsed.data;
    if (firstIndexOfId.get(element.id) !== index) return; // a duplicate, reported above
    elements.push(element);
  });
  return elements;
}

/** Every node name the elements list, valid or not: a probe is not blamed for an element's mistake. */
function nodesNamedIn(rawElements: unknown): Set<string> {
  const names = new Set<string>(["0"]);
  if (!Array.isArray(rawElements)) return names;
  for (const entry of rawElements) {
    if (!isRecord(entry) || !Array.isArray(entry.nodes)) continue;
    for (const node of entry.nodes) if (typeof node === "string") names.add(node);
  }
  return names;
}

function validateProbes(raw: unknown, knownNodes: ReadonlySet<string>, issues: Issue[]): Probe[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push(
      issue(
        "invalid-probes",
        ["probes"],
        '"probes" must be a list like [{ "id": "drum", "node": "drum" }]',
      ),
    );
    return [];
  }
  const probes: Probe[] = [];
  const seen = new Set<string>();
  raw.forEach((entry: unknown, index) => {
    const path = ["probes", index];
    if (
      !isRecord(entry) ||
      typeof entry.id !== "string" ||
      entry.id === "" ||
      typeof entry.node !== "string" ||
      entry.node === ""
    ) {
      issues.push(
        issue(
          "invalid-probe",
          path,
          'a probe is { "id": "<name>", "node": "<node>" } with non-empty strings',
        ),
      );
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!PROBE_KEYS.includes(key))
        issues.push(
          issue(
            "unknown-key",
            [...path, key],
            `unknown probe key "${key}"; a probe has "id", "node" and optionally "byDriver": true`,
          ),
        );
    }
    if (entry.id === "__proto__") {
      issues.push(
        issue(
          "reserved-probe-id",
          [...path, "id"],
          'the probe id "__proto__" is reserved in JavaScript objects; choose another name',
        ),
      );
      return;
    }
    if (seen.has(entry.id)) {
      issues.push(
        issue(
          "duplicate-probe",
          [...path, "id"],
          `probe id "${entry.id}" is used twice; probe ids must be unique`,
        ),
      );
    }
    seen.add(entry.id);
    // Nodes inside drivers and ear simulators ("#…") are checked once the design is expanded.
    if (!knownNodes.has(entry.node) && !entry.node.startsWith("#")) {
      issues.push(
        issue(
          "unknown-probe-node",
          [...path, "node"],
          `probe "${entry.id}" is on node "${entry.node}", which no element connects to.${didYouMean(entry.node, [...knownNodes])}`,
        ),
      );
    }
    if (entry.byDriver !== undefined && typeof entry.byDriver !== "boolean") {
      issues.push(
        issue(
          "invalid-probe",
          [...path, "byDriver"],
          '"byDriver" is true (report each driver\'s share of this probe) or false',
        ),
      );
    }
    if (entry.id.includes("/")) {
      issues.push(
        issue(
          "invalid-probe",
          [...path, "id"],
          `probe id "${entry.id}" contains "/", which names per-driver shares ("drum/woofer"); choose another id`,
        ),
      );
    }
    probes.push({
      id: entry.id,
      node: entry.node,
      ...(entry.byDriver === true ? { byDriver: true } : {}),
    });
  });
  return probes;
}

/** A failed validation: its errors first, then any warnings found beside them. */
function fail(issues: readonly [Issue, ...Issue[]]): Result<Design> {
  return { ok: false, issues };
}
