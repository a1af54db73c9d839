// Edits of a design as plain data: set one numeric parameter, and the list of parameters that differ
// from a base design (what a share link carries instead of the whole design).
import type { Design } from "../../index.js";

/** One parameter of one element, e.g. { elementId: "Rmid", parameter: "resistance", value: 2.2 }. */
export interface ParameterEdit {
  readonly elementId: string;
  readonly parameter: string;
  readonly value: number;
}

type Element = Design["elements"][number];

/** The design with one element parameter replaced; the same design when nothing changes. */
export function setParameter(design: Design, edit: ParameterEdit): Design {
  let changed = false;
  const elements = design.elements.map((element) => {
    if (element.id !== edit.elementId) return element;
    if ((element as Record<string, unknown>)[edit.parameter] === edit.value) return element;
    changed = true;
    return { ...element, [edit.parameter]: edit.value } as Element;
  });
  return changed ? { ...design, elements } : design;
}

/**
 * The numeric parameters of `design` that differ from `base`, or undefined when the designs differ in
 * anything else (elements added, removed, reconnected, retyped; other fields): then only the whole
 * design describes it.
 */
export function parameterEdits(base: Design, design: Design): ParameterEdit[] | undefined {
  if (base.elements.length !== design.elements.length) return undefined;
  if (!sameExcept(base, design, ["elements"])) return undefined;
  const edits: ParameterEdit[] = [];
  for (let i = 0; i < base.elements.length; i++) {
    const before = base.elements[i] as unknown as Record<string, unknown>;
    const after = design.elements[i] as unknown as Record<string, unknown>;
    if (before.id !== after.id) return undefined;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (same(before[key], after[key])) continue;
      if (typeof before[key] !== "number" || typeof after[key] !== "number") return undefined;
      edits.push({ elementId: String(after.id), parameter: key, value: after[key] as number });
    }
  }
  return edits;
}

/** Applies edits in order; an edit naming an element the design lacks is reported, not dropped. */
export function applyEdits(
  design: Design,
  edits: readonly ParameterEdit[],
): { design: Design; unknown: ParameterEdit[] } {
  const unknown: ParameterEdit[] = [];
  let result = design;
  for (const edit of edits) {
    if (!design.elements.some((element) => element.id === edit.elementId)) unknown.push(edit);
    else result = setParameter(result, edit);
  }
  return { design: result, unknown };
}

function sameExcept(a: object, b: object, skip: string[]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (skip.includes(key)) continue;
    if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

/** Deep equality of JSON data (designs are JSON: no dates, maps or cycles). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The design without the element `elementId` (its nodes stay; the rest of the design is unchanged). */
export function removeElement(design: Design, elementId: string): Design {
  return { ...design, elements: design.elements.filter((element) => element.id !== elementId) };
}

/** The design with an element reconnected: its nodes replaced, in terminal order. */
export function setNodes(design: Design, elementId: string, nodes: readonly string[]): Design {
  return {
    ...design,
    elements: design.elements.map((element) =>
      element.id === elementId ? ({ ...element, nodes: [...nodes] } as Element) : element,
    ),
  };
}

/**
 * The design with a new element of `type` and no parameters yet: its id is the type and the first
 * free number ("resistor1"), each terminal on a node of its own ("resistor1.plus"), so validation
 * asks for its parameters and its connections, one field at a time.
 */
export function addElement(
  design: Design,
  type: string,
  terminals: readonly string[],
): { design: Design; elementId: string } {
  const taken = new Set(design.elements.map((element) => element.id));
  let n = 1;
  while (taken.has(`${type}${n}`)) n++;
  const elementId = `${type}${n}`;
  const element = { id: elementId, type, nodes: terminals.map((t) => `${elementId}.${t}`) };
  return { design: { ...design, elements: [...design.elements, element as Element] }, elementId };
}
