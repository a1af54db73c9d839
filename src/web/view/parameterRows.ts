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
