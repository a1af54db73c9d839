import type { Air } from "../core/air.js";
import type { Stamp, StampContext } from "../network/elementModel.js";
import type { PrimitiveInstance } from "../design/expand.js";
import { GROUND } from "../network/topology.js";
import type { Network } from "./network.js";

/*
 * How a network's equations were put together, primitive by primitive, so that a primitive whose
 * values changed (a parameter edited in a compiled design) can be realised again into the same
 * unknowns and slots without compiling the design afresh. The sums are redone over every primitive
 * in the original order, so an updated network is bit for bit the network a fresh compile of the
 * edited design would give.
 */

/** Where a primitive came from: its design element's index and its position in that expansion. */
export interface PrimitiveKey {
  readonly originIndex: number;
  readonly position: number;
}

/** What one primitive added to the equations, in the order it added it. */
interface PrimitiveRecord {
  primitive: PrimitiveInstance;
  readonly key: PrimitiveKey | undefined;
  /** Unknown of each terminal (-1: ground). */
  readonly terminals: readonly number[];
  /** Branch unknowns it created, in order. */
  readonly branches: number[];
  /** Flat [slot, re, im, …]. */
  constants: number[];
  /** Flat [slot, coefficient, …]. */
  timesJOmega: number[];
  overJOmega: number[];
  /** Flat [row, value, …]. */
  sources: number[];
  stamp: Stamp | undefined;
  /** The slots handed to its stamp (`StampContext.entry`), each once, in the order asked for. */
  readonly entries: number[];
  sourceBranch: number | undefined;
  /** model.source(definition): a changed kind of source is a change of topology. */
  sourceKind: string | undefined;
}

/**
 * One number per matrix entry (row, col): row·2³² + col, exact for any unknown count a double's
 * 53 bits hold — a Map keyed by it skips building a string per look-up.
 */
function slotKey(row: number, col: number): number {
  return row * 4294967296 + col;
}

/** Thrown inside a re-realisation that asks for an unknown or slot the network does not have. */
class StructureChanged extends Error {}

export class NetworkRecipe {
  private readonly records: PrimitiveRecord[] = [];
  /** Slot of each entry, by slotKey(row, col). */
  private readonly slotOf = new Map<number, number>();
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  private readonly dynamic = new Set<number>();
  /** Updates that realised something again so far: a network unchanged since has the same values. */
  revision = 0;
  /** What does not change when values do: the pattern, the unknowns and their labels. */
  private base: Omit<
    Network,
    | "constantRe"
    | "constantIm"
    | "sourceRe"
    | "timesJOmegaSlots"
    | "timesJOmegaCoefficients"
    | "overJOmegaSlots"
    | "overJOmegaCoefficients"
    | "stamps"
    | "stampSlots"
    | "inputSource"
  >;

  /**
   * Realises `primitives` (whose nodes `nodes` lists, ground excluded, in unknown order).
   * `keys[i]` says where primitive i came from; primitives without a key are never updated.
   */
  constructor(
    primitives: readonly PrimitiveInstance[],
    keys: readonly (PrimitiveKey | undefined)[],
    nodes: readonly string[],
    domainOfNode: Network["domainOfNode"],
    air: Air,
  ) {
    const unknownOfNode = new Map<string, number>();
    const unknownLabels: string[] = [];
    const elementsOfUnknown: Set<string>[] = [];
    for (const node of nodes) {
      unknownOfNode.set(node, unknownLabels.length);
      unknownLabels.push(`node "${node}"`);
      elementsOfUnknown.push(new Set());
    }
    const slotAt = (row: number, col: number): number => {
      if (row < 0 || col < 0) return -1;
      const key = slotKey(row, col);
      let slot = this.slotOf.get(key);
      if (slot === undefined) {
        slot = this.rows.length;
        this.slotOf.set(key, slot);
        this.rows.push(row);
        this.cols.push(col);
      }
      return slot;
    };
    primitives.forEach((primitive, index) => {
      const terminals = primitive.definition.nodes.map((node) =>
        node === GROUND ? -1 : unknownOfNode.get(node)!,
      );
      for (const k of terminals) if (k >= 0) elementsOfUnknown[k]!.add(primitive.originId);
      const record = this.realize(primitive, keys[index], terminals, air, {
        slot: slotAt,
        entry: (row, col) => {
          const slot = slotAt(row, col);
          if (slot >= 0) this.dynamic.add(slot);
          return slot;
        },
        branch: () => {
          unknownLabels.push(`flow in "${primitive.definition.id}"`);
          elementsOfUnknown.push(new Set([primitive.originId]));
          return unknownLabels.length - 1;
        },
      });
      this.records.push(record);
    });
    this.base = {
      size: unknownLabels.length,
      rows: Int32Array.from(this.rows),
      cols: Int32Array.from(this.cols),
      dynamicSlots: Int32Array.from(this.dynamic).sort(),
      unknownOfNode,
      domainOfNode,
      unknownLabels,
      elementsOfUnknown: elementsOfUnknown.map((ids) => [...ids]),
    };
  }

