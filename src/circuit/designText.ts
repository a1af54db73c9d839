import { parseDocument } from "yaml";
import { TympanError } from "../core/issues.js";

/**
 * Parses design text (JSON, or YAML) into a plain object, reporting syntax errors with line and column.
 * Isomorphic: the web app parses pasted or uploaded designs with it too.
 */
export function parseDesignText(text: string, format: "json" | "yaml", source?: string): unknown {
  if (format === "yaml") {
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    const error = document.errors[0];
    if (error) {
      const position = error.linePos?.[0];
      const where = position ? `line ${position.line}, column ${position.col}` : "somewhere";
      throw new TympanError(
        [
          {
            code: "syntax-error",
            path: [],
            message: `YAML syntax error at ${where}: ${error.message.split("\n")[0]}`,
          },
        ],
        source,
      );
    }
    return document.toJS();
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = jsonErrorPosition(text, message);
    throw new TympanError(
      [
        {
          code: "syntax-error",
          path: [],
          message: `JSON syntax error${where}: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/, (\.\.\.)?".*" is not valid JSON$/s, "")}. (YAML designs need a .yaml or .yml extension)`,
        },
      ],
      source,
    );
  }
}

/** "at line L, column C" for a JSON syntax error: from the engine's offset, else from the YAML parser. */
function jsonErrorPosition(text: string, message: string): string {
  const offset = /position (\d+)/.exec(message);
  if (offset) {
    const before = text.slice(0, Number(offset[1]));
    const column = before.length - before.lastIndexOf("\n");
    return ` at line ${before.split("\n").length}, column ${column}`;
  }
  // JSON is YAML's flow syntax: the YAML parser locates most JSON mistakes precisely.
  const position = parseDocument(text).errors[0]?.linePos?.[0];
  return position ? ` at line ${position.line}, column ${position.col}` : "";
}
