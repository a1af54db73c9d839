import type { DistortionResult } from "./distortion.js";

/**
 * A distortion result as a table for people, as `tympan distortion` prints it: one block per probe,
 * a row per frequency with the fundamental's level (dB, two decimals), each harmonic's level and
 * THD (%, three significant digits); harmonics below the level floor show as "—". Warnings are not
 * included: they are Issues for the caller to show.
 */
export function distortionTable(result: DistortionResult): string {
  const blocks = Object.entries(result.probes).map(([id, probe]) => {
    const harmonics = Object.keys(probe.harmonicsDb);
    const headers = ["Hz", `${id} H1 dB`, ...harmonics.map((k) => `H${k} dB`), "THD %"];
    const level = (value: number) => (value > -300 ? value.toFixed(2) : "—");
    const columns = [
      result.frequencyHz.map((f) => (f >= 100 ? f.toFixed(0) : f.toPrecision(3))),
      probe.fundamentalDb.map(level),
      ...harmonics.map((k) => probe.harmonicsDb[k]!.map(level)),
      probe.thdPercent.map((value) => (value === 0 ? "0" : value.toPrecision(3))),
    ];
    const widths = headers.map((header, c) =>
      Math.max(header.length, ...columns[c]!.map((cell) => cell.length)),
    );
    const row = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join("  ");
    const lines = [row(headers), row(widths.map((w) => "-".repeat(w)))];
    result.frequencyHz.forEach((_, f) => lines.push(row(columns.map((column) => column[f]!))));
    return lines.join("\n");
  });
  const drive = `drive ${result.voltageRms.toPrecision(4)} V rms (${result.method})`;
  return `${drive}\n\n${blocks.join("\n\n")}\n`;
}
