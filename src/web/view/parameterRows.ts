// The designer's parameter table as data: every numeric parameter of every element, with its unit and
// description from the element registry, in the order of the design.
import type { Design } from "../../index.js";
import type { ElementParameterDoc } from "../worker/protocol.js";
import { type DisplayUnit, displayUnit } from "./displayUnits.js";

export interface ParameterRow {
  readonly elementId: string;
  readonly parameter: string;
  /** The value in SI units, as in the design file. */
  readonly value: number;
  readonly siUnit: string;
  readonly unit: DisplayUnit;
  readonly description: string;
  /** What a screen reader and the tests call the input: "<element id> <parameter>". */
  readonly accessibleName: string;
}

export interface ElementRows {
  readonly elementId: string;
  readonly type: string;
  readonly rows: ParameterRow[];
}

/** Fields every element has that are not parameters. */
const NOT_PARAMETERS = new Set(["id", "type", "nodes"]);

type ParameterDocs = Readonly<Record<string, Readonly<Record<string, ElementParameterDoc>>>>;

export function parameterRows(
  design: Design,
  docs: ParameterDocs,
  /** Units already chosen, by accessible name, so a field keeps its unit while being edited. */
  chosenUnits: ReadonlyMap<string, DisplayUnit> = new Map(),
): ElementRows[] {
  return design.elements.map((element) => elementRows(element, docs, chosenUnits));
}

/** One element's rows: its numeric fields, in the order the design file gives them. */
export function elementRows(
  element: Design["elements"][number],
  docs: ParameterDocs,
  chosenUnits: ReadonlyMap<string, DisplayUnit> = new Map(),
): ElementRows {
  const fields = element as unknown as Record<string, unknown>;
  const typeDocs = docs[element.type] ?? {};
  const rows: ParameterRow[] = [];
  for (const [parameter, value] of Object.entries(fields)) {
    if (NOT_PARAMETERS.has(parameter) || typeof value !== "number") continue;
    const doc = typeDocs[parameter];
    const siUnit = doc?.unit ?? "";
    const accessibleName = `${element.id} ${parameter}`;
    rows.push({
      elementId: element.id,
      parameter,
      value,
      siUnit,
      unit: chosenUnits.get(accessibleName) ?? displayUnit(siUnit, value),
      description: doc?.description ?? "",
      accessibleName,
    });
  }
  return { elementId: element.id, type: element.type, rows };
}

/**
 * Parameters sold in fixed values, and which list: E12 (IEC 60063) for the crossover parts, the
 * library's stock ratings for dampers. The field offers the values near its own.
 */
const PURCHASABLE: ReadonlyMap<string, "preferred" | "damper"> = new Map([
  ["resistor resistance", "preferred"],
  ["capacitor capacitance", "preferred"],
  ["inductor inductance", "preferred"],
  ["damper ratingCgsOhm", "damper"],
]);

/** Parameters with a log-scale slider: the crossover parts and dampers a builder tunes by ear. */
const SLIDABLE = new Set(PURCHASABLE.keys());

/** Whether a parameter of an element type is sold in fixed values. */
export function isPurchasable(type: string, parameter: string): boolean {
  return PURCHASABLE.has(`${type} ${parameter}`);
}

/** The values a parameter is sold in (in its SI unit), or none: E12 or the stock damper ratings. */
export function purchasableValues(
  type: string,
  parameter: string,
  lists: {
    readonly preferredValues: readonly number[];
    readonly stockDamperRatings: readonly number[];
  },
): readonly number[] {
  const list = PURCHASABLE.get(`${type} ${parameter}`);
  if (list === "preferred") return lists.preferredValues;
  if (list === "damper") return lists.stockDamperRatings;
  return [];
}

/** Whether a parameter of an element type gets a slider. */
export function isSlidable(type: string, parameter: string): boolean {
  return SLIDABLE.has(`${type} ${parameter}`);
}

/** The preferred values within a decade either side of `value` (for the field's suggestions). */
export function nearbyValues(preferred: readonly number[], value: number): number[] {
  if (!(value > 0)) return [];
  return preferred.filter((v) => v >= value / 10 && v <= value * 10);
}

/**
 * A log-scale slider over two decades centred on `anchor` (the value when the field was first
 * shown, so the scale does not move while it is dragged): position = log10(value).
 */
export function sliderRange(anchor: number): { min: number; max: number; step: number } {
  const centre = Math.log10(anchor);
  // 1/200 decade a step: 1.2 %, finer than the 10 % E12 spacing.
  return { min: centre - 1, max: centre + 1, step: 0.005 };
}

/** A slider position as a value with three significant digits (what a part could be ordered as). */
export function sliderValue(position: number): number {
  return Number((10 ** position).toPrecision(3));
}

/**
 * A parameter's name in its words, where a long name may wrap: "semiInductanceExponent" →
 * ["semi", "Inductance", "Exponent"], "magneticStiffness2" → ["magnetic", "Stiffness2"].
 */
export function nameParts(parameter: string): string[] {
  return parameter.split(/(?<=[a-z0-9])(?=[A-Z])/);
}
