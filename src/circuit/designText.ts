import { type Document, parseDocument } from "yaml";
import { type Issue, TympanError } from "../core/issues.js";

/** YAML alias expansions allowed (the yaml package's default): plenty for a design, none for an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses design text (JSON, or YAML) into a plain object, reporting syntax errors with line and
 * column. Duplicate keys are errors in both formats: a repeated parameter must not silently win.
 * Isomorphic: the web app parses pasted or uploaded designs with it too.
 */
export function parseDesignText(text: string, format: "json" | "yaml", source?: string): unknown {
  if (format === "yaml") return parseYaml(text, source);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "");
    throw syntaxError(
      `JSON syntax error${jsonErrorPosition(text, message)}: ${reason}. (YAML designs need a .yaml or .yml extension)`,
      source,
    );
  }
  // JSON is YAML's flow syntax, so the YAML parser finds repeated keys (JSON.parse keeps the last).
  const duplicate = parseDocument(text, { uniqueKeys: true }).errors.find(
    (error) => error.code === "DUPLICATE_KEY",
  );
  if (duplicate) {
    throw syntaxError(
      `JSON error${where(duplicate.linePos?.[0])}: a key appears twice in one object; keep one`,
      source,
    );
  }
  return value;
}

function parseYaml(text: string, source: string | undefined): unknown {
  const document: Document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    throw syntaxError(
      `YAML syntax error${where(error.linePos?.[0])}: ${error.message.split("\n")[0]}`,
      source,
    );
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (failure) {
    // Unresolved aliases and alias bombs surface only when the document is converted.
    const message = failure instanceof Error ? failure.message.split("\n")[0] : String(failure);
    throw syntaxError(`YAML error: ${message}`, source);
  }
}

function syntaxError(message: string, source: string | undefined): TympanError {
  const issue: Issue = { code: "syntax-error", path: [], message };
  return new TympanError([issue], source);
}

function where(position: { line: number; col: number } | undefined): string {
  return position ? ` at line ${position.line}, column ${position.col}` : "";
}

/** " at line L, column C" for a JSON syntax error: from the engine's offset, else from the YAML parser. */
function jsonErrorPosition(text: string, message: string): string {
  const offset = /position (\d+)/.exec(message);
  if (offset) {
    const before = text.slice(0, Number(offset[1]));
    const column = before.length - before.lastIndexOf("\n");
    return ` at line ${before.split("\n").length}, column ${column}`;
  }
  return where(parseDocument(text).errors[0]?.linePos?.[0]);
}
