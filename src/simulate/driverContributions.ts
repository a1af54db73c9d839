import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import { TympanError } from "../core/issues.js";
import type { Design, Probe } from "../circuit/design.js";
import type { PrimitiveModel } from "../circuit/elementModel.js";
import { type PrimitiveInstance, expandElements } from "../circuit/expand.js";
import { potentialSourceStamp } from "../circuit/stamps.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";
import { compileNetwork, type Network } from "../solve/network.js";
import { FrequencySweep } from "../solve/sweep.js";

/*
 * Each driver's share of a probe's potential, exactly, by superposition. A transducer's motor (the
 * gyrator Bl of a voice coil, the transformer φ of an electrostat) ends in a mechanical port whose
 * potential is the force it exerts. Replacing every motor by a force source of that same value leaves
 * the mechanical and acoustic side exactly as it was; as that side is linear, the probe's potential is
 * the sum of what each force produces alone, the others held at zero (their port shorted). So:
 *   share_k(f) = G_k(f)·F_k(f),
 * with F_k the motor force of the full simulation and G_k the probe's response to a unit force at
 * motor k. Whatever reaches the probe by another path than a motor (a measured two-port, a
 * hand-built network) is the remainder "other", so the shares always sum to the whole.
 */

/** A motor inside the design: the design element it belongs to and the motor part's id. */
interface Motor {
  readonly driverId: string;
  readonly partId: string;
}

/** Every motor the design's transducers declare, found by walking the macro expansion. */
export function findMotors(elements: readonly ElementDefinition[], air: Air): Motor[] {
  const motors: Motor[] = [];
  const visit = (definition: ElementDefinition, driverId: string) => {
    const model = modelOf(definition.type);
    if (model.kind !== "macro") return;
    if (model.motor)
      motors.push({ driverId, partId: `${definition.id}/${model.motor(definition)}` });
    for (const part of model.expand(definition, air)) visit(part as ElementDefinition, driverId);
  };
  for (const element of elements) visit(element, element.id);
  return motors;
}

/** A potential source (a force source standing in for a motor's port, or a source switched off). */
function potentialSource(
  value: number,
  seriesResistance: number,
  domain: Domain,
): PrimitiveModel<ElementDefinition> {
  return {
    kind: "primitive",
    type: "voltageSource",
    summary: "",
    terminals: ["plus", "minus"],
    parameters: {},
    schema: undefined as never,
    ports: [{ terminals: [0, 1], domain }],
    source: () => "potential",
    realize: (_definition, context) => potentialSourceStamp(context, value, seriesResistance),
  };
}

/**
 * The design's own source switched off, its topology kept: a potential source at 0 (with its output
 * resistance), a flow source at 0 (an open circuit).
 */
function switchedOff(primitive: PrimitiveInstance): PrimitiveInstance {
  const { model, definition } = primitive;
  const kind = model.source?.(definition) ?? "none";
  if (kind === "none") return primitive;
  const domain = model.ports[0]!.domain;
  const resistance = (definition as { outputImpedance?: number }).outputImpedance ?? 0;
  const off: PrimitiveModel<ElementDefinition> =
    kind === "potential"
      ? potentialSource(0, resistance, domain === "any" ? "electrical" : domain)
      : { ...model, source: () => "flow", realize: () => ({}) };
  return { ...primitive, model: off };
}

/** The mechanical port (force node, its reference) of each motor primitive, by part id. */
function motorPorts(primitives: readonly PrimitiveInstance[], motors: readonly Motor[]) {
  return motors.map((motor) => {
    const primitive = primitives.find((p) => p.definition.id === motor.partId);
    if (primitive === undefined)
      throw new Error(`internal: motor part "${motor.partId}" is missing from the expansion`);
    const [, , plus, minus] = primitive.definition.nodes as [string, string, string, string];
    return { plus, minus };
  });
}

/**
 * The design with every motor replaced by a force source: 1 N at motor `driven` with the design's
 * own sources off, or, for `driven` = −1, all forces 0 N and the design's sources on (the remainder).
 */
function forceDrivenNetwork(design: Design, air: Air, motors: readonly Motor[], driven: number) {
  const compiled = compileNetwork(design, air, (primitives) => {
    const ports = motorPorts(primitives, motors);
    const motorIds = new Set(motors.map((motor) => motor.partId));
    const kept = primitives
      .filter((p) => !motorIds.has(p.definition.id))
      .map((p) => (driven >= 0 ? switchedOff(p) : p));
    const sources = motors.map((motor, k): PrimitiveInstance => {
      const origin = primitives.find((p) => p.definition.id === motor.partId)!;
      const value = k === driven ? 1 : 0;
      return {
        definition: {
          id: `${motor.partId}#force`,
          type: "voltageSource",
          nodes: [ports[k]!.plus, ports[k]!.minus],
          voltage: value,
        },
        model: potentialSource(value, 0, "mechanical"),
        originIndex: origin.originIndex,
        originId: origin.originId,
      };
    });
    return [...kept, ...sources];
  });
  if (!compiled.ok) throw new TympanError(compiled.issues as never);
  return compiled.network;
}

