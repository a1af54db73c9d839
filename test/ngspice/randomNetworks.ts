/**
 * Deterministic generators of linear R/L/C networks with independent voltage and current sources,
 * written as Tympan design objects, for the golden comparison against ngspice
 * (see crossCheck.test.ts and README.md in this folder).
 *
 * Every network produced here is well posed for an AC analysis:
 * - every node is connected to ground "0" through resistors, capacitors and inductors alone (a
 *   random spanning tree of passive elements is laid first), so nothing floats and no node hangs
 *   on current sources only;
 * - voltage sources never close a loop made only of voltage sources (tracked with a union–find);
 * - every value is positive and drawn log-uniformly over several decades.
 * The same seed always yields the same networks (mulberry32 PRNG), so a failure is reproducible
 * from the network's name alone.
 */
import { mulberry32 } from "../support/prng.js";

export type SpiceElement =
  | { id: string; type: "resistor"; nodes: [string, string]; resistance: number }
  | { id: string; type: "capacitor"; nodes: [string, string]; capacitance: number }
  | { id: string; type: "inductor"; nodes: [string, string]; inductance: number }
  | {
      id: string;
      type: "voltageSource";
      nodes: [string, string];
      voltage: number;
      outputImpedance?: number;
    }
  | { id: string; type: "currentSource"; nodes: [string, string]; current: number };

export interface LumpedDesign {
  tympan: 1;
  name: string;
  elements: SpiceElement[];
  probes: { id: string; node: string }[];
}

/**
 * Default value ranges (SI units), drawn log-uniformly: resistors over four decades, capacitors and
 * inductors over two, chosen so that every element's impedance stays within 1 Ω … 1 MΩ at every
 * frequency of the comparison (10 Hz – 100 kHz). That bounds the networks' conditioning: with wider
 * ranges (e.g. C 1 pF–10 µF, L 1 µH–1 H) a fifth of the random networks are so ill-conditioned at
 * 10 Hz that ngspice itself misses the exact solution by 1e-10 … 1e-5, and a 1e-9 comparison against
 * it would test the conditioning rather than Tympan (measured with referenceSolver.ts; see README.md).
 */
const COMPARISON_BAND_HZ = [10, 1e5] as const;
const IMPEDANCE_BOUNDS_OHM = [1, 1e6] as const;
export const VALUE_RANGES: Record<
  "resistance" | "capacitance" | "inductance" | "voltage" | "current",
  readonly [number, number]
> = {
  resistance: [10, 1e5],
  capacitance: [
    1 / (2 * Math.PI * COMPARISON_BAND_HZ[0] * IMPEDANCE_BOUNDS_OHM[1]),
    1 / (2 * Math.PI * COMPARISON_BAND_HZ[1] * IMPEDANCE_BOUNDS_OHM[0]),
  ],
  inductance: [
    IMPEDANCE_BOUNDS_OHM[0] / (2 * Math.PI * COMPARISON_BAND_HZ[0]),
    IMPEDANCE_BOUNDS_OHM[1] / (2 * Math.PI * COMPARISON_BAND_HZ[1]),
  ],
  voltage: [0.1, 10],
  current: [1e-6, 1e-1],
};

/** Ranges spanning 5–7 decades each; ill-conditioned at low frequency (used to test the referee). */
export const WIDE_VALUE_RANGES: Partial<typeof VALUE_RANGES> = {
  resistance: [1, 1e5],
  capacitance: [1e-12, 1e-5],
  inductance: [1e-6, 1],
};

class Draw {
  constructor(private readonly next: () => number) {}
  uniform(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  logUniform([lo, hi]: readonly [number, number]): number {
    return lo * Math.pow(hi / lo, this.next());
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}

type PassiveType = "resistor" | "capacitor" | "inductor";
const PREFIX: Record<PassiveType, string> = { resistor: "R", capacitor: "C", inductor: "L" };

function passive(
  draw: Draw,
  ranges: typeof VALUE_RANGES,
  id: string,
  type: PassiveType,
  a: string,
  b: string,
): SpiceElement {
  switch (type) {
    case "resistor":
      return { id, type, nodes: [a, b], resistance: draw.logUniform(ranges.resistance) };
    case "capacitor":
      return { id, type, nodes: [a, b], capacitance: draw.logUniform(ranges.capacitance) };
    case "inductor":
      return { id, type, nodes: [a, b], inductance: draw.logUniform(ranges.inductance) };
  }
}

/** Union–find over node names, to keep voltage sources from closing a source-only loop. */
class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) {
      root = p;
    }
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent.set(ra, rb);
    return true;
  }
}

export interface RandomNetworkOptions {
  /** Number of non-ground nodes, inclusive range. Default [5, 40]. */
  nodes?: [number, number];
  /** Probability that a voltage source gets a (resistive) output impedance. Default 0. */
  outputImpedanceProbability?: number;
  /** Value ranges; default VALUE_RANGES. */
  ranges?: Partial<typeof VALUE_RANGES>;
}

/**
 * One random network. Node names are deliberately irregular (mixed case, dots, dashes) so that the
 * netlist converter's renaming is exercised; the ground is "0". Every node gets a probe named after it.
 */
