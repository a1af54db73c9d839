import { usageError } from "../errors.js";

/*
 * Numeric flags of `tympan optimize` and `tympan tolerance`, read one way: each error names the flag,
 * repeats what was given and says what to give.
 */

export function bandFlag(text: string, flag: string): [number, number] {
  const parts = text.split(":").map((part) => (part.trim() === "" ? NaN : Number(part)));
  if (parts.length !== 2 || !parts.every(Number.isFinite)) {
    throw usageError(`${flag} ${text}: give the band as from:to in Hz, e.g. 20:10000`);
  }
  return parts as [number, number];
}

export function integerFlag(text: string, flag: string, lowest: number, highest: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < lowest || value > highest) {
    throw usageError(`${flag} ${text}: give a whole number from ${lowest} to ${highest}`);
  }
  return value;
}

export function positiveFlag(text: string, flag: string, unit: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !(value > 0)) {
    throw usageError(`${flag} ${text}: give a number > 0 (${unit})`);
  }
  return value;
}

/** A number > 0 and at most `highest`: a drive or a figure whose scale has a physical ceiling. */
export function boundedFlag(text: string, flag: string, unit: string, highest: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !(value > 0) || value > highest) {
    throw usageError(`${flag} ${text}: give a number > 0 and ≤ ${highest} (${unit})`);
  }
  return value;
}

export function finiteFlag(text: string, flag: string, unit: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw usageError(`${flag} ${text}: give a number (${unit})`);
  }
  return value;
}

/** A value for a table: 4 significant digits, exponent form when very large or small. */
export function compactNumber(value: number): string {
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-2 && value !== 0)
    ? value.toExponential(3)
    : String(Number(value.toPrecision(4)));
}
