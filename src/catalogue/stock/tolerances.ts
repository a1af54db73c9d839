import type { ElementType } from "../../elements/registry.js";
import type { Provenance } from "../parts/provenance.js";

/*
 * Part tolerances a Monte Carlo of a design draws from when the user gives none, each with where it
 * comes from. A tolerance is a limit a maker guarantees, not a distribution; the analysis draws
 * uniformly within it (see optimize/toleranceAnalysis.ts).
 */

/**
 * What a transducer's spread is stated as on datasheets — its sensitivity (dB) and its resonance
 * (%) — and which model parameter carries it. A sensitivity change of g (pressure ratio 10^(dB/20))
 * scales the parameter by g^exponent; a resonance change of r (frequency ratio) scales it by
 * r^exponent. The force factor (Bl, T, the EST's polarisation voltage) sets the level in the bands
 * the motor's force does, so g¹; a resonance goes as √(stiffness/mass), so a compliance or a mass
 * takes r⁻², a membrane tension r².
 */
export type TransducerQuantity = "sensitivity" | "resonance";

export interface TransducerSpread {
  readonly parameter: string;
  readonly exponent: number;
}

/** Which parameter carries each transducer type's sensitivity and resonance spread, and how. */
export const TRANSDUCER_SPREADS: Readonly<
  Partial<Record<ElementType, Readonly<Record<TransducerQuantity, TransducerSpread>>>>
> = {
  dynamicDriver: {
    sensitivity: { parameter: "bl", exponent: 1 },
    resonance: { parameter: "cms", exponent: -2 },
  },
  opposedDynamicDrivers: {
    sensitivity: { parameter: "bl", exponent: 1 },
    resonance: { parameter: "cms", exponent: -2 },
  },
  balancedArmature: {
    sensitivity: { parameter: "transduction", exponent: 1 },
    resonance: { parameter: "movingMass", exponent: -2 },
  },
  planarDriver: {
    sensitivity: { parameter: "bl", exponent: 1 },
    resonance: { parameter: "tension", exponent: 2 },
  },
  electrostaticTweeter: {
    sensitivity: { parameter: "polarizationVoltage", exponent: 1 },
    resonance: { parameter: "cms", exponent: -2 },
  },
};

/** One default tolerance: ± `amount` (in `unit`) on `quantity` of every element of `elementType`. */
export interface DefaultTolerance {
  readonly elementType: ElementType;
  /** A parameter of the element, or a TransducerQuantity for drivers. */
  readonly quantity: string;
  /** Half-width of the tolerance: percent of the value, or dB for a sensitivity. */
  readonly amount: number;
  readonly unit: "%" | "dB";
  readonly source: Provenance;
}

const E24_CLASS: Provenance = {
  kind: "publication",
  citation:
    "IEC 60063:2015 (E24 is the ±5 % series) and IEC 60062:2016 letter code J (±5 %): the resistors the optimiser snaps to E24",
};
const E12_CLASS: Provenance = {
  kind: "publication",
  citation:
    "IEC 60063:2015 (E12 is the ±10 % series) and IEC 60062:2016 letter code K (±10 %): film capacitors and inductors bought in E12",
};
const KNOWLES_DAMPERS: Provenance = {
  kind: "publication",
  citation:
    "Knowles BF-series acoustic dampers: acoustic resistance within ±20 % of the rating or better (Knowles, as cited in issue 17)",
};
const MICRO_DRIVER_DATASHEET_SPL: Provenance = {
  kind: "publication",
  citation:
    "micro dynamic driver datasheets state SPL ±3 dB and f0 ±20 % (e.g. a Φ20 mm handset speaker: 93 ± 3 dB, f0 800 Hz ± 20 %, m.buyigui.cn/S20.html)",
};
const handCut = (what: string): Provenance => ({
  kind: "illustrative",
  note: `${what}: hand-cut to ±0.25 mm (half the 0.5 mm step) on a typical 5 mm run`,
});

/**
 * The default tolerances, by element type. Parts not listed (sources, ear simulators, lumped
 * acoustic masses and compliances someone fitted) are exact unless the user gives a tolerance.
 */
export const DEFAULT_TOLERANCES: readonly DefaultTolerance[] = [
  { elementType: "resistor", quantity: "resistance", amount: 5, unit: "%", source: E24_CLASS },
  { elementType: "capacitor", quantity: "capacitance", amount: 10, unit: "%", source: E12_CLASS },
  { elementType: "inductor", quantity: "inductance", amount: 10, unit: "%", source: E12_CLASS },
  {
    elementType: "damper",
    quantity: "ratingCgsOhm",
    amount: 20,
    unit: "%",
    source: KNOWLES_DAMPERS,
  },
  { elementType: "tube", quantity: "length", amount: 5, unit: "%", source: handCut("tube length") },
  {
    elementType: "tube",
    quantity: "radius",
    amount: 3,
    unit: "%",
    source: {
      kind: "illustrative",
      note: "tubing bore: extruded tubing held to about ±0.03 mm on a 1 mm bore",
    },
  },
  {
    elementType: "duct",
    quantity: "radius",
    amount: 5,
    unit: "%",
    source: { kind: "illustrative", note: "a drilled or printed vent: ±0.025 mm on a Ø1 mm hole" },
  },
  {
    elementType: "acousticVolume",
    quantity: "volume",
    amount: 10,
    unit: "%",
    source: {
      kind: "illustrative",
      note: "a shell chamber: resin printing and the driver's seating move a few mm³ of a few tens",
    },
  },
  ...(["dynamicDriver", "opposedDynamicDrivers", "planarDriver"] as const).flatMap(
    (elementType): DefaultTolerance[] => [
      {
        elementType,
        quantity: "sensitivity",
        amount: 3,
        unit: "dB",
        source: MICRO_DRIVER_DATASHEET_SPL,
      },
      {
        elementType,
        quantity: "resonance",
        amount: 20,
        unit: "%",
        source: MICRO_DRIVER_DATASHEET_SPL,
      },
    ],
  ),
  {
    elementType: "balancedArmature",
    quantity: "sensitivity",
    amount: 3,
    unit: "dB",
    source: {
      kind: "illustrative",
      note: "no BA maker's production spread at hand: the ±3 dB window of micro-driver datasheets",
    },
  },
  {
    elementType: "balancedArmature",
    quantity: "resonance",
    amount: 10,
    unit: "%",
    source: {
      kind: "illustrative",
      note: "half the dynamic drivers' ±20 %: an armature's stiffness is a machined reed, not a formed surround",
    },
  },
  {
    elementType: "electrostaticTweeter",
    quantity: "sensitivity",
    amount: 3,
    unit: "dB",
    source: { kind: "illustrative", note: "the ±3 dB window of micro-driver datasheets" },
  },
  {
    elementType: "electrostaticTweeter",
    quantity: "resonance",
    amount: 20,
    unit: "%",
    source: { kind: "illustrative", note: "the ±20 % f0 window of micro-driver datasheets" },
  },
];
