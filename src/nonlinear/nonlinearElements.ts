import { type Air, bulkModulusPa } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import type { Design } from "../design/design.js";
import { armatureLargeSignalCurves } from "../elements/drivers/armatureLargeSignal.js";
import type { BalancedArmature } from "../elements/drivers/balancedArmature.js";
import { adiabaticSeries } from "../elements/drivers/cavityCompression.js";
import { electretNonlinearity } from "../elements/drivers/electrostaticLargeSignal.js";
import type { ElectrostaticTweeter } from "../elements/drivers/electrostaticTweeter.js";
import { type LargeSignalCurves, largeSignalCurves } from "../elements/drivers/largeSignal.js";
import type { DynamicDriver } from "../elements/drivers/dynamicDriver.js";
import type { PlanarDriver } from "../elements/drivers/planarDriver.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";
import { largeSignalSources } from "./largeSignalSources.js";
import type { SignalAlgebra } from "./signalAlgebra.js";

/**
 * The design's nonlinear elements, each seen by the solvers the same way: a few series sources
 * cut into the linear network (a "cut"), each cut's flow (or its time integral: a displacement,
 * a charge, a volume) a signal, and the sources' values a function of the signals in time. Every
 * other element stays the linear network `simulate` solves (linearPorts.ts).
 *
 * A cut at node N moves the primitives `moved` from N to a new node N′ and puts a potential source
 * from N′ to N: what it adds is the potential the moved primitives see above N, and its flow is
 * the flow into them.
 *  - moving coils (dynamicDriver, each half of an opposed pair, planarDriver, balancedArmature):
 *    an emf before the motor (flow: the coil current i) and a force after it (flow: the velocity,
 *    integrated: x); largeSignalSources.ts gives e = −(ΔBl·v + d(ΔLe·i)/dt) and f;
 *  - the electret tweeter (electrostaticLargeSignal.ts): a voltage before its blocked capacitance
 *    and motor (flow integrated: the charge q), +q·x/(C₀d), and a force q²/(2C₀d);
 *  - with `adiabaticCavities`, every acoustic volume (cavityCompression.ts): a pressure in series
 *    with its compliance (flow integrated: the volume pushed in, ΔV), −p₀·Σₙ≥₂ cₙ(ΔV/V₀)ⁿ.
 */
export interface Cut {
  readonly node: string;
  readonly moved: ReadonlySet<string>;
  readonly domain: Domain;
}

/** A source's value over one period: `direct` + d(`flux`)/dt (flux absent: 0). */
export interface SourceTerm {
  readonly direct: Float64Array;
  readonly flux?: Float64Array;
}

export interface NonlinearElement {
  /** The design element it is (or is in). */
  readonly elementId: string;
  /** Its own id inside the expansion ("d1", "pair/A", "woofer/frontVolume"). */
  readonly partId: string;
  readonly kind: "moving coil" | "electret" | "cavity";
  readonly cuts: readonly Cut[];
  /** Per cut: whether its signal is the flow's time integral (x, q, ΔV) rather than the flow. */
  readonly integrated: readonly boolean[];
  /** The highest power of the signals in its terms (sets the samples per period). */
  readonly degree: number;
  /** Per cut, its source from the signals' values and rates (d/dt) over one period. */
  terms(
    algebra: SignalAlgebra,
    values: readonly Float64Array[],
    rates: readonly Float64Array[],
  ): SourceTerm[];
}

export interface NonlinearOptions {
  /** Treat every acousticVolume as an adiabatic gas spring (cavityCompression.ts). */
  readonly adiabaticCavities?: boolean;
}

/** Powers of the series kept for a cavity: at 5 kPa peak (168 dB) the next changes H3 by 1e-4 dB. */
const CAVITY_ORDER = 6;

