// The messages of design validation: one issue per problem, naming the element and the fix.
import type { z } from "zod";
import type { Issue, IssueCode } from "../core/issues.js";
import { didYouMean } from "../core/suggest.js";
import type { ParameterDoc } from "../network/elementModel.js";

/** A zod schema problem of one element, said the way a user fixes it (with "did you mean"). */
export function describeSchemaIssue(
  zodIssue: z.core.$ZodIssue,
  entry: Record<string, unknown>,
  elementPath: (string | number)[],
  label: string,
  type: string,
  parameters: Readonly<Record<string, ParameterDoc>>,
): Issue {
  const parameterNames = Object.keys(parameters);
  const path = [
    ...elementPath,
    ...zodIssue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
  ];
  const id = typeof entry.id === "string" ? entry.id : undefined;
  if (zodIssue.code === "unrecognized_keys") {
    const keys = zodIssue.keys;
    const hints = keys.map(
      (key) =>
        `"${key}"${didYouMean(key, parameterNames).replace(" Did you mean", " (did you mean").replace(/\?$/, "?)")}`,
    );
    const takes =
      parameterNames.length > 0
        ? `${type} takes ${parameterNames.map((name) => `"${name}"`).join(", ")}`
        : `${type} takes no parameters`;
    return issue(
      "unknown-parameter",
      [...path, keys[0] ?? ""],
      `${label} (${type}): unknown parameter ${hints.join(", ")}. ${takes} besides id, type and nodes`,
      id,
    );
  }
  const field = zodIssue.path.length > 0 ? String(zodIssue.path[0]) : "";
  if (field !== "" && zodIssue.path.length === 1 && !(field in entry)) {
    const unit = parameters[field]?.unit;
    const what =
      field === "nodes"
        ? `"nodes" (${zodIssue.message.replace(/^must (be a list of|list exactly) /, "")})`
        : `parameter "${field}"${unit ? ` in ${unit}` : ""}`;
    return issue("missing-parameter", path, `${label} (${type}): missing ${what}; add it`, id);
  }
  if (field === "nodes" && zodIssue.path.length === 2 && Array.isArray(entry.nodes)) {
    const position = Number(zodIssue.path[1]);
    const node: unknown = entry.nodes[position];
    const message =
      typeof node === "number"
        ? `nodes[${position}] is the number ${node}, but a node name is text or a whole number: write "${node}" in quotes`
        : `nodes[${position}]: ${zodIssue.message} (got ${valueText(node)})`;
    return issue("invalid-node", path, `${label} (${type}): ${message}`, id);
  }
  const given = field in entry ? valueText(entry[field as keyof typeof entry]) : undefined;
  const what = field === "" ? "" : `${field} `;
  const got = given === undefined ? (field === "" ? "" : " (missing)") : ` (got ${given})`;
  return issue(
    "invalid-parameter",
    path,
    `${label} (${type}): ${what}${zodIssue.message}${got}`,
    id,
  );
}

/** A short rendering of a user's value for a message; never throws (cycles, BigInt, symbols). */
export function valueText(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value); // not "null"
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined)
    text = typeof value === "object" && value !== null ? "an object" : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** An error of the design, naming the element when it has an id. */
export function issue(
  code: IssueCode,
  path: (string | number)[],
  message: string,
  elementId?: unknown,
): Issue {
  return typeof elementId === "string"
    ? { severity: "error", code, path, message, elementIds: [elementId] }
    : { severity: "error", code, path, message };
}