export function randomNetwork(seed: number, options: RandomNetworkOptions = {}): LumpedDesign {
  const draw = new Draw(mulberry32(seed));
  const ranges = { ...VALUE_RANGES, ...options.ranges };
  const [minNodes, maxNodes] = options.nodes ?? [5, 40];
  const nodeCount = draw.int(minNodes, maxNodes);
  const styles = [(i: number) => `n${i}`, (i: number) => `Node.${i}`, (i: number) => `x-${i}_A`];
  const nodes = Array.from({ length: nodeCount }, (_, i) => draw.pick(styles)(i + 1));
  const elements: SpiceElement[] = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${++counter}`;
  const passiveTypes: PassiveType[] = ["resistor", "capacitor", "inductor"];

  // 1. A random spanning tree over ground + nodes, made of passive elements only.
  const connected = ["0"];
  for (const node of nodes) {
    const other = draw.pick(connected);
    const type = draw.pick(passiveTypes);
    elements.push(passive(draw, ranges, nextId(PREFIX[type]), type, node, other));
    connected.push(node);
  }

  // 2. Extra passive branches (some in parallel with existing ones, some to ground).
  const all = ["0", ...nodes];
  const extra = draw.int(Math.floor(nodeCount / 2), 2 * nodeCount);
  for (let k = 0; k < extra; k++) {
    const a = draw.pick(all);
    let b = draw.pick(all);
    if (a === b) b = a === "0" ? draw.pick(nodes) : "0";
    const type = draw.pick(passiveTypes);
    elements.push(passive(draw, ranges, nextId(PREFIX[type]), type, a, b));
  }

  // 3. Sources: 1–3 voltage sources (no source-only loops) and 0–3 current sources, at least one
  //    source in all; polarity random; a voltage source may carry a series output impedance.
  const sourceLoops = new UnionFind();
  const voltageCount = draw.int(0, 3);
  const currentCount = voltageCount === 0 ? draw.int(1, 3) : draw.int(0, 3);
  for (let k = 0, tries = 0; k < voltageCount && tries < 100; tries++) {
    const a = draw.pick(all);
    const b = draw.uniform() < 0.5 ? "0" : draw.pick(all);
    if (a === b || !sourceLoops.union(a, b)) continue;
    const element: SpiceElement = {
      id: nextId("V"),
      type: "voltageSource",
      nodes: draw.uniform() < 0.5 ? [a, b] : [b, a],
      voltage: draw.logUniform(ranges.voltage),
    };
    if (draw.uniform() < (options.outputImpedanceProbability ?? 0)) {
      element.outputImpedance = draw.logUniform(ranges.resistance);
    }
    elements.push(element);
    k++;
  }
  for (let k = 0; k < currentCount; k++) {
    const a = draw.pick(all);
    let b = draw.pick(all);
    if (a === b) b = a === "0" ? draw.pick(nodes) : "0";
    elements.push({
      id: nextId("I"),
      type: "currentSource",
      nodes: [a, b],
      current: draw.logUniform(ranges.current),
    });
  }

  // Shuffle the element order so that nothing depends on the tree being listed first.
  for (let i = elements.length - 1; i > 0; i--) {
    const j = Math.floor(draw.uniform() * (i + 1));
    [elements[i], elements[j]] = [elements[j]!, elements[i]!];
  }

  return {
    tympan: 1,
    name: `random-${seed}`,
    elements,
    probes: nodes.map((node) => ({ id: `p:${node}`, node })),
  };
}

export interface LadderOptions {
  sections: number;
  /** Series resistance and inductance, shunt capacitance per section; load resistor at the end. */
  seriesResistance?: number;
  seriesInductance?: number;
  shuntCapacitance?: number;
  loadResistance?: number;
  /** Drive with a 1 V voltage source (default) or a 1 mA current source. */
  drive?: "voltage" | "current";
}

/**
 * An RLC ladder: source → [series R → series L → shunt C] × sections → load R. With the default
 * values (1 Ω, 100 µH, 1 µF, 10 Ω) each section resonates near 16 kHz, so a 20 Hz–20 kHz sweep
 * crosses the ladder's pass band and its cut-off.
 */
export function rlcLadder(options: LadderOptions): LumpedDesign {
  const {
    sections,
    seriesResistance = 1,
    seriesInductance = 1e-4,
    shuntCapacitance = 1e-6,
    loadResistance = 10,
    drive = "voltage",
  } = options;
  const elements: SpiceElement[] = [
    drive === "voltage"
      ? { id: "Vin", type: "voltageSource", nodes: ["n0", "0"], voltage: 1 }
      : { id: "Iin", type: "currentSource", nodes: ["n0", "0"], current: 1e-3 },
  ];
  const probes: { id: string; node: string }[] = [{ id: "n0", node: "n0" }];
  for (let i = 0; i < sections; i++) {
    const from = `n${i}`;
    const mid = `m${i}`;
    const to = `n${i + 1}`;
    elements.push(
      { id: `R${i}`, type: "resistor", nodes: [from, mid], resistance: seriesResistance },
      { id: `L${i}`, type: "inductor", nodes: [mid, to], inductance: seriesInductance },
      { id: `C${i}`, type: "capacitor", nodes: [to, "0"], capacitance: shuntCapacitance },
    );
    probes.push({ id: mid, node: mid }, { id: to, node: to });
  }
  elements.push({
    id: "Rload",
    type: "resistor",
    nodes: [`n${sections}`, "0"],
    resistance: loadResistance,
  });
  return { tympan: 1, name: `ladder-${sections}-${drive}`, elements, probes };
}
