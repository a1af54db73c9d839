import type { Curve } from "../core/curve.js";
import {
  type Issue,
  type IssueCode,
  type Result,
  TympanError,
  isNonEmpty,
} from "../core/issues.js";
import {
  type ColumnChoice,
  chooseColumns,
  kindFromName,
  unreadValueColumns,
} from "./chooseColumns.js";
import { kindFromSource, nameFromSource } from "./columnNames.js";
import { type Dialect, detectDialect, splitCells, splitHeader } from "./dialect.js";
import { parseNumber } from "./parseNumbers.js";
import { implausibleValue } from "./plausibleValues.js";
import { type NumberedLine, quote, scanLines } from "./scanLines.js";

export interface ParseMeasurementOptions {
  /** The file name, for messages; its extension hints the kind (.zma impedance, .frd response). */
  readonly source?: string;
  /** What the values are; by default from the header (SPL, dB, Z, Ohm, Ω), the extension, else a response. */
  readonly kind?: "response" | "impedance";
  /** The value column to read by header name, e.g. "target" in an AutoEq result; default "raw" or the first level column. */
  readonly column?: string;
  /** The curve's name; default the source's file name without folder and extension. */
  readonly name?: string;
  /**
   * The channel of a stereo file ("Frequency,Left,Right"), when no column is given; default the
   * left, with a note saying so. Averaging both is analysis's parseMeasurementChannel.
   */
  readonly channel?: "left" | "right";
  /** A column read instead of "raw" when the file has it and no column is given: "target" for a target. */
  readonly preferColumn?: string;
}

/** At most this many problems are listed: a wrong file must not produce a message per line. */
const MAX_ISSUES = 20;

/** One row read from the file. */
interface Row {
  readonly line: number;
  readonly frequencyHz: number;
  readonly value: number;
  readonly phaseDeg: number | undefined;
}

/**
 * Reads a measured curve from the text of any common measurement file: REW text exports (FR or
 * impedance), FRD/ZMA, CrinGraph/squig.link text (AudioTools or two-column), AutoEq CSVs (measurements
 * and results) and plain CSV/TSV, with any of space, tab, comma or semicolon as delimiter and decimal
 * points or commas. Rows are sorted by frequency. Throws one TympanError listing every problem, each
 * with the line it is on.
 */
export function parseMeasurement(text: string, options: ParseMeasurementOptions = {}): Curve {
  const result = tryParseMeasurement(text, options);
  if (!result.ok) throw new TympanError(result.issues, options.source);
  return result.value;
}

/** parseMeasurement as a result: never throws, whatever the text. */
export function tryParseMeasurement(
  text: string,
  options: ParseMeasurementOptions = {},
): Result<Curve> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const curve = read(text, options, issues, warnings);
  if (isNonEmpty(issues)) return { ok: false, issues: capped(byLine(issues)) };
  if (curve === undefined) {
    return { ok: false, issues: [fileIssue("no-data", "the file holds no curve")] };
  }
  return { ok: true, value: curve, warnings };
}