  /** Realises one primitive, recording what it adds; `at` finds slots and branches. */
  private realize(
    primitive: PrimitiveInstance,
    key: PrimitiveKey | undefined,
    terminals: readonly number[],
    air: Air,
    at: {
      slot: (row: number, col: number) => number;
      entry: (row: number, col: number) => number;
      branch: () => number;
    },
  ): PrimitiveRecord {
    const { definition, model } = primitive;
    const record: PrimitiveRecord = {
      primitive,
      key,
      terminals,
      branches: [],
      constants: [],
      timesJOmega: [],
      overJOmega: [],
      sources: [],
      stamp: undefined,
      entries: [],
      sourceBranch: undefined,
      sourceKind: model.source?.(definition),
    };
    const context: StampContext = {
      air,
      node: (terminal) => terminals[terminal]!,
      branch: () => {
        const branch = at.branch();
        record.branches.push(branch);
        return branch;
      },
      entry: (row, col) => {
        const slot = at.entry(row, col);
        if (slot >= 0 && !record.entries.includes(slot)) record.entries.push(slot);
        return slot;
      },
      addConstant: (row, col, re, im = 0) => {
        const slot = at.slot(row, col);
        if (slot >= 0) record.constants.push(slot, re, im);
      },
      addTimesJOmega: (row, col, coefficient) => {
        const slot = at.slot(row, col);
        if (slot >= 0) record.timesJOmega.push(slot, coefficient);
      },
      addOverJOmega: (row, col, coefficient) => {
        if (row >= 0 && col >= 0) inductive.push([row, col, coefficient]);
      },
      addSource: (row, value) => {
        if (row >= 0) record.sources.push(row, value);
      },
    };
    const inductive: [row: number, col: number, coefficient: number][] = [];
    const realization = model.realize(definition, context);
    // An inductance-like admittance c/(jω) between two unknowns (or one and ground) becomes a branch
    // (see seriesInductance); any other pattern is stamped as given.
    const series = seriesInductance(inductive);
    if (series === undefined) {
      for (const [row, col, coefficient] of inductive)
        record.overJOmega.push(at.slot(row, col), coefficient);
    } else {
      const flow = context.branch();
      const { a, b, coefficient } = series;
      for (const [row, col, value] of [
        [a, flow, 1],
        [flow, a, 1],
        [b, flow, -1],
        [flow, b, -1],
      ] as const)
        if (row >= 0 && col >= 0) record.constants.push(at.slot(row, col), value, 0);
      record.timesJOmega.push(at.slot(flow, flow), -1 / coefficient);
    }
    record.stamp = realization.stamp;
    record.sourceBranch = realization.sourceBranch;
    return record;
  }

  /** The network as realised so far. */
  network(): Network {
    const size = this.base.size;
    const slots = this.base.rows.length;
    const constantRe = new Float64Array(slots);
    const constantIm = new Float64Array(slots);
    const sourceRe = new Float64Array(size);
    const timesSlots: number[] = [];
    const timesCoefficients: number[] = [];
    const overSlots: number[] = [];
    const overCoefficients: number[] = [];
    const stamps: Stamp[] = [];
    const stampSlots: Int32Array[] = [];
    let inputSource: Network["inputSource"];
    // In primitive order, term by term: the same sums in the same order as the first realisation.
    for (const record of this.records) {
      const { constants, timesJOmega, overJOmega, sources } = record;
      for (let c = 0; c < constants.length; c += 3) {
        const slot = constants[c]!;
        constantRe[slot] = constantRe[slot]! + constants[c + 1]!;
        constantIm[slot] = constantIm[slot]! + constants[c + 2]!;
      }
      for (let c = 0; c < timesJOmega.length; c += 2) {
        timesSlots.push(timesJOmega[c]!);
        timesCoefficients.push(timesJOmega[c + 1]!);
      }
      for (let c = 0; c < overJOmega.length; c += 2) {
        overSlots.push(overJOmega[c]!);
        overCoefficients.push(overJOmega[c + 1]!);
      }
      for (let c = 0; c < sources.length; c += 2) {
        const row = sources[c]!;
        sourceRe[row] = sourceRe[row]! + sources[c + 1]!;
      }
      if (record.stamp) {
        stamps.push(record.stamp);
        stampSlots.push(Int32Array.from(record.entries));
      }
      const definition = record.primitive.definition;
      if (
        inputSource === undefined &&
        definition.type === "voltageSource" &&
        record.sourceBranch !== undefined
      ) {
        inputSource = {
          id: definition.id,
          branch: record.sourceBranch,
          voltage: definition.voltage,
          outputImpedance: definition.outputImpedance ?? 0,
        };
      }
    }
    // Every field named, none spread: each network then has the same hidden class, and the code
    // the engine optimises for one stays valid for the next (a spread gave each a class of its own).
    const { base } = this;
    return {
      size: base.size,
      rows: base.rows,
      cols: base.cols,
      dynamicSlots: base.dynamicSlots,
      unknownOfNode: base.unknownOfNode,
      domainOfNode: base.domainOfNode,
      unknownLabels: base.unknownLabels,
      elementsOfUnknown: base.elementsOfUnknown,
      constantRe,
      constantIm,
      sourceRe,
      timesJOmegaSlots: Int32Array.from(timesSlots),
      timesJOmegaCoefficients: Float64Array.from(timesCoefficients),
      overJOmegaSlots: Int32Array.from(overSlots),
      overJOmegaCoefficients: Float64Array.from(overCoefficients),
      stamps,
      stampSlots,
      inputSource,
    };
  }

