import type { Design } from "./design.js";
import type { ElementDefinition } from "../elements/registry.js";
import { GROUND } from "../network/topology.js";

/*
 * Edits of a design as plain data, for variants: what a design is without a part, or with a part
 * bridged. Each returns a new design; the original is untouched.
 */

/**
 * The design without the listed elements. Throws if an id is not in the design. Where a removed
 * element leaves a node that one remaining terminal uses, that end is now sealed (the removed
 * part's port is closed, as in a shell with the driver taken out); validation refuses unprobed
 * one-terminal nodes as likely typos, so the returned design declares each such end with a probe
 * "sealed <node>".
 */
export function withoutElements(design: Design, ids: readonly string[]): Design {
  requireIds(design, ids);
  const elements = design.elements.filter((element) => !ids.includes(element.id));
  const uses = new Map<string, number>();
  for (const element of elements)
    for (const node of element.nodes) uses.set(node, (uses.get(node) ?? 0) + 1);
  const probed = new Set(design.probes.map((probe) => probe.node));
  const sealed = [
    ...new Set(
      design.elements.filter((element) => ids.includes(element.id)).flatMap((e) => e.nodes),
    ),
  ].filter((node) => node !== GROUND && uses.get(node) === 1 && !probed.has(node));
  const probes = [...design.probes, ...sealed.map((node) => ({ id: `sealed ${node}`, node }))];
  return { ...design, elements, probes };
}

/**
 * The design with each listed two-terminal element replaced by a plain connection: the element is
 * removed and its second node merged into its first (a damper taken out, a crossover part bridged).
 */
export function bridged(design: Design, ids: readonly string[]): Design {
  requireIds(design, ids);
  let elements = [...design.elements];
  let probes = [...design.probes];
  for (const id of ids) {
    const element = elements.find((candidate) => candidate.id === id)!;
    const [keep, merge] = element.nodes as [string, string];
    if (element.nodes.length !== 2)
      throw new Error(
        `bridged: "${id}" has ${element.nodes.length} terminals; only two-terminal elements can be bridged`,
      );
    const rename = (node: string) => (node === merge ? keep : node);
    elements = elements
      .filter((candidate) => candidate.id !== id)
      .map(
        (candidate) => ({ ...candidate, nodes: candidate.nodes.map(rename) }) as ElementDefinition,
      );
    probes = probes.map((probe) => ({ ...probe, node: rename(probe.node) }));
  }
  return { ...design, elements, probes };
}

/** The design with one element's parameters replaced (same id, type and nodes). */
export function withElement(
  design: Design,
  id: string,
  replace: (element: ElementDefinition) => ElementDefinition,
): Design {
  requireIds(design, [id]);
  return {
    ...design,
    elements: design.elements.map((element) => (element.id === id ? replace(element) : element)),
  };
}

function requireIds(design: Design, ids: readonly string[]): void {
  const missing = ids.filter((id) => !design.elements.some((element) => element.id === id));
  if (missing.length > 0)
    throw new Error(
      `design "${design.name ?? "?"}" has no element ${missing.map((id) => `"${id}"`).join(", ")}`,
    );
}
