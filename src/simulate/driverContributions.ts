import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import { TympanError } from "../core/issues.js";
import type { Design, Probe } from "../design/design.js";
import type { PrimitiveModel } from "../network/elementModel.js";
import { type PrimitiveInstance, expandElements } from "../design/expand.js";
import { potentialSourceStamp } from "../network/stamps.js";
import { GROUND } from "../network/topology.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";
import { compileRecipe, type Network } from "./compileNetwork.js";
import type { NetworkRecipe } from "./networkRecipe.js";
import { FrequencySweep, type SweepValues } from "./sweep.js";

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
 *
 * All G_k come from one network (every motor replaced by a force source; only the right-hand side
 * differs between motors) and one solve per frequency with its transpose: G_k = (A⁻¹)_{probe,k} is
 * entry k of A⁻ᵀ·e_probe. The same solve gives the remainder, yᵀ·b over the design's own sources.
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

/**
 * A potential source inserted into an expanded network (a force source standing in for a motor's
 * port, or a series drive of harmonic balance), of value 0 (drives come as right-hand sides), that
 * reports its branch unknown when realised.
 */
export function potentialSource(
  domain: Domain,
  onBranch: (branch: number) => void,
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
    realize: (_definition, context) => {
      const realization = potentialSourceStamp(context, 0, 0);
      onBranch(realization.sourceBranch!);
      return realization;
    },
  };
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
 * The primitives that share a connected piece of the network (ground does not connect: its
 * potential is fixed) with one of `nodes`. Nothing outside can change a potential inside, so the
 * rest is left out of the share network: a transducer's electrical side, once its motor is cut, and
 * whatever other separate circuits the design holds.
 */
function connectedTo(
  primitives: readonly PrimitiveInstance[],
  nodes: readonly string[],
): PrimitiveInstance[] {
  const parent = new Map<string, string>();
  const root = (node: string): string => {
    let r = node;
    for (let up = parent.get(r); up !== undefined; up = parent.get(r)) r = up;
    return r;
  };
  for (const p of primitives) {
    const inner = p.definition.nodes.filter((node) => node !== GROUND);
    for (const node of inner.slice(1)) {
      const a = root(node);
      const b = root(inner[0]!);
      if (a !== b) parent.set(a, b);
    }
  }
  const wanted = new Set(nodes.filter((node) => node !== GROUND).map(root));
  return primitives.filter((p) =>
    p.definition.nodes.some((node) => node !== GROUND && wanted.has(root(node))),
  );
}

/**
 * The design with every motor replaced by a force source (value 0: the drives come as right-hand
 * sides), cut down to the piece connected to the probes. Returns its recipe and each motor's force
 * branch unknown (-1 when the motor's port is not connected to any probe: its share is zero).
 */
function forceDrivenRecipe(
  design: Design,
  air: Air,
  motors: readonly Motor[],
  probes: readonly Probe[],
) {
  const branches = motors.map(() => -1);
  const compiled = compileRecipe({ ...design, probes: [...probes] }, air, (primitives) => {
    const ports = motorPorts(primitives, motors);
    const motorIds = new Set(motors.map((motor) => motor.partId));
    const kept = primitives.filter((p) => !motorIds.has(p.definition.id));
    const sources = motors.map((motor, k): PrimitiveInstance => {
      const origin = primitives.find((p) => p.definition.id === motor.partId)!;
      return {
        definition: {
          id: `${motor.partId}#force`,
          type: "voltageSource",
          nodes: [ports[k]!.plus, ports[k]!.minus],
          voltage: 0,
        },
        model: potentialSource("mechanical", (branch) => (branches[k] = branch)),
        originIndex: origin.originIndex,
        originId: origin.originId,
      };
    });
    return connectedTo(
      [...kept, ...sources],
      probes.map((probe) => probe.node),
    );
  });
  if (!compiled.ok) throw new TympanError(compiled.issues as never);
  return { recipe: compiled.recipe, branches };
}

