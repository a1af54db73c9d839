import { z } from "zod";

/**
 * Schema building blocks for element definitions. Messages are written for people: they say what the
 * value must be; the design validator adds which element and which path.
 */

export const elementId = z
  .string({ error: "needs an id: a non-empty string unique in the design" })
  .min(1, { error: "needs an id: a non-empty string unique in the design" })
  .refine((id) => !id.includes("/") && !id.startsWith("#"), {
    error:
      'ids may not contain "/" or start with "#": those name the parts inside drivers and ear simulators',
  });

export const nodeName = z
  .string({ error: 'node names are strings, e.g. "in", "nozzle", or "0" for ground' })
  .min(1, { error: 'node names are non-empty strings ("0" is ground)' })
  .refine((name) => !name.startsWith("#"), {
    error: 'node names starting with "#" are reserved for nodes inside drivers and ear simulators',
  });

/** A strictly positive finite number. */
export function positive(unit: string) {
  return z
    .number({ error: `must be a number in ${unit}` })
    .positive({ error: `must be greater than 0 ${unit}` });
}

/** A finite number ≥ 0. */
export function nonNegative(unit: string) {
  return z
    .number({ error: `must be a number in ${unit}` })
    .min(0, { error: `must be ≥ 0 ${unit}` });
}

/** Any finite number (source amplitudes may be negative: a polarity flip). */
export function finite(unit: string) {
  return z.number({ error: `must be a finite number in ${unit}` });
}

export function positiveInteger() {
  return z
    .number({ error: "must be a whole number ≥ 1" })
    .int({ error: "must be a whole number ≥ 1" })
    .min(1, { error: "must be a whole number ≥ 1" });
}

/** The `nodes` array of an element with these terminal names. */
export function nodeList(terminals: readonly string[]) {
  const expected = `${terminals.length} nodes [${terminals.join(", ")}]`;
  return z
    .array(nodeName, { error: `must be a list of ${expected}` })
    .length(terminals.length, { error: `must list exactly ${expected}` });
}

/** Schema of a whole element definition: id, type, nodes and the element's own parameters. */
export function elementSchema<T extends string, S extends z.ZodRawShape>(
  type: T,
  terminals: readonly string[],
  parameters: S,
) {
  return z.strictObject({
    id: elementId,
    type: z.literal(type),
    nodes: nodeList(terminals),
    ...parameters,
  });
}
