/** The character that separates a number's integer and fractional parts in a file. */
export type DecimalSeparator = "." | ",";

/** Plain decimal notation with an optional exponent: no NaN, Infinity, hex or thousands separators. */
const DECIMAL_POINT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA_NUMBER = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses one cell of a measurement file strictly: the whole cell must be a finite decimal number,
 * so "12.3dB", "NaN" or "1,2,3" are rejected rather than read as something else.
 * @returns the number, or undefined when the cell is not a number in this notation.
 */
export function parseNumber(cell: string, decimal: DecimalSeparator): number | undefined {
  const pattern = decimal === "." ? DECIMAL_POINT_NUMBER : DECIMAL_COMMA_NUMBER;
  if (!pattern.test(cell)) return undefined;
  const value = Number(decimal === "," ? cell.replace(",", ".") : cell);
  return Number.isFinite(value) ? value : undefined;
}

/** Whether a cell reads as a number with a decimal comma (at most one comma, no point). */
export function isDecimalCommaNumber(cell: string): boolean {
  return DECIMAL_COMMA_NUMBER.test(cell);
}

/**
 * Whether a line starts like a row of numbers (a sign, a digit or a leading decimal point), the
 * first number perhaps in double quotes as spreadsheets export it.
 */
export function startsWithNumber(line: string): boolean {
  return /^"?[+-]?(?:\d|[.,]\d)/.test(line);
}