function read(
  text: string,
  options: ParseMeasurementOptions,
  issues: Issue[],
  warnings: Issue[],
): Curve | undefined {
  if (text.includes("\u0000")) {
    issues.push(
      fileIssue(
        "not-text",
        "the file is not UTF-8 text (it looks like UTF-16 or a binary file); export or save it as UTF-8 text and try again",
      ),
    );
    return undefined;
  }
  // A byte-order mark (Windows editors write one) is not part of the content.
  const scanned = scanLines(text.startsWith("\uFEFF") ? text.slice(1) : text);
  issues.push(...scanned.issues);
  const first = scanned.rows[0];
  if (first === undefined) {
    issues.push(
      fileIssue(
        "no-data",
        'the file has no rows of numbers; a measurement has one row per frequency, "frequency value [phase]", e.g. "20 84.3" or "20,84.3"',
      ),
    );
    return undefined;
  }
  if (scanned.rows.length < 2) {
    issues.push(
      lineIssue(
        "too-few-rows",
        first.line,
        `line ${first.line} is the only row of numbers; a curve needs at least two frequencies`,
      ),
    );
  }
  const dialect = detectDialect(scanned.rows.map((row) => row.text));
  const firstCells = splitCells(first.text, dialect);
  const names = scanned.header
    ? splitHeader(scanned.header.text, dialect.delimiter)
    : scanned.headerComment;
  const choice = chooseColumns(names, options.column, firstCells.length, first.line, {
    ...(options.channel === undefined ? {} : { channel: options.channel }),
    ...(options.preferColumn === undefined ? {} : { preferColumn: options.preferColumn }),
  });
  if ("code" in choice) {
    issues.push(choice);
    return undefined;
  }
  warnings.push(...unreadColumnNotes(names, choice, options, firstCells.length, first.line));
  if (
    choice.channel !== undefined &&
    options.column === undefined &&
    options.channel === undefined
  ) {
    warnings.push({
      severity: "note",
      code: "channel-chosen",
      path: [],
      message: `read the ${choice.channel} channel (column "${choice.valueName ?? ""}"); the file also has the ${choice.channel === "left" ? "right" : "left"} channel (column "${choice.otherChannelName ?? ""}"), not read (choose with the channel option, --channel left|right|average in the CLI)`,
    });
  }
  const detected = kindFromName(choice.valueName) ?? kindFromSource(options.source);
  const kind = options.kind ?? detected ?? "response";
  if (options.kind !== undefined && detected !== undefined && detected !== options.kind) {
    warnings.push(
      fileIssue(
        "kind-overridden",
        `the file looks like ${detected === "impedance" ? "an impedance" : "a response"} (${choice.valueName === undefined ? "its extension" : `column "${choice.valueName}"`}) but was read as ${options.kind === "impedance" ? "an impedance" : "a response"}, as asked`,
      ),
    );
  }
  const rows = readRows(scanned.rows, dialect, choice, kind, names !== undefined, issues);
  const sorted = sortRows(rows, issues, warnings);
  if (issues.length > 0) return undefined;
  const name = options.name ?? nameFromSource(options.source);
  return {
    kind,
    frequencyHz: sorted.map((row) => row.frequencyHz),
    values: sorted.map((row) => row.value),
    ...(choice.phase === undefined ? {} : { phaseDeg: sorted.map((row) => row.phaseDeg ?? 0) }),
    ...(name === undefined ? {} : { name }),
  };
}

function readRows(
  lines: readonly NumberedLine[],
  dialect: Dialect,
  choice: ColumnChoice,
  kind: "response" | "impedance",
  named: boolean,
  issues: Issue[],
): Row[] {
  const rows: Row[] = [];
  const needed = Math.max(choice.frequency, choice.value, choice.phase ?? 0) + 1;
  let expectedCells: { count: number; line: number } | undefined;
  const valueLabel =
    choice.valueName !== undefined
      ? `"${choice.valueName}" value`
      : kind === "impedance"
        ? "impedance (Ω)"
        : "level (dB)";
  for (const { line, text } of lines) {
    const cells = splitCells(text, dialect);
    expectedCells ??= { count: cells.length, line };
    // Without a header the columns are positional, so a row with a different count is misread.
    if (!named && cells.length !== expectedCells.count) {
      issues.push(
        lineIssue(
          "cell-count",
          line,
          `line ${line} has ${cells.length} values but line ${expectedCells.line} has ${expectedCells.count}; every row needs the same columns (frequency, value${expectedCells.count > 2 ? ", phase" : ""})`,
        ),
      );
      continue;
    }
    if (cells.length < needed) {
      issues.push(
        lineIssue(
          "missing-cell",
          line,
          `line ${line} has ${cells.length} value${cells.length === 1 ? "" : "s"} but needs ${needed} (${columnPlan(choice, valueLabel)}); complete the row or delete it`,
        ),
      );
      continue;
    }
    const number = (index: number, label: string): number | undefined => {
      const cell = cells[index] ?? "";
      const parsed = parseNumber(cell, dialect.decimal);
      if (parsed === undefined) {
        issues.push(lineIssue("not-a-number", line, notANumber(line, label, cell, dialect)));
      }
      return parsed;
    };
    const frequencyHz = number(choice.frequency, "frequency");
    const value = number(choice.value, valueLabel);
    const phaseDeg = choice.phase === undefined ? undefined : number(choice.phase, "phase");
    if (frequencyHz === undefined || value === undefined) continue;
    if (choice.phase !== undefined && phaseDeg === undefined) continue;
    if (frequencyHz <= 0) {
      issues.push(
        lineIssue(
          "invalid-frequency",
          line,
          `line ${line}: the frequency ${frequencyHz} Hz is not above 0 Hz; delete the row (a log-frequency curve starts above 0 Hz)`,
        ),
      );
      continue;
    }
    if (kind === "impedance" && value < 0) {
      issues.push(
        lineIssue(
          "invalid-impedance",
          line,
          `line ${line}: the impedance ${value} Ω is negative; an impedance magnitude is at least 0 Ω (if the column is a level in dB, read the file with kind "response")`,
        ),
      );
      continue;
    }
    const implausible = implausibleValue(frequencyHz, value, kind);
    if (implausible !== undefined) {
      issues.push(lineIssue("implausible-value", line, `line ${line}: ${implausible}`));
      continue;
    }
    rows.push({ line, frequencyHz, value, phaseDeg });
  }
  return rows;
}

