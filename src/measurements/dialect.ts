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
  // Quoted cells ("20,5") hide their commas from the delimiter count; what they hold sets the decimal.
  const outside = rows.map(outsideQuotes);
  const anyRowHas = (character: string) => rows.some((row) => row.includes(character));
  // A delimiter is what most rows use, so one damaged row is reported rather than misreading the rest.
  const mostRowsHave = (character: string) =>
    outside.filter((row) => row.includes(character)).length * 2 >= rows.length;
  const decimal: DecimalSeparator = anyRowHas(",") && !anyRowHas(".") ? "," : ".";
  if (mostRowsHave("\t")) return { delimiter: "\t", decimal };
  if (mostRowsHave(";")) return { delimiter: ";", decimal };
  if (mostRowsHave(",")) {
    const quotedDecimalCommas =
      decimal === "," && rows.some((row) => quotedCells(row).some((cell) => cell.includes(",")));
    const spaceSeparatedDecimalCommas =
      decimal === "," &&
      rows.every((row) => {
        const cells = row.split(/\s+/);
        return cells.length >= 2 && cells.every((cell) => STRICT_DECIMAL_COMMA.test(cell));
      });
    if (quotedDecimalCommas) return { delimiter: ",", decimal: "," };
    return spaceSeparatedDecimalCommas
      ? { delimiter: " ", decimal: "," }
      : { delimiter: ",", decimal: "." };
  }
  // Runs of whitespace, tabs included, delimit; commas in a space-delimited file are decimal commas.
  return { delimiter: " ", decimal };
}

/** A double-quoted cell, as spreadsheets write text and (in some locales) every number. */
const QUOTED = /"([^"]*)"/g;

/** The row with each quoted cell's contents blanked out. */
function outsideQuotes(row: string): string {
  return row.replace(QUOTED, '""');
}

/** The contents of the row's quoted cells. */
function quotedCells(row: string): string[] {
  return Array.from(row.matchAll(QUOTED), (match) => match[1] ?? "");
}

const CELL_SEPARATOR: Record<Delimiter, RegExp> = {
  "\t": /[^\S\t]*\t[^\S\t]*/,
  ";": /\s*;\s*/,
  ",": /\s*,\s*/,
  " ": /\s+/,
};

/**
 * The cells of a trimmed row, each without the double quotes around it (a delimiter inside quotes
 * belongs to the cell); a trailing delimiter (some exporters end rows with a tab) adds none. An
 * unmatched quote stays in its cell, where the number parser reports it.
 */
export function splitCells(row: string, dialect: Dialect): string[] {
  const quoted: string[] = [];
  // Quoted contents are set aside behind private-use placeholders, then put back.
  const masked = row.replace(QUOTED, (_, inner: string) => `\uE000${quoted.push(inner) - 1}\uE001`);
  const cells = masked
    .split(CELL_SEPARATOR[dialect.delimiter])
    .map((cell) =>
      cell.replace(/\uE000(\d+)\uE001/g, (_, index: string) => quoted[Number(index)]!),
    );
  while (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/**
 * The column names of a header row. Space-delimited headers often put units apart, as in
 * "Frequency (Hz) SPL (dB)": a parenthesised unit joins the name before it.
 */
export function splitHeader(header: string, delimiter: Delimiter): string[] {
  const names = splitCells(header, { delimiter, decimal: "." }).map((name) => name.trim());
  if (delimiter !== " ") return names;
  const joined: string[] = [];
  for (const name of names) {
    const previous = joined.length - 1;
    if (name.startsWith("(") && previous >= 0) joined[previous] = `${joined[previous]} ${name}`;
    else joined.push(name);
  }
  return joined;
}