/** Every nonlinear element in the design, found by walking macro expansions. */
export function nonlinearElements(
  design: Design,
  air: Air,
  options: NonlinearOptions = {},
): NonlinearElement[] {
  const found: NonlinearElement[] = [];
  const visit = (definition: ElementDefinition, elementId: string) => {
    if (definition.type === "acousticVolume") {
      if (options.adiabaticCavities) found.push(cavity(elementId, definition as never, air));
      return;
    }
    const model = modelOf(definition.type);
    if (model.kind !== "macro") return;
    const parts = model.expand(definition, air) as ElementDefinition[];
    const coil = (curves: LargeSignalCurves | undefined, motorId: string) => {
      if (curves) found.push(movingCoil(elementId, definition.id, curves, parts, motorId));
    };
    if (definition.type === "dynamicDriver")
      coil(largeSignalCurves(definition as DynamicDriver), `${definition.id}/Bl`);
    else if (definition.type === "planarDriver")
      coil(largeSignalCurves(definition as PlanarDriver), `${definition.id}/motor`);
    else if (definition.type === "balancedArmature")
      coil(armatureLargeSignalCurves(definition as BalancedArmature), `${definition.id}/motor`);
    else if (definition.type === "electrostaticTweeter") {
      const electret = electretNonlinearity(definition as ElectrostaticTweeter);
      if (electret) found.push(electretElement(elementId, definition.id, electret, parts));
    }
    if (definition.type === "dynamicDriver") return;
    for (const part of parts) visit(part, elementId);
  };
  for (const element of design.elements) visit(element as ElementDefinition, element.id);
  return found;
}

function partOf(parts: readonly ElementDefinition[], id: string): ElementDefinition {
  const part = parts.find((p) => p.id === id);
  if (part === undefined) throw new Error(`internal: no part "${id}" in the expansion`);
  return part;
}

/** Every part at `node` but the `kept` one. */
function othersAt(parts: readonly ElementDefinition[], node: string, kept: string): Set<string> {
  return new Set(parts.filter((p) => p.id !== kept && p.nodes.includes(node)).map((p) => p.id));
}

function movingCoil(
  elementId: string,
  partId: string,
  curves: LargeSignalCurves,
  parts: readonly ElementDefinition[],
  motorId: string,
): NonlinearElement {
  const motor = partOf(parts, motorId);
  const [electrical, , mechanical] = motor.nodes as [string, string, string];
  return {
    elementId,
    partId,
    kind: "moving coil",
    cuts: [
      { node: electrical, moved: new Set([motorId]), domain: "electrical" },
      { node: mechanical, moved: othersAt(parts, mechanical, motorId), domain: "mechanical" },
    ],
    integrated: [false, true],
    degree: 1 + Math.max(curves.bl.length, curves.kms.length, curves.le.length),
    terms(algebra, values, rates) {
      const [i, x] = values as [Float64Array, Float64Array];
      const terms = largeSignalSources(algebra, curves, x, rates[1]!, i);
      return [
        { direct: algebra.scale(terms.emf, -1), flux: algebra.scale(terms.flux, -1) },
        { direct: terms.force },
      ];
    },
  };
}

function electretElement(
  elementId: string,
  partId: string,
  { blockedCapacitance, gap }: { blockedCapacitance: number; gap: number },
  parts: readonly ElementDefinition[],
): NonlinearElement {
  const motorId = `${partId}/motor`;
  const motor = partOf(parts, motorId);
  const [electrode, , mechanical] = motor.nodes as [string, string, string];
  const scale = 1 / (blockedCapacitance * gap);
  return {
    elementId,
    partId,
    kind: "electret",
    cuts: [
      { node: electrode, moved: new Set([motorId, `${partId}/C0`]), domain: "electrical" },
      { node: mechanical, moved: othersAt(parts, mechanical, motorId), domain: "mechanical" },
    ],
    integrated: [true, true],
    degree: 2,
    terms(algebra, values) {
      const [q, x] = values as [Float64Array, Float64Array];
      return [
        { direct: algebra.scale(algebra.multiply(q, x), scale) },
        { direct: algebra.scale(algebra.multiply(q, q), scale / 2) },
      ];
    },
  };
}

function cavity(
  elementId: string,
  volume: { id: string; nodes: string[]; volume: number },
  air: Air,
): NonlinearElement {
  const gamma = air.heatCapacityRatio;
  const ambientPa = bulkModulusPa(air) / gamma;
  const series = adiabaticSeries(gamma, CAVITY_ORDER);
  const perVolume = 1 / volume.volume;
  return {
    elementId,
    partId: volume.id,
    kind: "cavity",
    cuts: [{ node: volume.nodes[0]!, moved: new Set([volume.id]), domain: "acoustic" }],
    integrated: [true],
    degree: CAVITY_ORDER,
    terms(algebra, values) {
      const u = algebra.scale(values[0]!, perVolume);
      let power = u;
      let sum = algebra.zero();
      for (const c of series) {
        power = algebra.multiply(power, u);
        sum = algebra.add(sum, algebra.scale(power, -ambientPa * c));
      }
      return [{ direct: sum }];
    },
  };
}
