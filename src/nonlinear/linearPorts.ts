import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import { type Issue, TympanError } from "../core/issues.js";
import type { Design } from "../design/design.js";
import type { PrimitiveInstance } from "../design/expand.js";
import { type LargeSignalCurves, largeSignalCurves } from "../elements/drivers/largeSignal.js";
import type { DynamicDriver } from "../elements/drivers/dynamicDriver.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";
import { type Network, compileNetwork } from "../simulate/compileNetwork.js";
import { FrequencySweep } from "../simulate/sweep.js";
import { potentialSource } from "../simulate/driverContributions.js";

/**
 * The linear network seen from its few nonlinear coils: every other element (crossover, cavities,
 * tubes, the ear, the other drivers) stays linear and is solved by the ordinary engine, at every
 * frequency the nonlinear solvers ask for. Into each moving coil with large-signal curves two
 * sources are cut: an emf e in series with the coil, just before the motor (the gyrator Bl), and a
 * force f in series with the moving mass, just after the motor. Their branch flows are the coil's
 * current i and velocity v. The network is then a linear multi-port, and superposition gives every
 * output (each coil's i and v, each probe) as
 *   output(ω) = T_drive(ω)·u + Σ_c [T_e,c(ω)·e_c + T_f,c(ω)·f_c],
 * with u the design's drive per volt of its first voltage source. The transfers T come from one
 * sweep per input (the design's own sources, or one inserted source at 1, the rest at 0).
 */

/** A moving coil with large-signal curves: the driver element it is in and its part id. */
export interface NonlinearCoil {
  /** The design element (a dynamicDriver, or the opposed pair it is half of). */
  readonly elementId: string;
  /** The dynamicDriver's own id inside the expansion ("d1", or "pair/A"). */
  readonly partId: string;
  readonly curves: LargeSignalCurves;
}

/** Every moving coil in the design with large-signal curves, found by walking macro expansions. */
export function nonlinearCoils(design: Design, air: Air): NonlinearCoil[] {
  const coils: NonlinearCoil[] = [];
  const visit = (definition: ElementDefinition, elementId: string) => {
    const model = modelOf(definition.type);
    if (model.kind !== "macro") return;
    if (definition.type === "dynamicDriver") {
      const curves = largeSignalCurves(definition as DynamicDriver);
      if (curves) coils.push({ elementId, partId: definition.id, curves });
      return;
    }
    for (const part of model.expand(definition, air)) visit(part as ElementDefinition, elementId);
  };
  for (const element of design.elements) visit(element as ElementDefinition, element.id);
  return coils;
}

/** Complex transfers, one row of frequencies per input and output. */
export interface PortTransfers {
  readonly frequencyHz: readonly number[];
  /** re[input][output][frequency], im likewise; inputs: drive, then e and f of each coil. */
  readonly re: readonly (readonly Float64Array[])[];
  readonly im: readonly (readonly Float64Array[])[];
}

/** Index of coil c's emf input and force input; of its current output and velocity output. */
export const emfInput = (coil: number) => 1 + 2 * coil;
export const forceInput = (coil: number) => 2 + 2 * coil;
export const currentOutput = (coil: number) => 2 * coil;
export const velocityOutput = (coil: number) => 2 * coil + 1;

export class LinearPorts {
  readonly coils: readonly NonlinearCoil[];
  readonly probes: readonly { readonly id: string; readonly domain: Domain }[];
  /** Volts of the design's first voltage source (the drive the transfers are per volt of). */
  readonly designVoltage: number;
  private readonly network: Network;
  private readonly emfBranches: number[];
  private readonly forceBranches: number[];
  private readonly outputs: number[];