/**
 * What a read leaves out without being told to: named value columns besides the one read (when no
 * column was asked for), and cells beyond the columns the header names.
 */
function unreadColumnNotes(
  names: readonly string[] | undefined,
  choice: ColumnChoice,
  options: ParseMeasurementOptions,
  cellCount: number,
  firstLine: number,
): Issue[] {
  if (names === undefined) return [];
  const notes: Issue[] = [];
  const others = unreadValueColumns(names, choice);
  const listed = others.slice(0, 4).map((name) => `"${name}"`);
  const more = others.length > 4 ? ` and ${others.length - 4} more` : "";
  const preferred =
    options.column === undefined &&
    options.preferColumn !== undefined &&
    choice.valueName?.trim().toLowerCase() === options.preferColumn.toLowerCase();
  if (preferred) {
    notes.push({
      severity: "note",
      code: "preferred-column",
      path: [],
      message: `read the column "${choice.valueName ?? ""}", which is read in preference to "raw" when a file has it${others.length > 0 ? `; the file also has ${listed.join(", ")}${more}, not read` : ""}`,
    });
  } else if (options.column === undefined && others.length > 0) {
    notes.push({
      ...fileIssue(
        "unread-columns",
        `read the column "${choice.valueName ?? ""}"; the file also has ${listed.join(", ")}${more}, not read (choose one with the column option, --column in the CLI)`,
      ),
      severity: "note",
    });
  }
  const unnamed = cellCount - names.length;
  const unreadUnnamed = Array.from({ length: Math.max(unnamed, 0) }, (_, k) => names.length + k)
    .filter((index) => index !== choice.value && index !== choice.phase)
    .map((index) => index + 1);
  if (unreadUnnamed.length > 0) {
    notes.push({
      ...lineIssue(
        "unnamed-columns",
        firstLine,
        `line ${firstLine} has ${cellCount} values but the header names ${names.length} columns; column${unreadUnnamed.length === 1 ? "" : "s"} ${unreadUnnamed.join(", ")} ${unreadUnnamed.length === 1 ? "was" : "were"} not read (name ${unreadUnnamed.length === 1 ? "it" : "them"} in the header to read one)`,
      ),
      severity: "note",
    });
  }
  return notes;
}

/** "frequency in column 1, level (dB) in column 2, phase in column 3". */
function columnPlan(choice: ColumnChoice, valueLabel: string): string {
  const parts = [
    `frequency in column ${choice.frequency + 1}`,
    `${valueLabel} in column ${choice.value + 1}`,
  ];
  if (choice.phase !== undefined) parts.push(`phase in column ${choice.phase + 1}`);
  return parts.join(", ");
}

