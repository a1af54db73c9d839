import type { DecimalSeparator } from "./parseNumbers.js";

/** What separates the cells of a row: a tab, a semicolon, a comma, or any run of spaces. */
export type Delimiter = "\t" | ";" | "," | " ";

/** How a file writes its rows: the delimiter between cells and the decimal separator inside them. */
export interface Dialect {
  readonly delimiter: Delimiter;
  readonly decimal: DecimalSeparator;
}

/** A cell that can only be a decimal-comma number: digits on both sides of one comma, or none. */
const STRICT_DECIMAL_COMMA = /^[+-]?\d+(?:,\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Detects delimiter and decimal separator from every data row (trimmed, comment-free), the way
 * regional settings write them:
 * - a tab or a semicolon in most rows is the delimiter; commas are then decimal commas, unless
 *   points occur too (then a comma is a stray, reported by the number parser);
 * - with only commas and spaces, "20,5 84,3" (no point anywhere, every space-separated cell a
 *   decimal-comma number, at least two per row) is space-delimited with decimal commas; otherwise
 *   the comma is the delimiter ("20,84" is 20 Hz at 84 dB, not 20.84);
 * - otherwise runs of whitespace delimit.
 * "20,5,84,3" (comma delimiter and decimal commas) cannot be read unambiguously; it reads as four
 * columns, which the column check then rejects with a hint.
 */
export function detectDialect(rows: readonly string[]): Dialect {
  const anyRowHas = (character: string) => rows.some((row) => row.includes(character));
  // A delimiter is what most rows use, so one damaged row is reported rather than misreading the rest.
  const mostRowsHave = (character: string) =>
    rows.filter((row) => row.includes(character)).length * 2 >= rows.length;
  const decimal: DecimalSeparator = anyRowHas(",") && !anyRowHas(".") ? "," : ".";
  if (mostRowsHave("\t")) return { delimiter: "\t", decimal };
  if (mostRowsHave(";")) return { delimiter: ";", decimal };
  if (mostRowsHave(",")) {
    const spaceSeparatedDecimalCommas =
      decimal === "," &&
      rows.every((row) => {
        const cells = row.split(/\s+/);
        return cells.length >= 2 && cells.every((cell) => STRICT_DECIMAL_COMMA.test(cell));
      });
    return spaceSeparatedDecimalCommas
      ? { delimiter: " ", decimal: "," }
      : { delimiter: ",", decimal: "." };
  }
  // Runs of whitespace, tabs included, delimit; commas in a space-delimited file are decimal commas.
  return { delimiter: " ", decimal };
}

const CELL_SEPARATOR: Record<Delimiter, RegExp> = {
  "\t": /[^\S\t]*\t[^\S\t]*/,
  ";": /\s*;\s*/,
  ",": /\s*,\s*/,
  " ": /\s+/,
};

/** The cells of a trimmed row; a trailing delimiter (some exporters end rows with a tab) adds none. */
export function splitCells(row: string, dialect: Dialect): string[] {
  const cells = row.split(CELL_SEPARATOR[dialect.delimiter]);
  while (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/**
 * The column names of a header row. Space-delimited headers often put units apart, as in
 * "Frequency (Hz) SPL (dB)": a parenthesised unit joins the name before it.
 */
export function splitHeader(header: string, delimiter: Delimiter): string[] {
  const names = splitCells(header, { delimiter, decimal: "." }).map(unquote);
  if (delimiter !== " ") return names;
  const joined: string[] = [];
  for (const name of names) {
    const previous = joined.length - 1;
    if (name.startsWith("(") && previous >= 0) joined[previous] = `${joined[previous]} ${name}`;
    else joined.push(name);
  }
  return joined;
}

/** Column names are sometimes quoted in CSV exports: `"frequency","raw"`. */
function unquote(name: string): string {
  return name.replace(/^"(.*)"$/, "$1").trim();
}
