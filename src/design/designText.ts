import { type Document, parseDocument } from "yaml";
import { type Issue, TympanError } from "../core/issues.js";
import { scanJson } from "./jsonScan.js";

/** YAML alias expansions allowed (the yaml package's default): plenty for a design, none for an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses design text (JSON, or YAML) into a plain object, reporting syntax errors with line and
 * column. Duplicate keys are errors in both formats: a repeated parameter must not silently win.
 * Isomorphic: the web app parses pasted or uploaded designs with it too.
 */
export function parseDesignText(text: string, format: "json" | "yaml", source?: string): unknown {
  if (text.includes("\u0000")) {
    throw syntaxError(
      "the file is not UTF-8 text (it looks like UTF-16); save it as UTF-8 and try again",
      source,
    );
  }
  // A byte-order mark (Windows editors write one) is not part of the content.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (format === "yaml") return parseYaml(text, source);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, (\.\.\.)?".*is not valid JSON$/s, "");
    throw syntaxError(
      `JSON syntax error${jsonErrorPosition(text, message)}: ${reason}. (YAML designs need a .yaml or .yml extension)`,
      source,
    );
  }
  const duplicate = scanJson(text).duplicateKey;
  if (duplicate) {
    throw syntaxError(
      `JSON error${where(duplicate.at)}: the key "${duplicate.key}" appears twice in one object; keep one`,
      source,
    );
  }
  return value;
}

function parseYaml(text: string, source: string | undefined): unknown {
  // logLevel "error": the yaml package would print its warnings (a list used as a key) to the
  // console from the library; validation reports such a key as unknown, in Tympan's own words.
  const document: Document = parseDocument(text, {
    prettyErrors: true,
    uniqueKeys: true,
    logLevel: "error",
  });
  const error = document.errors[0];
  if (error) {
    const reason =
      error.code === "MULTIPLE_DOCS"
        ? "a design file holds one YAML document; remove the extra '---' and what follows, or split the file"
        : error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const position = error.linePos?.[0] ?? positionOf(text, error.pos[0]);
    throw syntaxError(`YAML syntax error${where(position)}: ${reason}`, source);
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
  const issue: Issue = { severity: "error", code: "syntax-error", path: [], message };
  return new TympanError([issue], source);
}

/** Line and column (1-based) of a character offset. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, col: before.length - before.lastIndexOf("\n") };
}

function where(position: { line: number; col: number } | undefined): string {
  return position ? ` at line ${position.line}, column ${position.col}` : "";
}

/**
 * " at line L, column C" for a JSON syntax error: from the engine's offset, else a trailing comma
 * found by the scanner, else from the YAML parser (JSON is YAML's flow syntax).
 */
function jsonErrorPosition(text: string, message: string): string {
  const offset = /position (\d+)/.exec(message);
  if (offset) return where(positionOf(text, Number(offset[1])));
  const trailingComma = scanJson(text).trailingComma;
  if (trailingComma)
    return `${where(trailingComma)} (the comma before this closing bracket: remove it)`;
  return where(parseDocument(text).errors[0]?.linePos?.[0]);
}