  /**
   * Realises again the primitives of design element `originIndex`, now expanded as `expansion`
   * (its primitives in expansion order). True when they fit the network's unknowns and slots
   * (same types and nodes, the same branches and entries); false when the element's structure
   * changed, and then the recipe is left as it was (compile the design afresh).
   */
  update(originIndex: number, expansion: readonly PrimitiveInstance[], air: Air): boolean {
    const replaced: [index: number, record: PrimitiveRecord][] = [];
    const lookup = (row: number, col: number): number => {
      if (row < 0 || col < 0) return -1;
      const slot = this.slotOf.get(slotKey(row, col));
      if (slot === undefined) throw new StructureChanged();
      return slot;
    };
    try {
      for (let index = 0; index < this.records.length; index++) {
        const old = this.records[index]!;
        if (old.key?.originIndex !== originIndex) continue;
        const primitive = expansion[old.key.position];
        if (primitive === undefined || !sameShape(primitive, old.primitive)) return false;
        let nextBranch = 0;
        const record = this.realize(primitive, old.key, old.terminals, air, {
          slot: lookup,
          entry: (row, col) => {
            const slot = lookup(row, col);
            if (slot >= 0 && !this.dynamic.has(slot)) throw new StructureChanged();
            return slot;
          },
          branch: () => {
            const branch = old.branches[nextBranch++];
            if (branch === undefined) throw new StructureChanged();
            return branch;
          },
        });
        if (record.branches.length !== old.branches.length) return false;
        if (record.sourceKind !== old.sourceKind) return false;
        replaced.push([index, record]);
      }
    } catch (error) {
      if (error instanceof StructureChanged) return false;
      throw error;
    }
    for (const [index, record] of replaced) this.records[index] = record;
    if (replaced.length > 0) this.revision++;
    return true;
  }
}

/** Same type, id and nodes: the same place in the network. */
function sameShape(a: PrimitiveInstance, b: PrimitiveInstance): boolean {
  const x = a.definition;
  const y = b.definition;
  return (
    x.type === y.type &&
    x.id === y.id &&
    a.model.type === b.model.type &&
    x.nodes.length === y.nodes.length &&
    x.nodes.every((node, k) => node === y.nodes[k])
  );
}

/**
 * When the inductance-like terms of one primitive (row, col, c: entry += c/(jω)) are those of a
 * two-terminal element — c at (a,a) and (b,b), −c at (a,b) and (b,a), or c at (a,a) alone when b
 * is ground — its ends and c; otherwise undefined. Such an element is realised with its flow as an
 * unknown, as SPICE realises inductors: a − b − (jω/c)·flow = 0, ±flow in the rows of a and b. As
 * an admittance, a mass or an acoustic inertance at low frequency is a huge c/ω added into the
 * diagonal beside a cavity's tiny jωC, and the sum rounded to a double loses the cavity: at 0.01 Hz
 * a well-posed network (issue 14) came out singular, and 1e-4 wrong at 0.1 Hz. As a branch, the
 * small impedance jω/c sits alone in its own row and nothing is lost.
 */
function seriesInductance(
  terms: readonly (readonly [row: number, col: number, coefficient: number])[],
): { a: number; b: number; coefficient: number } | undefined {
  if (terms.length === 1) {
    const [row, col, coefficient] = terms[0]!;
    return row === col && coefficient !== 0 ? { a: row, b: -1, coefficient } : undefined;
  }
  if (terms.length !== 4) return undefined;
  const [[a, aa, c], [b, bb, cb], [ab, ba, cab], [ba2, ab2, cba]] = terms as readonly (readonly [
    number,
    number,
    number,
  ])[] as [
    readonly [number, number, number],
    readonly [number, number, number],
    readonly [number, number, number],
    readonly [number, number, number],
  ];
  const pattern = a === aa && b === bb && a !== b && ab === a && ba === b && ba2 === b && ab2 === a;
  return pattern && c !== 0 && cb === c && cab === -c && cba === -c
    ? { a, b, coefficient: c }
    : undefined;
}
