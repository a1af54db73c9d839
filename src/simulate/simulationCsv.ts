import { csvField } from "../core/csv.js";
import { DOMAIN_UNITS } from "../core/domain.js";
import type { SimulationResult } from "./result.js";

/**
 * A simulation result as CSV, one row per frequency: every probe's level, phase and complex value,
 * then the impedance seen by the source. The columns `tympan simulate --csv` prints and the web
 * app's Download CSV saves — one writer, so the two cannot drift apart:
 *
 *   frequency_hz, <probe>_db, <probe>_phase_deg, <probe>_re_<unit>, <probe>_im_<unit>, …,
 *   impedance_ohm, impedance_phase_deg
 *
 * Numbers are written with String(), the shortest text that reads back as the same double.
 */
export function simulationCsv(result: SimulationResult): string {
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
    lines.push([frequency, ...columns.map((column) => column[f]!)].map(String).join(","));
  });
  return `${lines.join("\n")}\n`;
}