  /** `design` must be valid (validateDesign). Throws a TympanError when it has no voltage source. */
  constructor(design: Design, air: Air) {
    this.coils = nonlinearCoils(design, air);
    const emf = this.coils.map(() => -1);
    const force = this.coils.map(() => -1);
    const compiled = compileNetwork(design, air, (primitives) =>
      cutCoils(primitives, this.coils, emf, force),
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
    this.emfBranches = emf;
    this.forceBranches = force;
    this.probes = design.probes.map((probe) => ({
      id: probe.id,
      domain: network.domainOfNode.get(probe.node)!,
    }));
    this.outputs = [
      ...this.coils.flatMap((_, c) => [emf[c]!, force[c]!]),
      ...design.probes.map((probe) => network.unknownOfNode.get(probe.node) ?? -1),
    ];
  }

  /** Number of inputs (the drive, then each coil's emf and force). */
  get inputCount(): number {
    return 1 + 2 * this.coils.length;
  }

  /** Output index of probe p. */
  probeOutput(probe: number): number {
    return 2 * this.coils.length + probe;
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
    for (let input = 0; input < this.inputCount; input++) {
      const network = input === 0 ? this.network : this.unitSourceNetwork(input);
      const values = new FrequencySweep(network, this.outputs).run(sorted);
      const perVolt = input === 0 ? values.scale / this.designVoltage : values.scale;
      re.push(values.re.map((row) => unsort(row, perVolt)));
      im.push(values.im.map((row) => unsort(row, perVolt)));
    }
    return { frequencyHz, re, im };
  }

  /** The network driven by inserted source `input` at 1 and nothing else. */
  private unitSourceNetwork(input: number): Network {
    const coil = Math.floor((input - 1) / 2);
    const branch = input % 2 === 1 ? this.emfBranches[coil]! : this.forceBranches[coil]!;
    const sourceRe = new Float64Array(this.network.sourceRe.length);
    sourceRe[branch] = 1;
    return { ...this.network, sourceRe };
  }
}

/**
 * The primitives with each coil's emf source cut in between the coil chain and the motor's
 * electrical terminal, and its force source between the motor's force terminal and the mass.
 */
function cutCoils(
  primitives: PrimitiveInstance[],
  coils: readonly NonlinearCoil[],
  emfBranches: number[],
  forceBranches: number[],
): PrimitiveInstance[] {
  const rewired = [...primitives];
  const added: PrimitiveInstance[] = [];
  coils.forEach((coil, c) => {
    const motorAt = rewired.findIndex((p) => p.definition.id === `${coil.partId}/Bl`);
    const massAt = rewired.findIndex((p) => p.definition.id === `${coil.partId}/Mms`);
    if (motorAt < 0 || massAt < 0)
      throw new Error(`internal: coil "${coil.partId}" has no Bl gyrator or Mms mass`);
    const motor = rewired[motorAt]!;
    const mass = rewired[massAt]!;
    const [coilEnd, ...motorRest] = motor.definition.nodes;
    const [forceNode, ...massRest] = mass.definition.nodes;
    const cutE = `#${coil.partId}/emf`;
    const cutF = `#${coil.partId}/force+`;
    rewired[motorAt] = {
      ...motor,
      definition: { ...motor.definition, nodes: [cutE, ...motorRest] } as ElementDefinition,
    };
    rewired[massAt] = {
      ...mass,
      definition: { ...mass.definition, nodes: [cutF, ...massRest] } as ElementDefinition,
    };
    const source = (id: string, nodes: string[], domain: Domain, branches: number[]) => ({
      definition: { id, type: "voltageSource", nodes, voltage: 0 } as ElementDefinition,
      model: potentialSource(domain, (branch) => (branches[c] = branch)),
      originIndex: motor.originIndex,
      originId: motor.originId,
    });
    // Branch flow out of the first terminal: the coil current into the motor, the velocity into Mms.
    added.push(
      source(`${coil.partId}#emf`, [cutE, coilEnd!], "electrical", emfBranches),
      source(`${coil.partId}#force`, [cutF, forceNode!], "mechanical", forceBranches),
    );
  });
  return [...rewired, ...added];
}
