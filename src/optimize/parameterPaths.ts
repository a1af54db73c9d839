import { type Issue, type IssueCode, TympanError } from "../core/issues.js";
import { type Design, validateDesign } from "../design/design.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";
import { type ParameterKind, defaultBounds, parameterKind } from "./parameterKinds.js";

/** One parameter of one element of a design, written `<id>.<parameter>` (e.g. `Rmid.resistance`). */
export interface ParameterPath {
  readonly elementId: string;
  readonly parameter: string;
}

/** A parameter to tune, as asked for: its path and, optionally, its search bounds. */
export interface FreeParameterRequest extends ParameterPath {
  /** [min, max] in the parameter's unit (SI, as in the design file); default from its kind. */
  readonly bounds?: readonly [number, number];
}

/** A parameter to tune, checked against the design: where it starts and where it may go. */
export interface FreeParameter extends ParameterPath {
  readonly kind: ParameterKind;
  readonly unit: string;
  /** The design's value. */
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** An error whose path is `flag` (the command-line option or field the text came from). */
export function pathError(flag: string, message: string, code: IssueCode = "usage"): TympanError {
  const issue: Issue = { severity: "error", code, path: [flag], message };
  return new TympanError([issue]);
}

/** Splits `<id>.<parameter>` at its last dot (ids may contain dots; parameter names never do). */
export function parseParameterPath(text: string, flag: string): ParameterPath {
  const dot = text.lastIndexOf(".");
  if (dot <= 0 || dot === text.length - 1) {
    throw pathError(flag, `${text}: write <element id>.<parameter>, e.g. Rmid.resistance`);
  }
  return { elementId: text.slice(0, dot), parameter: text.slice(dot + 1) };
}

/**
 * Reads `<id>.<parameter>[=min:max]` (bounds in SI, as in the design file, e.g.
 * `Cmid.capacitance=1e-7:1e-6`). Throws a TympanError naming `flag` when the text is malformed.
 */
export function parseFreeParameter(text: string, flag = "--free"): FreeParameterRequest {
  const equals = text.indexOf("=");
  const path = parseParameterPath(equals < 0 ? text : text.slice(0, equals), flag);
  if (equals < 0) return path;
  const range = text.slice(equals + 1).split(":");
  const numbers = range.map((part) => (part.trim() === "" ? NaN : Number(part)));
  if (numbers.length !== 2 || !numbers.every(Number.isFinite)) {
    throw pathError(
      flag,
      `${text}: give the bounds as =min:max, e.g. ${path.elementId}.${path.parameter}=1e-7:1e-6`,
    );
  }
  const [min, max] = numbers as [number, number];
  if (!(min > 0) || !(max > min)) {
    throw pathError(
      flag,
      `${text}: the bounds must satisfy 0 < min < max (values are searched on a log scale)`,
      "invalid-range",
    );
  }
  return { ...path, bounds: [min, max] };
}

/** The element `elementId` of `design`, or an error naming `flag` and listing the ids there are. */
export function findElement(design: Design, elementId: string, flag: string): ElementDefinition {
  const element = design.elements.find((candidate) => candidate.id === elementId);
  if (element === undefined) {
    const ids = design.elements.map((candidate) => candidate.id).join(", ");
    throw pathError(
      flag,
      `${elementId}: the design has no element "${elementId}" (it has ${ids})`,
      "unknown-element",
    );
  }
  return element;
}

/**
 * Checks each request against `design`: the element exists, the parameter is one of its numbers
 * and positive (the search is on a log scale), the bounds contain it. Bounds default from the
 * parameter's kind (defaultBounds). Throws a TympanError naming `flag` and the element otherwise.
 */
export function resolveFreeParameters(
  design: Design,
  requests: readonly FreeParameterRequest[],
  flag = "--free",
): FreeParameter[] {
  const seen = new Set<string>();
  return requests.map((request) => {
    const { elementId, parameter } = request;
    const key = `${elementId}.${parameter}`;
    if (seen.has(key)) throw pathError(flag, `${key} is given twice; give each parameter once`);
    seen.add(key);
    const element = findElement(design, elementId, flag);
    const model = modelOf(element.type);
    const doc = Object.hasOwn(model.parameters, parameter)
      ? model.parameters[parameter]
      : undefined;
    if (doc === undefined) {
      const names = Object.keys(model.parameters).join(", ");
      throw pathError(
        flag,
        `${key}: a ${element.type} has no parameter "${parameter}" (it has ${names})`,
        "unknown-parameter",
      );
    }
    const value = (element as unknown as Record<string, unknown>)[parameter];
    if (typeof value !== "number" || !(value > 0)) {
      throw pathError(
        flag,
        `${key} is ${value === undefined ? "not set" : JSON.stringify(value)} in the design; only parameters set to a number > 0 can be tuned (set a starting value in the design)`,
        "invalid-parameter",
      );
    }
    const kind = parameterKind(element.type, parameter);
    const [lower, upper] = request.bounds ?? defaultBounds(kind, value);
    if (value < lower || value > upper) {
      throw pathError(
        flag,
        `${key}=${lower}:${upper} does not contain the design's value ${value}; widen the bounds`,
        "invalid-range",
      );
    }
    return { elementId, parameter, kind, unit: doc.unit, value, lower, upper };
  });
}

/** `raw` as a valid design, or a TympanError with every issue validateDesign finds. */
export function validDesign(raw: unknown): Design {
  const validated = validateDesign(raw);
  if (!validated.ok) throw new TympanError(validated.issues);
  return validated.value;
}
