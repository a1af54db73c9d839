// Placeholder until the library exports its CSV writer (see the report): the same columns as
// `tympan simulate --csv` (src/cli/formatResult.ts resultToCsv).
import type { SimulationResult } from "../../index.js";

const POTENTIAL_UNIT = { acoustic: "Pa", electrical: "V", mechanical: "N" } as const;

export function simulationCsv(result: SimulationResult): string {
  const header = ["frequency_hz"];
  const columns: number[][] = [];
  for (const [id, probe] of Object.entries(result.probes)) {
    const unit = POTENTIAL_UNIT[probe.domain];
    header.push(`${id}_db`, `${id}_phase_deg`, `${id}_re_${unit}`, `${id}_im_${unit}`);
    columns.push(probe.db, probe.phaseDeg, probe.re, probe.im);
  }
  if (result.inputImpedance) {
    header.push("impedance_ohm", "impedance_phase_deg");
    columns.push(result.inputImpedance.magnitudeOhm, result.inputImpedance.phaseDeg);
  }
  const lines = [header.map(csvField).join(",")];
  result.frequencyHz.forEach((frequency, f) => {
    lines.push([frequency, ...columns.map((column) => column[f]!)].map(String).join(","));
  });
  return `${lines.join("\n")}\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
