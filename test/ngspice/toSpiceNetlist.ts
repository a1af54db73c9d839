/**
 * Converts a lumped Tympan design (resistors, capacitors, inductors, voltage and current sources)
 * into an ngspice netlist for a small-signal AC analysis. Pure: no I/O, no globals.
 *
 * It is the one piece of glue between Tympan and the reference simulator in the golden comparison
 * (crossCheck.test.ts), so it is deliberately small and checked on its own (toSpiceNetlist.test.ts,
 * including closed-form circuits run through ngspice).
 *
 * Conventions (Tympan → SPICE):
 * - node names are renamed to `n1, n2, …` in order of first appearance (SPICE folds case and
 *   restricts characters; Tympan does neither); ground "0" stays "0". `nodeNames` maps them back.
 * - element names become `<letter><index>` (R, C, L, V, I); the Tympan id is kept as a comment.
 * - `voltageSource {voltage}` on nodes [plus, minus] → `Vk plus minus AC voltage` (phase 0).
 *   With `outputImpedance` Z > 0 (ohms) the source sits behind a series resistor: `Vk xk minus AC v`
 *   and `RZk plus xk Z`, with a fresh internal node `xk` (Z = 0 or absent: ideal source).
 * - `currentSource {current}` on nodes [to, from] drives `current` INTO `to`, drawing it from
 *   `from`; SPICE's current flows from n+ through the source to n−, hence `Ik from to AC current`.
 * - numbers are written with the shortest decimal that round-trips the double (`String(x)`), so
 *   no precision is lost on the way.
 * - `.options noopac` skips the DC operating point, which is meaningless for a linear AC analysis
 *   and fails on capacitor-isolated nodes.
 */
import type { LumpedDesign } from "./randomNetworks.js";

export interface AcSweep {
  /** Points per decade of a logarithmic sweep (`.ac dec`). */
  pointsPerDecade: number;
  startHz: number;
  stopHz: number;
}

export interface SpiceNetlist {
  text: string;
  /** Tympan node name → SPICE node name (ground included: "0" → "0"). */
  nodeNames: Map<string, string>;
  /** Tympan element id → SPICE element name. */
  elementNames: Map<string, string>;
}

export interface ToSpiceOptions {
  /** Emit a `.ac dec` line; without it the netlist holds the circuit only. */
  ac?: AcSweep;
  /** Restrict the saved vectors to these Tympan nodes (`.save v(...)`); default: everything. */
  save?: string[];
}

const LETTER = {
  resistor: "R",
  capacitor: "C",
  inductor: "L",
  voltageSource: "V",
  currentSource: "I",
} as const;

/** A number as SPICE text: the shortest round-tripping decimal, rejecting anything non-finite. */
export function spiceNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a SPICE netlist`);
  return String(value);
}

function comment(text: string): string {
  // Keep the original id readable but harmless: one line, printable ASCII only.
  return text.replace(/[^\x20-\x7e]/g, "?");
}

export function toSpiceNetlist(design: LumpedDesign, options: ToSpiceOptions = {}): SpiceNetlist {
  const nodeNames = new Map<string, string>([["0", "0"]]);
  const elementNames = new Map<string, string>();
  const node = (name: string): string => {
    let spice = nodeNames.get(name);
    if (spice === undefined) {
      spice = `n${nodeNames.size}`;
      nodeNames.set(name, spice);
    }
    return spice;
  };
  const lines: string[] = [comment(`* ${design.name}`)];
  design.elements.forEach((element, index) => {
    const letter = LETTER[element.type as keyof typeof LETTER];
    if (letter === undefined) {
      throw new Error(`element "${element.id}": type "${element.type}" has no SPICE equivalent`);
    }
    if (element.nodes.length !== 2) {
      throw new Error(`element "${element.id}": expected 2 nodes, got ${element.nodes.length}`);
    }
    const name = `${letter}${index + 1}`;
    elementNames.set(element.id, name);
    const [a, b] = element.nodes.map(node) as [string, string];
    lines.push(comment(`* ${element.id}`));
    switch (element.type) {
      case "resistor":
        lines.push(`${name} ${a} ${b} ${spiceNumber(element.resistance)}`);
        break;
      case "capacitor":
        lines.push(`${name} ${a} ${b} ${spiceNumber(element.capacitance)}`);
        break;
      case "inductor":
        lines.push(`${name} ${a} ${b} ${spiceNumber(element.inductance)}`);
        break;
      case "voltageSource":
        if (!((element.outputImpedance ?? 0) > 0)) {
          lines.push(`${name} ${a} ${b} DC 0 AC ${spiceNumber(element.voltage)}`);
        } else {
          const inner = `x${index + 1}`;
          lines.push(`${name} ${inner} ${b} DC 0 AC ${spiceNumber(element.voltage)}`);
          lines.push(`RZ${index + 1} ${a} ${inner} ${spiceNumber(element.outputImpedance!)}`);
        }
        break;
      case "currentSource":
        lines.push(`${name} ${b} ${a} DC 0 AC ${spiceNumber(element.current)}`);
        break;
    }
  });
  lines.push(".options noopac");
  if (options.save !== undefined) {
    const saved = options.save.map((n) => {
      const spice = nodeNames.get(n);
      if (spice === undefined || spice === "0") throw new Error(`cannot save node "${n}"`);
      return `v(${spice})`;
    });
    lines.push(`.save ${saved.join(" ")}`);
  }
  if (options.ac !== undefined) {
    const { pointsPerDecade, startHz, stopHz } = options.ac;
    lines.push(`.ac dec ${pointsPerDecade} ${spiceNumber(startHz)} ${spiceNumber(stopHz)}`);
  }
  lines.push(".end");
  return { text: lines.join("\n") + "\n", nodeNames, elementNames };
}
