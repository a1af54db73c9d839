import type { ElementType } from "../../elements/registry.js";
import type { Sourced } from "./provenance.js";

/** What a part is, for listings and for choosing parts by role. */
export type PartClass =
  "dynamic driver" | "balanced armature" | "planar driver" | "electrostatic tweeter";

/**
 * A named part of the catalogue: the element type it becomes and each of that element's numeric
 * parameters with its provenance. Non-numeric settings (a diaphragm material name) go in `settings`.
 */
export interface Part {
  readonly id: string;
  readonly name: string;
  readonly partClass: PartClass;
  /** The role it plays in a design: woofer, full-range, mid, tweeter, super-tweeter. */
  readonly role: string;
  readonly description: string;
  readonly elementType: ElementType;
  readonly parameters: Readonly<Record<string, Sourced>>;
  readonly settings?: Readonly<Record<string, string>>;
}

/** The element parameters of a part as plain data, ready to spread into an element definition. */
export function partParameters(part: Part): Record<string, number | string> {
  const values: Record<string, number | string> = { ...part.settings };
  for (const [name, sourced] of Object.entries(part.parameters)) values[name] = sourced.value;
  return values;
}
