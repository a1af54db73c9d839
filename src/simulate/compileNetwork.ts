import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import type { Issue } from "../core/issues.js";
import type { Stamp } from "../network/elementModel.js";
import { type PrimitiveInstance, expandElements } from "../design/expand.js";
import { GROUND, type Topology, checkTopology } from "../network/topology.js";
import type { Design, Probe } from "../design/design.js";
import { NetworkRecipe, type PrimitiveKey } from "./networkRecipe.js";

/**
 * A design compiled for modified nodal analysis: unknowns (node potentials, then branch flows), the
 * matrix sparsity pattern as slots, and one stamp function per primitive element.
 */
export interface Network {
  readonly size: number;
  /** Row and column of each matrix slot. */
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  /** Frequency-independent matrix values per slot, and right-hand side per unknown. */
  readonly constantRe: Float64Array;
  readonly constantIm: Float64Array;
  readonly sourceRe: Float64Array;
  /** Terms j·ω·coefficient (capacitance-like) and coefficient/(j·ω) (inductance-like), per slot. */
  readonly timesJOmegaSlots: Int32Array;
  readonly timesJOmegaCoefficients: Float64Array;
  readonly overJOmegaSlots: Int32Array;
  readonly overJOmegaCoefficients: Float64Array;
  /** Per-frequency stamps of the elements that need one (tubes, ducts, …). */
  readonly stamps: readonly Stamp[];
  /** The slots each of `stamps` writes (see `dynamicSlots`), each once. */
  readonly stampSlots: readonly Int32Array[];
  /**
   * The slots `stamps` may write (those handed out by `StampContext.entry`), ascending: the only
   * ones a solver assembling in another layout must gather from the stamps' output.
   */
  readonly dynamicSlots: Int32Array;
  /** Unknown index of each named node (ground is absent: its potential is 0). */
  readonly unknownOfNode: ReadonlyMap<string, number>;
  readonly domainOfNode: ReadonlyMap<string, Domain>;
  /** What each unknown is, for messages: a node name or "flow in <element id>". */
  readonly unknownLabels: readonly string[];
  /** Design elements attached to each unknown, for messages. */
  readonly elementsOfUnknown: readonly (readonly string[])[];
  /**
   * The first voltage source: its branch unknown (the current it delivers), its open-circuit
   * voltage and its output resistance, from which its terminal voltage follows.
   */
  readonly inputSource?: {
    readonly id: string;
    readonly branch: number;
    readonly voltage: number;
    readonly outputImpedance: number;
  };
}

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