/** Complex values per probe and frequency. */
export interface ComplexSeries {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * The nodes whose potentials give the motor forces (each motor's mechanical port, ground left out):
 * the full simulation reports them alongside the probes, and `driverContributions` takes them back.
 */
export function motorForceNodes(design: Design, air: Air): string[] {
  const ports = motorPorts(expandElements(design.elements, air), findMotors(design.elements, air));
  return [...new Set(ports.flatMap((port) => [port.plus, port.minus]))].filter(
    (node) => node !== GROUND,
  );
}

/**
 * The probe's response to a unit drive at each of the share network's rows (G_r = (A⁻¹)_{p,r}),
 * by one solve with the transpose: y = A⁻ᵀ·e_p gives G_r = y_r for every r at once, so the cost does
 * not grow with the number of motors. The transposed network is the same slots with rows and
 * columns swapped (the stamps write by slot), driven by a unit source at the probe's row.
 */
function transposed(network: Network, probeUnknown: number): Network {
  const sourceRe = new Float64Array(network.size);
  sourceRe[probeUnknown] = 1;
  return { ...network, rows: network.cols, cols: network.rows, sourceRe };
}

/**
 * Each driver's share of the `byDriver` probes, compiled once for a design and a frequency grid:
 * the share network (every motor a force source) and one transposed sweep per probe. Element values
 * edited in the design are taken in with `update`, keeping the sweeps' pivot orders.
 */
export class DriverShares {
  private readonly motors: readonly Motor[];
  private readonly ports: readonly { plus: string; minus: string }[];
  private readonly recipe: NetworkRecipe;
  private readonly branches: readonly number[];
  private network: Network;
  /** The design's own sources inside the share network: they drive the remainder "other". */
  private sourceRows: number[];
  /** Rows whose responses are wanted: motor branches, then sources. */
  private driven: number[];
  private readonly sweeps: FrequencySweep[];
  /**
   * The last responses of each probe's sweep and the recipe revision they were computed for: an
   * edit outside the share network (a crossover part, cut off with the motors) leaves them as they
   * were, and the next `compute` reuses them instead of sweeping again.
   */
  private responses: SweepValues[] = [];
  private responsesRevision = -1;

  /** Throws a TympanError ("no-drivers") when the design has no transducer with a motor. */
  constructor(
    design: Design,
    private readonly probes: readonly Probe[],
    private readonly frequencies: readonly number[],
    air: Air,
  ) {
    this.motors = findMotors(design.elements, air);
    if (this.motors.length === 0) {
      throw new TympanError([
        {
          severity: "error",
          code: "no-drivers",
          path: ["probes", design.probes.indexOf(probes[0]!), "byDriver"],
          message: `probe "${probes[0]!.id}" asks for each driver's share, but the design has no transducer with a motor (dynamicDriver, balancedArmature, planarDriver, electrostaticTweeter); remove "byDriver"`,
        },
      ]);
    }
    this.ports = motorPorts(expandElements(design.elements, air), this.motors);
    const { recipe, branches } = forceDrivenRecipe(design, air, this.motors, probes);
    this.recipe = recipe;
    this.branches = branches;
    this.network = recipe.network();
    this.sourceRows = sourceRowsOf(this.network);
    this.driven = [...new Set([...branches.filter((branch) => branch >= 0), ...this.sourceRows])];
    // The rows are only reported, not ordered last: a force source grounded on one side makes its
    // transposed row −y₊ = 0, which eliminated first gives y₊ exactly 0 (ordered last, rounding
    // noise there would fail the sweep's componentwise accuracy check).
    this.sweeps = probes.map(
      (probe) =>
        new FrequencySweep(transposed(this.network, this.probeUnknown(probe)), [], {
          alsoReport: this.driven,
        }),
    );
  }

  private probeUnknown(probe: Probe): number {
    return this.network.unknownOfNode.get(probe.node)!;
  }

  /**
   * Takes in design element `originIndex`, now expanded as `expansion` (see NetworkRecipe.update).
   * False when the share network's structure changed: make a new DriverShares.
   */
  update(originIndex: number, expansion: readonly PrimitiveInstance[], air: Air): boolean {
    const revision = this.recipe.revision;
    if (!this.recipe.update(originIndex, expansion, air)) return false;
    if (this.recipe.revision === revision) return true;
    const network = this.recipe.network();
    const sourceRows = sourceRowsOf(network);
    if (sourceRows.join() !== this.sourceRows.join()) return false;
    this.network = network;
    return this.probes.every((probe, p) =>
      this.sweeps[p]!.setNetwork(transposed(network, this.probeUnknown(probe))),
    );
  }

  /**
   * The shares of each probe, keyed "<probe id>/<driver id>" (and "<probe id>/other" when
   * something other than the motors reaches the probe). `potentialOf` gives the complex potential
   * of each of `motorForceNodes` in the full simulation (true values, not unit-scaled).
   */
  compute(potentialOf: (node: string) => ComplexSeries): Map<string, ComplexSeries> {
    const { frequencies, motors, branches, network, sourceRows, driven } = this;
    const count = frequencies.length;
    const potential = (node: string) => (node === GROUND ? zeros(count) : potentialOf(node));
    // Motor forces of the full simulation: the potential across each motor's mechanical port.
    const forces = this.ports.map((port) =>
      difference(potential(port.plus), potential(port.minus)),
    );
    const shares = new Map<string, ComplexSeries>();
    const driverIds = [...new Set(motors.map((motor) => motor.driverId))];
    if (this.responsesRevision !== this.recipe.revision) {
      this.responses = this.sweeps.map((sweep) => sweep.run(frequencies));
      this.responsesRevision = this.recipe.revision;
    }
    this.probes.forEach((probe, p) => {
      // The only source is 1, so the values need no rescaling.
      const values = this.responses[p]!;
      const response = (row: number): ComplexSeries => {
        const r = driven.indexOf(row);
        return { re: values.re[r]!, im: values.im[r]! };
      };
      const totals = new Map(driverIds.map((id) => [id, zeros(count)]));
      motors.forEach((motor, k) => {
        if (branches[k]! >= 0)
          accumulateProduct(totals.get(motor.driverId)!, response(branches[k]!), forces[k]!);
      });
      const other = zeros(count);
      for (const row of sourceRows) {
        const drive = network.sourceRe[row]!;
        const { re, im } = response(row);
        for (let f = 0; f < count; f++) {
          other.re[f] = other.re[f]! + re[f]! * drive;
          other.im[f] = other.im[f]! + im[f]! * drive;
        }
      }
      for (const id of driverIds) shares.set(`${probe.id}/${id}`, totals.get(id)!);
      if (sourceRows.length > 0 && !isNegligible(other, [...totals.values()]))
        shares.set(`${probe.id}/other`, other);
    });
    return shares;
  }
}

/**
 * The shares of each `byDriver` probe, keyed "<probe id>/<driver id>" (and "<probe id>/other" when
 * something other than the motors reaches the probe). `potentialOf` gives the complex potential of
 * each of `motorForceNodes` in the full simulation (true values, not unit-scaled).
 */
export function driverContributions(
  design: Design,
  probes: readonly Probe[],
  frequencies: readonly number[],
  air: Air,
  potentialOf: (node: string) => ComplexSeries,
): Map<string, ComplexSeries> {
  if (probes.length === 0) return new Map();
  return new DriverShares(design, probes, frequencies, air).compute(potentialOf);
}

function sourceRowsOf(network: Network): number[] {
  const rows: number[] = [];
  network.sourceRe.forEach((value, row) => value !== 0 && rows.push(row));
  return rows;
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

/**
 * The remainder is rounding noise when it is below 1e-12 of the largest share at every frequency
 * (exactly zero wherever no source of the design's own reaches the probe: then nothing to compare).
 */
function isNegligible(other: ComplexSeries, totals: readonly ComplexSeries[]): boolean {
  for (let f = 0; f < other.re.length; f++) {
    if (other.re[f] === 0 && other.im[f] === 0) continue;
    let largest = 0;
    for (const share of totals) largest = Math.max(largest, Math.hypot(share.re[f]!, share.im[f]!));
    if (Math.hypot(other.re[f]!, other.im[f]!) > 1e-12 * largest) return false;
  }
  return true;
}
