import type { Issue } from "../core/issues.js";
import { isFrequencyName } from "./columnNames.js";
import { startsWithNumber } from "./parseNumbers.js";

/** A trimmed line and where it was (1-based line number). */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** A measurement file split into its parts, before any cell is read. */
export interface ScannedLines {
  /** The column names REW writes as a comment, e.g. "* Freq(Hz) SPL(dB) Phase(degrees)". */
  readonly headerComment: readonly string[] | undefined;
  /** The one line of text (not a comment) before the data, e.g. "frequency,raw". */
  readonly header: NumberedLine | undefined;
  readonly rows: readonly NumberedLine[];
  /** Stray text: a second header before the data, or text in the middle of the data. */
  readonly issues: readonly Issue[];
}

/** Comment markers of REW (`*`), FRD/ZMA tools (`'`, `;`, `*`) and scripts (`#`, `//`). */
const COMMENT = /^(?:[*';#]|\/\/)/;

/**
 * Sorts lines into comments, one optional header, and data rows. Blank lines and comments are
 * skipped wherever they are; any other text after the first data row is an error, never skipped,
 * so a damaged file cannot be read in part without anyone noticing.
 */
export function scanLines(text: string): ScannedLines {
  let headerComment: string[] | undefined;
  let header: NumberedLine | undefined;
  const rows: NumberedLine[] = [];
  const issues: Issue[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "") return;
    if (COMMENT.test(trimmed)) {
      const names = commentColumnNames(trimmed);
      if (names && rows.length === 0) headerComment = names;
      return;
    }
    if (startsWithNumber(trimmed)) {
      rows.push({ line, text: trimmed });
      return;
    }
    const first = rows[0];
    if (first !== undefined) {
      issues.push({
        severity: "error",
        code: "unexpected-text",
        path: ["line", line],
        message: `line ${line}: ${quote(trimmed)} is not a row of numbers, but the data started at line ${first.line}; delete the line, or start it with * to make it a comment`,
      });
    } else if (header !== undefined) {
      issues.push({
        severity: "error",
        code: "unexpected-text",
        path: ["line", line],
        message: `line ${line}: ${quote(trimmed)} is a second line of text before the data (line ${header.line} was taken as the header row); a file has at most one header row: delete the extra line or start it with * to make it a comment`,
      });
    } else {
      header = { line, text: trimmed };
    }
  });
  return { headerComment, header, rows, issues };
}

/**
 * The column names in a comment such as "* Freq(Hz) SPL(dB) Phase(degrees)": two or more names, the
 * first a frequency, each starting with a letter and none with a colon (so "* Frequency Step: 1/48
 * octave" is not one).
 */
function commentColumnNames(comment: string): string[] | undefined {
  const body = comment.replace(/^(?:[*';#]|\/\/)+/, "").trim();
  const names: string[] = [];
  for (const token of body.split(/[\s,;]+/)) {
    const previous = names.length - 1;
    if (token.startsWith("(") && previous >= 0) names[previous] = `${names[previous]} ${token}`;
    else names.push(token);
  }
  const first = names[0];
  if (names.length < 2 || first === undefined || !isFrequencyName(first)) return undefined;
  return names.every((name) => /^[\p{L}|°][^:=]*$/u.test(name)) ? names : undefined;
}

/** A line quoted for a message, shortened when long. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(short);
}
