import type { Design, Probe } from "../design/design.js";
import type { ElementDefinition } from "../elements/registry.js";
import { type Part, partParameters } from "./parts/part.js";
import { STOCK_TIP_BORE } from "../source/fitScenarios.js";

/*
 * Building blocks every reference design shares, so that each design file reads as its own choices
 * (drivers, crossover, tubes, dampers, vents) and the common parts (drive, ear tip, 711) stay alike.
 * Node names: "in" is the amplifier's output, "nozzle" the inner end of the nozzle where the drivers'
 * sound bores meet, "entrance" the 711's entrance (the ear tip's outlet), "drum" the 711's drum.
 */

export const INPUT_NODE = "in";
export const NOZZLE_NODE = "nozzle";
export const ENTRANCE_NODE = "entrance";
export const DRUM_NODE = "drum";

/** Drive level of the reference designs: 1 V rms from an ideal source (sensitivity is per mW anyway). */
export const DRIVE_VOLTAGE = 1;

export function voltageDrive(): ElementDefinition {
  return { id: "source", type: "voltageSource", nodes: [INPUT_NODE, "0"], voltage: DRIVE_VOLTAGE };
}

/** A transducer element from a catalogue part, with its own id and nodes. */
export function fromPart(id: string, part: Part, nodes: readonly string[]): ElementDefinition {
  return {
    id,
    type: part.elementType,
    nodes: [...nodes],
    ...partParameters(part),
  } as ElementDefinition;
}

/** A sound bore or nozzle: the exact thermoviscous tube model. */
export function bore(id: string, from: string, to: string, lengthMm: number, diameterMm: number) {
  return {
    id,
    type: "tube",
    nodes: [from, to],
    length: lengthMm * 1e-3,
    radius: diameterMm * 0.5e-3,
    model: "exact",
  } as ElementDefinition;
}

/** A cavity (shell chamber) of `cubicMm` mm³ between `node` and ambient. */
export function chamber(id: string, node: string, cubicMm: number): ElementDefinition {
  return { id, type: "acousticVolume", nodes: [node, "0"], volume: cubicMm * 1e-9 };
}

/** A vent hole of the given diameter and length from `node` to ambient (Poiseuille duct). */
export function vent(id: string, node: string, diameterMm: number, lengthMm: number, count = 1) {
  return {
    id,
    type: "duct",
    nodes: [node, "0"],
    radius: diameterMm * 0.5e-3,
    length: lengthMm * 1e-3,
    ...(count > 1 ? { count } : {}),
  } as ElementDefinition;
}

export function damper(id: string, from: string, to: string, ratingCgsOhm: number) {
  return { id, type: "damper", nodes: [from, to], ratingCgsOhm } as ElementDefinition;
}

/** The nozzle from the shell's `nozzle` node, the ear tip's bore, and the IEC 60318-4 (711) ear. */
export interface EarTip {
  readonly nozzleLengthMm: number;
  readonly nozzleDiameterMm: number;
  readonly tipBoreLengthMm: number;
  readonly tipBoreDiameterMm: number;
}

/** The stock silicone tip's bore (see STOCK_TIP_BORE); each design sets its nozzle. */
const TIP_BORE = {
  tipBoreLengthMm: STOCK_TIP_BORE.lengthMm,
  tipBoreDiameterMm: STOCK_TIP_BORE.diameterMm,
} as const;

export function earTipInto711(tip: EarTip): ElementDefinition[] {
  return [
    bore("nozzleBore", NOZZLE_NODE, "tip", tip.nozzleLengthMm, tip.nozzleDiameterMm),
    bore("tipBore", "tip", ENTRANCE_NODE, tip.tipBoreLengthMm, tip.tipBoreDiameterMm),
    { id: "ear", type: "ear711", nodes: [ENTRANCE_NODE, DRUM_NODE] } as ElementDefinition,
  ];
}

/** The drum probe every reference design has; multi-driver designs split it by driver. */
export function drumProbe(byDriver: boolean): Probe {
  return { id: "drum", node: DRUM_NODE, ...(byDriver ? { byDriver: true } : {}) };
}

export interface DesignParts {
  readonly name: string;
  readonly description: string;
  /** The shell: drivers, crossover, bores, dampers, chambers and vents, ending at NOZZLE_NODE. */
  readonly elements: readonly ElementDefinition[];
  /** The nozzle's length and diameter (the tip's bore is TIP_BORE). */
  readonly nozzle: { readonly lengthMm: number; readonly diameterMm: number };
  /** Report each driver's share at the drum (multi-driver designs). */
  readonly byDriver: boolean;
}

/** A whole design: 1 V drive, the shell, nozzle, tip and 711, and the drum probe. */
export function design(parts: DesignParts): Design {
  const tip: EarTip = {
    nozzleLengthMm: parts.nozzle.lengthMm,
    nozzleDiameterMm: parts.nozzle.diameterMm,
    ...TIP_BORE,
  };
  return {
    tympan: 1,
    name: parts.name,
    description: parts.description,
    elements: [voltageDrive(), ...parts.elements, ...earTipInto711(tip)],
    probes: [drumProbe(parts.byDriver)],
  };
}
