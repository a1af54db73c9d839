import type { IntermodulationResult } from "./intermodulation.js";

/**
 * A two-tone result as text for people (`tympan distortion --imd`): the convention and drive, then
 * per probe the IMD (%, three significant digits), the two tones' levels and the four sidebands'
 * (dB, two decimals; "—" below the level floor).
 */
export function intermodulationTable(result: IntermodulationResult): string {
  const level = (value: number) => (value > -300 ? value.toFixed(2) : "—");
  const names = ["f2-2f1", "f2-f1", "f2+f1", "f2+2f1"];
  const headers = ["probe", "IMD %", "f1 dB", "f2 dB", ...names.map((name) => `${name} dB`)];
  const rows = Object.entries(result.probes).map(([id, probe]) => [
    id,
    probe.imdPercent === 0 ? "0" : probe.imdPercent.toPrecision(3),
    level(probe.lowDb),
    level(probe.highDb),
    ...names.map((name) => level(probe.sidebandsDb[name]!)),
  ]);
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...rows.map((cells) => cells[c]!.length)),
  );
  const row = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join("  ");
  const lines = [row(headers), row(widths.map((w) => "-".repeat(w))), ...rows.map(row)];
  const drive = `${result.convention}\nlow tone ${result.voltageRms.toPrecision(4)} V rms`;
  return `${drive}\n\n${lines.join("\n")}\n`;
}