/** Complex values per probe and frequency. */
export interface ComplexSeries {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

function sweepTrue(network: Network, outputs: readonly number[], frequencies: readonly number[]) {
  const values = new FrequencySweep(network, outputs).run(frequencies);
  return outputs.map((_, p): ComplexSeries => ({
    re: values.re[p]!.map((value) => value * values.scale),
    im: values.im[p]!.map((value) => value * values.scale),
  }));
}

/**
 * The shares of each `byDriver` probe, keyed "<probe id>/<driver id>" (and "<probe id>/other" when
 * something other than the motors reaches the probe). `fullNetwork` is the compiled design itself.
 */
export function driverContributions(
  design: Design,
  fullNetwork: Network,
  probes: readonly Probe[],
  frequencies: readonly number[],
  air: Air,
): Map<string, ComplexSeries> {
  const motors = findMotors(design.elements, air);
  const shares = new Map<string, ComplexSeries>();
  if (probes.length === 0) return shares;
  if (motors.length === 0) {
    throw new TympanError([
      {
        code: "no-drivers",
        path: ["probes", design.probes.indexOf(probes[0]!), "byDriver"],
        message: `probe "${probes[0]!.id}" asks for each driver's share, but the design has no transducer with a motor (dynamicDriver, balancedArmature, planarDriver, electrostaticTweeter); remove "byDriver"`,
      },
    ]);
  }
  // Motor forces of the full simulation: the potential across each motor's mechanical port.
  const ports = motorPorts(expandElements(design.elements, air), motors);
  const unknown = (network: Network, node: string) =>
    node === "0" ? -1 : network.unknownOfNode.get(node)!;
  const portNodes = [...new Set(ports.flatMap((port) => [port.plus, port.minus]))].filter(
    (node) => node !== "0",
  );
  const swept = sweepTrue(
    fullNetwork,
    portNodes.map((node) => unknown(fullNetwork, node)),
    frequencies,
  );
  const potential = (node: string) =>
    node === "0" ? zeros(frequencies.length) : swept[portNodes.indexOf(node)]!;
  const forces = ports.map((port) => difference(potential(port.plus), potential(port.minus)));

  const probeOutputs = (network: Network) => probes.map((probe) => unknown(network, probe.node));
  const driverIds = [...new Set(motors.map((motor) => motor.driverId))];
  const totals = new Map<string, ComplexSeries[]>(
    driverIds.map((id) => [id, probes.map(() => zeros(frequencies.length))]),
  );
  motors.forEach((motor, k) => {
    const network = forceDrivenNetwork(design, air, motors, k);
    const unitResponses = sweepTrue(network, probeOutputs(network), frequencies);
    unitResponses.forEach((response, p) => {
      accumulateProduct(totals.get(motor.driverId)![p]!, response, forces[k]!);
    });
  });
  const rest = forceDrivenNetwork(design, air, motors, -1);
  const other = sweepTrue(rest, probeOutputs(rest), frequencies);
  probes.forEach((probe, p) => {
    for (const id of driverIds) shares.set(`${probe.id}/${id}`, totals.get(id)![p]!);
    if (!isNegligible(other[p]!, totals, p)) shares.set(`${probe.id}/other`, other[p]!);
  });
  return shares;
}

function zeros(length: number): ComplexSeries {
  return { re: new Float64Array(length), im: new Float64Array(length) };
}

function difference(a: ComplexSeries, b: ComplexSeries): ComplexSeries {
  return {
    re: a.re.map((value, f) => value - b.re[f]!),
    im: a.im.map((value, f) => value - b.im[f]!),
  };
}

/** sum += a·b, elementwise complex. */
function accumulateProduct(sum: ComplexSeries, a: ComplexSeries, b: ComplexSeries): void {
  for (let f = 0; f < sum.re.length; f++) {
    sum.re[f] = sum.re[f]! + a.re[f]! * b.re[f]! - a.im[f]! * b.im[f]!;
    sum.im[f] = sum.im[f]! + a.re[f]! * b.im[f]! + a.im[f]! * b.re[f]!;
  }
}

/** The remainder is rounding noise when it is below 1e-12 of the largest share at every frequency. */
function isNegligible(
  other: ComplexSeries,
  totals: ReadonlyMap<string, ComplexSeries[]>,
  probe: number,
): boolean {
  for (let f = 0; f < other.re.length; f++) {
    let largest = 0;
    for (const shares of totals.values())
      largest = Math.max(largest, Math.hypot(shares[probe]!.re[f]!, shares[probe]!.im[f]!));
    if (Math.hypot(other.re[f]!, other.im[f]!) > 1e-12 * largest) return false;
  }
  return true;
}
