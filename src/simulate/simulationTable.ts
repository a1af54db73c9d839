import { DOMAIN_UNITS } from "../core/domain.js";
import type { SimulationResult } from "./result.js";

/**
 * A simulation result as a table for people, as `tympan simulate` prints it: a row per frequency
 * with each probe's level (dB SPL, dBV or dB re 1 N, two decimals) and phase (°, one decimal), then
 * the impedance |Z| (Ω, five significant digits) and its phase; columns right-aligned under a
 * header and a rule. The result's warnings are not included: they are Issues for the caller to
 * show (the command line prints them on standard error).
 */
export function simulationTable(result: SimulationResult): string {
  const headers = ["Hz"];
  const columns: string[][] = [];
  for (const [id, probe] of Object.entries(result.probes)) {
    headers.push(`${id} ${DOMAIN_UNITS[probe.domain].level}`, `${id} °`);
    columns.push(
      probe.db.map((v) => v.toFixed(2)),
      probe.phaseDeg.map((v) => v.toFixed(1)),
    );
  }
  if (result.inputImpedance) {
    headers.push("|Z| Ω", "Z °");
    columns.push(
      result.inputImpedance.magnitudeOhm.map((v) => v.toPrecision(5)),
      result.inputImpedance.phaseDeg.map((v) => v.toFixed(1)),
    );
  }
  // Whole hertz from 100 Hz; three significant digits below, so 31.5 Hz is not printed as 32.
  const frequencyColumn = result.frequencyHz.map((f) =>
    f >= 100 ? f.toFixed(0) : f.toPrecision(3),
  );
  const all = [frequencyColumn, ...columns];
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...all[c]!.map((cell) => cell.length)),
  );
  const row = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join("  ");
  const lines = [row(headers), row(widths.map((w) => "-".repeat(w)))];
  result.frequencyHz.forEach((_, f) => lines.push(row(all.map((column) => column[f]!))));
  return `${lines.join("\n")}\n`;
}
