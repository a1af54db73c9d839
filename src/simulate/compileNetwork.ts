import type { Air } from "../core/air.js";
import type { Issue } from "../core/issues.js";
import { type PrimitiveInstance, expandElements } from "../design/expand.js";
import { GROUND, type Topology, checkTopology } from "../network/topology.js";
import type { Design, Probe } from "../design/design.js";
import type { Network } from "./network.js";
import { NetworkRecipe, type PrimitiveKey } from "./networkRecipe.js";

export type { Network };

export type CompileOutcome =
  | { readonly ok: true; readonly network: Network }
  | { readonly ok: false; readonly issues: Issue[] };

/**
 * Compiles a design. `rewire` may edit the expanded primitives first (per-driver contributions
 * replace each transducer's motor by a force source this way).
 */
export function compileNetwork(
  design: Design,
  air: Air,
  rewire?: (primitives: PrimitiveInstance[]) => PrimitiveInstance[],
): CompileOutcome {
  const outcome = compileRecipe(design, air, rewire);
  return outcome.ok ? { ok: true, network: outcome.recipe.network() } : outcome;
}

/**
 * Like `compileNetwork`, but keeps how the network was realised, primitive by primitive, so that
 * edited element values can be realised again into it (see NetworkRecipe.update). Each primitive of
 * the expansion is keyed by its design element and its position in that element's expansion.
 */
export function compileRecipe(
  design: Design,
  air: Air,
  rewire?: (primitives: PrimitiveInstance[]) => PrimitiveInstance[],
):
  | { readonly ok: true; readonly recipe: NetworkRecipe }
  | { readonly ok: false; readonly issues: Issue[] } {
  const expanded = expandElements(design.elements, air);
  const keyOf = new Map<PrimitiveInstance, PrimitiveKey>();
  let position = 0;
  expanded.forEach((primitive, index) => {
    if (index > 0 && expanded[index - 1]!.originIndex !== primitive.originIndex) position = 0;
    keyOf.set(primitive, { originIndex: primitive.originIndex, position: position++ });
  });
  const primitives = rewire ? rewire(expanded) : expanded;
  const { topology, issues } = checkTopology(primitives);
  issues.push(...checkProbes(design.probes, topology));
  if (issues.length > 0) return { ok: false, issues };
  const recipe = new NetworkRecipe(
    primitives,
    primitives.map((primitive) => keyOf.get(primitive)),
    topology.nodes,
    topology.domainOf,
    air,
  );
  return { ok: true, recipe };
}

/** Probes must be on nodes of the expanded network that have a domain (and not on ground). */
function checkProbes(probes: readonly Probe[], topology: Topology): Issue[] {
  const issues: Issue[] = [];
  const nodeSet = new Set(topology.nodes);
  for (const [index, probe] of probes.entries()) {
    const path = ["probes", index, "node"];
    if (probe.node === GROUND) {
      issues.push({
        severity: "error",
        code: "probe-on-ground",
        path,
        message: `probe "${probe.id}" is on ground "0", whose potential is 0 by definition; probe another node`,
      });
    } else if (!nodeSet.has(probe.node)) {
      issues.push({
        severity: "error",
        code: "unknown-probe-node",
        path,
        message: `probe "${probe.id}" is on node "${probe.node}", which does not exist in the expanded network`,
      });
    } else if (!topology.domainOf.has(probe.node)) {
      issues.push({
        severity: "error",
        code: "probe-domain-unknown",
        path,
        message: `probe "${probe.id}" is on node "${probe.node}", which only couplings (gyrators, transformers) touch, so its unit is unknown; probe a node that an element of one domain connects to`,
      });
    }
  }
  return issues;
}
