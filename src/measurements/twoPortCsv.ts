import { type Issue, TympanError, isNonEmpty } from "../core/issues.js";
import type { ComplexSeries } from "../core/complexValue.js";
import { type TwoPortTable, theveninSource } from "../elements/drivers/huntTwoPort.js";

/*
 * The identified two-port of a receiver as a CSV file (docs/physics.md §6): what `tympan identify` writes
 * and a measuredReceiver element reads. `#` lines are comments; the header names the columns; numbers
 * are written in JavaScript's shortest round-trip form, so a table reads back bit for bit.
 */

/** The columns the reader needs, in the order the writer puts them. */
export const TWO_PORT_COLUMNS = [
  "frequency_hz",
  "ze_re",
  "ze_im",
  "t_re",
  "t_im",
  "za_re",
  "za_im",
] as const;

/** Derived columns for people (Thevenin source for voltage drive); the reader ignores them. */
export const THEVENIN_COLUMNS = ["p_s_re", "p_s_im", "zs_re", "zs_im"] as const;

const HEADER_COMMENT = [
  "# Tympan measured-receiver two-port (Hunt), identified from electrical input impedance at three known acoustic loads.",
  "# Model: V = Ze*I + T*U, p = T*I - Za*U (I into plus, U leaving the acoustic port); Zin = Ze + T^2/(Za + Z_load).",
  "# Units: frequency_hz Hz; ze ohm; t Pa/A; za Pa*s/m^3. T's sign is the polarity (from a pressure measurement, else Re T >= 0 at the lowest frequency).",
  "# Thevenin source for voltage drive (derived, ignored on reading): p_s = T/Ze open-port pressure in Pa/V, zs = Za + T^2/Ze in Pa*s/m^3.",
  '# In a design: { "id": "rx", "type": "measuredReceiver", "nodes": ["plus", "minus", "out"], "file": "<this file>" }',
];

const MAX_ISSUES = 20;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The two-port as CSV text, with the explanatory header comment and the Thevenin columns. */
export function formatTwoPortCsv(
  table: TwoPortTable,
  options: { readonly comments?: readonly string[] } = {},
): string {
  const thevenin = theveninSource(table);
  const columns: readonly ComplexSeries[] = [
    table.ze,
    table.transduction,
    table.za,
    thevenin.pressurePerVolt,
    thevenin.sourceImpedance,
  ];
  const rows = table.frequencyHz.map((f, k) =>
    [f, ...columns.flatMap((series) => [series.re[k]!, series.im[k]!])].map(String).join(","),
  );
  const extra = (options.comments ?? []).map((line) => `# ${line.replace(/[\r\n]+/g, " ")}`);
  return (
    [
      ...HEADER_COMMENT,
      ...extra,
      [...TWO_PORT_COLUMNS, ...THEVENIN_COLUMNS].join(","),
      ...rows,
    ].join("\n") + "\n"
  );
}

/**
 * Reads the two-port CSV text. Columns are found by header name (any order, extra columns ignored);
 * frequencies must strictly increase.
 * @throws TympanError listing every problem with its line, naming `source`.
 */
export function parseTwoPortCsv(text: string, source?: string): TwoPortTable {
  const issues: Issue[] = [];
  const at = (line: number, message: string) =>
    issues.push({
      severity: "error",
      code: "two-port-file",
      path: ["line", line],
      message: `line ${line}: ${message}`,
    });
  const lines = text.split(/\r\n|\r|\n/);
  let columnIndex: number[] | undefined;
  let width = 0;
  const values: number[][] = TWO_PORT_COLUMNS.map(() => []);
  let previousFrequency = 0;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const cells = trimmed.split(",").map((cell) => cell.trim());
    if (columnIndex === undefined) {
      const names = cells.map((cell) => cell.toLowerCase());
      const missing = TWO_PORT_COLUMNS.filter((name) => !names.includes(name));
      if (missing.length > 0) {
        at(
          line,
          `the header must name the columns ${TWO_PORT_COLUMNS.join(",")} (missing ${missing.join(", ")}); this is not a two-port file written by tympan identify`,
        );
        columnIndex = [];
        return;
      }
      columnIndex = TWO_PORT_COLUMNS.map((name) => names.indexOf(name));
      width = cells.length;
      return;
    }
    if (columnIndex.length === 0) return; // bad header, reported
    if (cells.length !== width) {
      at(line, `has ${cells.length} cells but the header has ${width}`);
      return;
    }
    const row: number[] = [];
    for (const [c, column] of columnIndex.entries()) {
      const cell = cells[column]!;
      const value = NUMBER.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        at(line, `${TWO_PORT_COLUMNS[c]} is "${cell}", not a finite number`);
        return;
      }
      row.push(value);
    }
    const frequency = row[0]!;
    if (!(frequency > previousFrequency)) {
      at(
        line,
        frequency > 0
          ? `frequency ${frequency} Hz is not above the previous row's ${previousFrequency} Hz; sort the rows and remove duplicates`
          : `frequency ${frequency} Hz must be above 0`,
      );
      return;
    }
    previousFrequency = frequency;
    row.forEach((value, c) => values[c]!.push(value));
  });
  if (isNonEmpty(issues))
    throw new TympanError(issues.slice(0, MAX_ISSUES) as [Issue, ...Issue[]], source);
  if (columnIndex === undefined || values[0]!.length < 2) {
    throw new TympanError(
      [
        {
          severity: "error",
          code: "two-port-file",
          path: [],
          message: `the file holds ${columnIndex === undefined ? "no header and no rows" : `${values[0]!.length} row(s)`}; a two-port table needs the header ${TWO_PORT_COLUMNS.join(",")} and at least 2 rows`,
        },
      ],
      source,
    );
  }
  const series = (re: number, im: number): ComplexSeries => ({ re: values[re]!, im: values[im]! });
  return {
    frequencyHz: values[0]!,
    ze: series(1, 2),
    transduction: series(3, 4),
    za: series(5, 6),
  };
}
