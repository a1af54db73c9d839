import { STANDARD_AIR } from "../core/air.js";
import type { Issue } from "../core/issues.js";
import { didYouMean } from "../core/suggest.js";
import { GROUND, undrivenParts } from "../network/topology.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";
import { type PrimitiveInstance, expandElements, isDomainClaim } from "./expand.js";

/**
 * Checks how a valid design's elements are wired: `errors` for nodes only one terminal uses
 * (`danglingNodes`), `warnings` for parts no source drives (they connect to the rest only at
 * ground, so they carry nothing). Macro elements are expanded to see their inner wiring; the
 * connections of a macro do not depend on the air, so standard air serves.
 */
export function checkWiring(
  elements: readonly ElementDefinition[],
  probedNodes: ReadonlySet<string>,
): { errors: Issue[]; warnings: Issue[] } {
  let primitives: PrimitiveInstance[];
  try {
    primitives = expandElements(elements, STANDARD_AIR);
  } catch {
    return { errors: [], warnings: [] }; // a macro that cannot expand is reported when compiled
  }
  const errors = danglingNodes(elements, primitives, probedNodes);
  if (errors.length > 0) return { errors, warnings: [] };
  const firstIndexOf = (id: string) => elements.findIndex((element) => element.id === id);
  const warnings = undrivenParts(primitives).map(({ nodes, elementIds }): Issue => ({
    code: "undriven-subnetwork",
    severity: "warning",
    path: ["elements", firstIndexOf(elementIds[0]!)],
    elementIds,
    message: `elements ${elementIds.map((id) => `"${id}"`).join(", ")} (nodes ${nodes.map((node) => `"${node}"`).join(", ")}) meet the rest of the design only at ground "0" and no source drives them, so they carry nothing`,
    hint: "connect them to the driven part, or remove them",
  }));
  return { errors: [], warnings };
}

/**
 * Finds nodes that only one element uses. Nothing can flow into such a node, so the terminal is
 * cut off: a driver whose front node is misspelt ("frnt" for "front") still solves, silently, with
 * that driver blocked (its share at −6000 dB). Almost always a typo, so it is an error naming the
 * element, the node and the closest existing name.
 *
 * A macro element may terminate a terminal itself: an ear simulator's "drum" ends in the
 * simulator's own compliance to ground, so a drum node nothing else touches is fine. A terminal
 * counts as terminated inside when the macro's expansion puts a one-port passive element between
 * it and ground; a transducer's diaphragm does not count (a pair of opposed drivers sharing one
 * sealed back node pushes into nothing). A one-element node can still be meant (the rigidly closed
 * end of a tube, a coil left open): a probe on it says so, and a probed node is never reported.
 * Nodes inside macro elements ("#…") and ground are not the user's to wire. An element with no
 * wired terminal at all is left to `checkTopology`, which reports it as a floating sub-network.
 */
function danglingNodes(
  elements: readonly ElementDefinition[],
  primitives: readonly PrimitiveInstance[],
  probedNodes: ReadonlySet<string>,
): Issue[] {
  const users = new Map<string, Set<number>>();
  const firstUse = new Map<string, { index: number; terminal: number }>();
  elements.forEach((element, index) =>
    element.nodes.forEach((node, terminal) => {
      users.set(node, (users.get(node) ?? new Set()).add(index));
      if (!firstUse.has(node)) firstUse.set(node, { index, terminal });
    }),
  );
  const terminatedInside = new Set<string>();
  for (const primitive of primitives) {
    const { definition, model, originIndex } = primitive;
    if (isDomainClaim(primitive) || modelOf(elements[originIndex]!.type).kind !== "macro") continue;
    if (model.ports.length !== 1 || model.source?.(definition) !== undefined) continue;
    if (!definition.nodes.includes(GROUND)) continue;
    for (const node of definition.nodes)
      if (elements[originIndex]!.nodes.includes(node)) terminatedInside.add(node);
  }
  const isWired = (node: string) =>
    node === GROUND ||
    node.startsWith("#") ||
    probedNodes.has(node) ||
    terminatedInside.has(node) ||
    (users.get(node)?.size ?? 0) > 1;
  const names = [...firstUse.keys()];
  const issues: Issue[] = [];
  for (const [node, { index, terminal }] of firstUse) {
    if (isWired(node)) continue;
    const element = elements[index]!;
    if (!element.nodes.some(isWired)) continue; // an island: floating, reported by checkTopology
    const terminalName = modelOf(element.type).terminals[terminal] ?? `nodes[${terminal}]`;
    // Ground last: on a tie a named node is the likelier intent ("p" for "p2" rather than "0").
    const others = [...names.filter((name) => name !== node && name !== GROUND), GROUND];
    issues.push({
      code: "dangling-node",
      severity: "error",
      path: ["elements", index, "nodes", terminal],
      elementIds: [element.id],
      message: `element "${element.id}" (${element.type}): its "${terminalName}" terminal is on node "${node}", which no other element connects to, so nothing flows through it.${didYouMean(node, others)}`,
      hint: `connect another element to "${node}", or, if the node is meant to end there (a tube's closed end, an open coil), put a probe on it`,
    });
  }
  return issues;
}