function notANumber(line: number, label: string, cell: string, dialect: Dialect): string {
  if (cell === "") return `line ${line}: the ${label} is empty; fill it in or delete the row`;
  const hint =
    dialect.decimal === "." && /^[+-]?\d*,\d+$/.test(cell)
      ? "; the file mixes decimal points and decimal commas: write it with a point"
      : dialect.decimal === "," && /^[+-]?\d*\.\d+$/.test(cell)
        ? "; the file mixes decimal commas and decimal points: write it with a comma"
        : `; write a plain decimal number, e.g. ${dialect.decimal === "," ? "84,3" : "84.3"}`;
  return `line ${line}: the ${label} ${quote(cell)} is not a number${hint}`;
}

/** Rows in frequency order; a repeated frequency is an error naming both lines. */
function sortRows(rows: readonly Row[], issues: Issue[], warnings: Issue[]): Row[] {
  const outOfOrder = rows.findIndex(
    (row, index) => index > 0 && row.frequencyHz < rows[index - 1]!.frequencyHz,
  );
  if (outOfOrder > 0) {
    const row = rows[outOfOrder]!;
    warnings.push({
      ...lineIssue(
        "unsorted-rows",
        row.line,
        `line ${row.line}: the frequencies go down (${rows[outOfOrder - 1]!.frequencyHz} Hz to ${row.frequencyHz} Hz); the rows were sorted by frequency`,
      ),
      severity: "note",
    });
  }
  const sorted = [...rows].sort((a, b) => a.frequencyHz - b.frequencyHz || a.line - b.line);
  // Positions in `sorted` of rows repeating the row before; only the first lines get an issue each
  // (a file of a million repeated rows must not build a million messages), the rest one together.
  const repeats: number[] = [];
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.frequencyHz === sorted[index - 1]!.frequencyHz) repeats.push(index);
  }
  repeats.sort((a, b) => sorted[a]!.line - sorted[b]!.line);
  for (const index of repeats.slice(0, MAX_ISSUES - 1)) {
    const row = sorted[index]!;
    issues.push(
      lineIssue(
        "duplicate-frequency",
        row.line,
        `line ${row.line} repeats the frequency ${row.frequencyHz} Hz of line ${sorted[index - 1]!.line}; keep one of the two rows`,
      ),
    );
  }
  if (repeats.length >= MAX_ISSUES) {
    const first = sorted[repeats[MAX_ISSUES - 1]!]!.line;
    const more = repeats.length - (MAX_ISSUES - 1);
    issues.push(
      lineIssue(
        "duplicate-frequency",
        first,
        `line ${first} and ${more - 1} later line${more === 2 ? "" : "s"} repeat frequencies of earlier lines; keep one row per frequency`,
      ),
    );
  }
  return sorted;
}

/** Issues in file order: whole-file issues first, then by line (stable). */
function byLine(issues: readonly [Issue, ...Issue[]]): [Issue, ...Issue[]] {
  const lineOf = (issue: Issue) => (typeof issue.path[1] === "number" ? issue.path[1] : 0);
  const [first, ...rest] = [...issues].sort((a, b) => lineOf(a) - lineOf(b));
  return [first!, ...rest];
}

function capped(issues: readonly [Issue, ...Issue[]]): [Issue, ...Issue[]] {
  const [first, ...rest] = issues;
  if (issues.length <= MAX_ISSUES) return [first, ...rest];
  const more = issues.length - MAX_ISSUES;
  return [
    first,
    ...rest.slice(0, MAX_ISSUES - 1),
    fileIssue("more-issues", `... and ${more} more problem${more === 1 ? "" : "s"} like these`),
  ];
}

function lineIssue(code: IssueCode, line: number, message: string): Issue {
  return { severity: "error", code, path: ["line", line], message };
}

function fileIssue(code: IssueCode, message: string): Issue {
  return { severity: "error", code, path: [], message };
}
