import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import type { Issue } from "../core/issues.js";
import type { Stamp, StampContext } from "../network/elementModel.js";
import { type PrimitiveInstance, expandElements } from "../design/expand.js";
import { GROUND, checkTopology } from "../network/topology.js";
import type { Design } from "../design/design.js";

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
  const expanded = expandElements(design.elements, air);
  const primitives = rewire ? rewire(expanded) : expanded;
  const { topology, issues } = checkTopology(primitives);
  const nodeSet = new Set(topology.nodes);
  for (const [index, probe] of design.probes.entries()) {
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
  if (issues.length > 0) return { ok: false, issues };

  const unknownOfNode = new Map<string, number>();
  const unknownLabels: string[] = [];
  const elementsOfUnknown: Set<string>[] = [];
  for (const node of topology.nodes) {
    unknownOfNode.set(node, unknownLabels.length);
    unknownLabels.push(`node "${node}"`);
    elementsOfUnknown.push(new Set());
  }
  const slotOf = new Map<string, number>();
  const rows: number[] = [];
  const cols: number[] = [];
  const stamps: Stamp[] = [];
  const constants: [slot: number, re: number, im: number][] = [];
  const sources: [row: number, value: number][] = [];
  const timesJOmega: [slot: number, coefficient: number][] = [];
  const overJOmega: [slot: number, coefficient: number][] = [];
  let inputSource: Network["inputSource"];
  const dynamic = new Set<number>();
  const slotAt = (row: number, col: number) => {
    if (row < 0 || col < 0) return -1;
    const key = `${row},${col}`;
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = rows.length;
      slotOf.set(key, slot);
      rows.push(row);
      cols.push(col);
    }
    return slot;
  };
  const entry = (row: number, col: number) => {
    const slot = slotAt(row, col);
    if (slot >= 0) dynamic.add(slot);
    return slot;
  };

  for (const primitive of primitives) {
    const { definition, model } = primitive;
    const terminalUnknowns = definition.nodes.map((node) =>
      node === GROUND ? -1 : unknownOfNode.get(node)!,
    );
    for (const k of terminalUnknowns) if (k >= 0) elementsOfUnknown[k]!.add(primitive.originId);
    const context: StampContext = {
      air,
      node: (terminal) => terminalUnknowns[terminal]!,
      branch: () => {
        unknownLabels.push(`flow in "${definition.id}"`);
        elementsOfUnknown.push(new Set([primitive.originId]));
        return unknownLabels.length - 1;
      },
      entry,
      addConstant: (row, col, re, im = 0) => {
        const slot = slotAt(row, col);
        if (slot >= 0) constants.push([slot, re, im]);
      },
      addTimesJOmega: (row, col, coefficient) => {
        const slot = slotAt(row, col);
        if (slot >= 0) timesJOmega.push([slot, coefficient]);
      },
      addOverJOmega: (row, col, coefficient) => {
        const slot = slotAt(row, col);
        if (slot >= 0) overJOmega.push([slot, coefficient]);
      },
      addSource: (row, value) => {
        if (row >= 0) sources.push([row, value]);
      },
    };
    const realization = model.realize(definition, context);
    if (realization.stamp) stamps.push(realization.stamp);
    if (
      inputSource === undefined &&
      definition.type === "voltageSource" &&
      realization.sourceBranch !== undefined
    ) {
      inputSource = {
        id: definition.id,
        branch: realization.sourceBranch,
        voltage: definition.voltage,
        outputImpedance: definition.outputImpedance ?? 0,
      };
    }
  }
  const size = unknownLabels.length;
  const constantRe = new Float64Array(rows.length);
  const constantIm = new Float64Array(rows.length);
  for (const [slot, re, im] of constants) {
    constantRe[slot] = constantRe[slot]! + re;
    constantIm[slot] = constantIm[slot]! + im;
  }
  const sourceRe = new Float64Array(size);
  for (const [row, value] of sources) sourceRe[row] = sourceRe[row]! + value;
  return {
    ok: true,
    network: {
      size,
      rows: Int32Array.from(rows),
      cols: Int32Array.from(cols),
      constantRe,
      constantIm,
      sourceRe,
      timesJOmegaSlots: Int32Array.from(timesJOmega, ([slot]) => slot),
      timesJOmegaCoefficients: Float64Array.from(timesJOmega, ([, coefficient]) => coefficient),
      overJOmegaSlots: Int32Array.from(overJOmega, ([slot]) => slot),
      overJOmegaCoefficients: Float64Array.from(overJOmega, ([, coefficient]) => coefficient),
      stamps,
      dynamicSlots: Int32Array.from(dynamic).sort(),
      unknownOfNode,
      domainOfNode: topology.domainOf,
      unknownLabels,
      elementsOfUnknown: elementsOfUnknown.map((ids) => [...ids]),
      ...(inputSource ? { inputSource } : {}),
    },
  };
}
