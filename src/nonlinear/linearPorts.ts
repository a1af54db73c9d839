import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import { type Issue, TympanError } from "../core/issues.js";
import type { Design } from "../design/design.js";
import type { PrimitiveInstance } from "../design/expand.js";
import type { ElementDefinition } from "../elements/registry.js";
import { type Network, compileNetwork } from "../simulate/compileNetwork.js";
import { sweepInputs } from "./multiInputSweep.js";
import { potentialSource } from "../simulate/driverContributions.js";
import {
  type NonlinearElement,
  type NonlinearOptions,
  nonlinearElements,
} from "./nonlinearElements.js";

/**
 * The linear network seen from its few nonlinear elements: every other element (crossover,
 * cavities, tubes, the ear, the other drivers) stays linear and is solved by the ordinary engine, at
 * every frequency the nonlinear solvers ask for. Each nonlinear element's cuts (nonlinearElements.ts)
 * insert series sources; their flows are the signals the nonlinear terms depend on. The network is
 * then a linear multi-port, and superposition gives every output (each cut's flow, each probe) as
 *   output(ω) = T_drive(ω)·u + Σ_s T_s(ω)·source_s,
 * with u the design's drive per volt of its first voltage source. The transfers T come from one
 * factorisation per frequency solved for every input (the design's own sources, or one inserted
 * source at 1, the rest at 0): multiInputSweep.ts.
 */

/** Complex transfers, one row of frequencies per input and output. */
export interface PortTransfers {
  readonly frequencyHz: readonly number[];
  /** re[input][output][frequency], im likewise; inputs: drive, then each cut's source. */
  readonly re: readonly (readonly Float64Array[])[];
  readonly im: readonly (readonly Float64Array[])[];
}

/** Input index of cut (signal) s; its flow is output s. */
export const cutInput = (signal: number) => 1 + signal;

export class LinearPorts {
  readonly elements: readonly NonlinearElement[];
  /** Every cut of every element, in order: signal s is cut s. */
  readonly signalCount: number;
  readonly probes: readonly { readonly id: string; readonly domain: Domain }[];
  /** Volts of the design's first voltage source (the drive the transfers are per volt of). */
  readonly designVoltage: number;
  private readonly network: Network;
  private readonly branches: number[];
  private readonly outputs: number[];

  /** `design` must be valid (validateDesign). Throws a TympanError when it has no voltage source. */
  constructor(design: Design, air: Air, options: NonlinearOptions = {}) {
    this.elements = nonlinearElements(design, air, options);
    this.signalCount = this.elements.reduce((sum, element) => sum + element.cuts.length, 0);
    const branches = new Array<number>(this.signalCount).fill(-1);
    const compiled = compileNetwork(design, air, (primitives) =>
      cutElements(primitives, this.elements, branches),
    );
    if (!compiled.ok) throw new TympanError(compiled.issues as [Issue, ...Issue[]]);
    const network = compiled.network;
    const source = network.inputSource;
    if (source === undefined || source.voltage === 0) {
      throw new TympanError([
        {
          severity: "error",
          code: "not-single-voltage-input",
          path: ["elements"],
          message:
            "distortion needs a drive: the design has no voltage source, or its voltage is 0",
          hint: 'add { "type": "voltageSource", "nodes": ["in", "0"], "voltage": 1 } across the input',
        },
      ]);
    }
    this.network = network;
    this.designVoltage = source.voltage;
    this.branches = branches;
    this.probes = design.probes.map((probe) => ({
      id: probe.id,
      domain: network.domainOfNode.get(probe.node)!,
    }));
    this.outputs = [
      ...branches,
      ...design.probes.map((probe) => network.unknownOfNode.get(probe.node) ?? -1),
    ];
  }

  /** Number of inputs (the drive, then each cut's source). */
  get inputCount(): number {
    return 1 + this.signalCount;
  }

  /** Output index of probe p. */
  probeOutput(probe: number): number {
    return this.signalCount + probe;
  }

  /** The transfers from every input to every output at these frequencies (Hz, > 0, any order). */
  transfers(frequencyHz: readonly number[]): PortTransfers {
    // Swept in ascending order, where the sweep reuses its pivot order from one frequency to the
    // next (the harmonics of many fundamentals interleave), then put back in the order asked for.
    const order = frequencyHz.map((_, n) => n).sort((a, b) => frequencyHz[a]! - frequencyHz[b]!);
    const sorted = order.map((n) => frequencyHz[n]!);
    const re: Float64Array[][] = [];
    const im: Float64Array[][] = [];
    const unsort = (row: Float64Array, factor: number) => {
      const out = new Float64Array(row.length);
      order.forEach((n, position) => (out[n] = row[position]! * factor));
      return out;
    };
    const sources = Array.from({ length: this.inputCount }, (_, input) =>
      input === 0 ? this.network.sourceRe : this.unitSource(input),
    );
    const values = sweepInputs(this.network, sources, this.outputs, sorted);
    values.re.forEach((rows, input) => {
      const perVolt = input === 0 ? 1 / this.designVoltage : 1;
      re.push(rows.map((row) => unsort(row, perVolt)));
      im.push(values.im[input]!.map((row) => unsort(row, perVolt)));
    });
    return { frequencyHz, re, im };
  }

  /** The right-hand side of inserted source `input` at 1 and nothing else. */
  private unitSource(input: number): Float64Array {
    const sourceRe = new Float64Array(this.network.sourceRe.length);
    sourceRe[this.branches[input - 1]!] = 1;
    return sourceRe;
  }
}

/**
 * The primitives with every cut made: at each cut's node, the moved primitives go to a new node
 * and a potential source joins it to the old one (branch flow out of its first terminal, the new
 * node: the flow into the moved primitives).
 */
function cutElements(
  primitives: PrimitiveInstance[],
  elements: readonly NonlinearElement[],
  branches: number[],
): PrimitiveInstance[] {
  const rewired = [...primitives];
  const added: PrimitiveInstance[] = [];
  let signal = 0;
  for (const element of elements) {
    element.cuts.forEach((cut, c) => {
      const s = signal++;
      const cutNode = `#${element.partId}/cut${c}`;
      let origin: PrimitiveInstance | undefined;
      let moves = 0;
      rewired.forEach((primitive, k) => {
        if (!cut.moved.has(primitive.definition.id)) return;
        const nodes = primitive.definition.nodes.map((node) =>
          node === cut.node ? cutNode : node,
        );
        rewired[k] = {
          ...primitive,
          definition: { ...primitive.definition, nodes } as ElementDefinition,
        };
        origin ??= primitive;
        moves++;
      });
      if (origin === undefined || moves !== cut.moved.size)
        throw new Error(`internal: cut ${c} of "${element.partId}" found no primitives to move`);
      added.push({
        definition: {
          id: `${element.partId}#cut${c}`,
          type: "voltageSource",
          nodes: [cutNode, cut.node],
          voltage: 0,
        } as ElementDefinition,
        model: potentialSource(cut.domain, (branch) => (branches[s] = branch)),
        originIndex: origin.originIndex,
        originId: origin.originId,
      });
    });
  }
  return [...rewired, ...added];
}
