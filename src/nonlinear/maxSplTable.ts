import type { MaxSplResult } from "./maxSpl.js";

/**
 * The maximum level at a THD limit as a table for people (`tympan distortion --max-spl`): a row
 * per frequency with the level (dB, one decimal), the drive (V rms, four significant digits) and
 * what stopped the search ("thd": the limit reached; "curves": the large-signal curves ran out
 * first; "drive": the largest drive tried).
 */
export function maxSplTable(result: MaxSplResult): string {
  const headers = ["Hz", `${result.probe} dB at ${result.thdPercent} % THD`, "V rms", "limited by"];
  const columns = [
    result.frequencyHz.map((f) => (f >= 100 ? f.toFixed(0) : f.toPrecision(3))),
    result.levelDb.map((value) => value.toFixed(1)),
    result.voltageRms.map((value) => value.toPrecision(4)),
    result.limitedBy.map((value) => value),
  ];
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...columns[c]!.map((cell) => cell.length)),
  );
  const row = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join("  ");
  const lines = [row(headers), row(widths.map((w) => "-".repeat(w)))];
  result.frequencyHz.forEach((_, f) => lines.push(row(columns.map((column) => column[f]!))));
  return `${lines.join("\n")}\n`;
}
