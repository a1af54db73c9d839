import { isRecord } from "./records.js";

/**
 * Node names are strings, but YAML reads an unquoted `0` or `12` as a number (`nodes: [in, 0]`), and
 * a hand-written JSON design may do the same. An integer is a plain name, so it becomes its decimal
 * text ("0", "12"); anything else (1.5, true, null) is left for validation to report. Lists keep their
 * positions, so every path in a later message still points at what the user wrote.
 */
export function withIntegerNodeNamesAsText(
  input: Record<string, unknown>,
): Record<string, unknown> {
  const { elements, probes } = input;
  return {
    ...input,
    ...(Array.isArray(elements) ? { elements: elements.map(elementWithTextNodes) } : {}),
    ...(Array.isArray(probes) ? { probes: probes.map(probeWithTextNode) } : {}),
  };
}

function elementWithTextNodes(entry: unknown): unknown {
  if (!isRecord(entry) || !Array.isArray(entry.nodes)) return entry;
  return { ...entry, nodes: entry.nodes.map(nodeNameText) };
}

function probeWithTextNode(entry: unknown): unknown {
  if (!isRecord(entry) || !("node" in entry)) return entry;
  return { ...entry, node: nodeNameText(entry.node) };
}

/** "12" for the integer 12 (also 0 and negative integers); any other value unchanged. */
export function nodeNameText(node: unknown): unknown {
  return typeof node === "number" && Number.isSafeInteger(node) ? String(node) : node;
}
