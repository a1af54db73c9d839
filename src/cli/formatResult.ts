import { DOMAIN_UNITS, type SimulationResult, formatIssue } from "../index.js";

const LEVEL_UNIT = { acoustic: "dB SPL", electrical: "dBV", mechanical: "dB re 1 N" } as const;

/** CSV with one row per frequency: every probe's level, phase and complex value, then the impedance. */
export function resultToCsv(result: SimulationResult): string {
  const header = ["frequency_hz"];
  const columns: number[][] = [];
  for (const [id, probe] of Object.entries(result.probes)) {
    const unit = DOMAIN_UNITS[probe.domain].potential;
    header.push(`${id}_db`, `${id}_phase_deg`, `${id}_re_${unit}`, `${id}_im_${unit}`);
    columns.push(probe.db, probe.phaseDeg, probe.re, probe.im);
  }
  if (result.inputImpedance) {
    header.push("impedance_ohm", "impedance_phase_deg");
    columns.push(result.inputImpedance.magnitudeOhm, result.inputImpedance.phaseDeg);
  }
  const lines = [header.map(csvField).join(",")];
  result.frequencyHz.forEach((frequency, f) => {
    lines.push(
      [frequency, ...columns.map((column) => column[f]!)].map((value) => String(value)).join(","),
    );
  });
  return `${lines.join("\n")}\n`;
}

/** A table for people: frequency, each probe's level and phase, the impedance. */
export function resultToTable(result: SimulationResult): string {
  const headers = ["Hz"];
  const columns: string[][] = [];
  for (const [id, probe] of Object.entries(result.probes)) {
    headers.push(`${id} ${LEVEL_UNIT[probe.domain]}`, `${id} °`);
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
  for (const warning of result.warnings ?? []) lines.push(formatIssue(warning));
  return `${lines.join("\n")}\n`;
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
