import { interpolateLogFrequency } from "../analysis/interpolate.js";
import type { SimulationResult } from "../simulate/result.js";

export interface ReportEntry {
  readonly file: string;
  readonly stem: string;
  readonly title: string;
  readonly description: string;
  readonly result: SimulationResult;
}

/** Landmark frequencies of the summary tables; the report simulates exactly these too. */
export const TABLE_FREQUENCIES_HZ = [20, 100, 1000, 2000, 5000, 10000];

/** The report's summary page (Markdown): per design, levels at landmark frequencies and its plot. */
export function buildSummary(entries: readonly ReportEntry[]): string {
  const lines = [
    "# Tympan report",
    "",
    `Simulated ${entries.length} designs, 20 Hz–20 kHz, 500 log-spaced points plus the table frequencies.`,
    "",
  ];
  for (const entry of entries) {
    lines.push(`## ${entry.title}`, "", `File: \`${entry.file}\``, "");
    if (entry.description) lines.push(entry.description, "");
    lines.push(`![${entry.title}](${entry.stem}.svg)`, "");
    const { result } = entry;
    lines.push(`| probe | ${TABLE_FREQUENCIES_HZ.map(label).join(" | ")} | peak |`);
    lines.push(`|---|${TABLE_FREQUENCIES_HZ.map(() => "---:").join("|")}|---:|`);
    for (const [id, probe] of Object.entries(result.probes)) {
      const unit =
        probe.domain === "acoustic"
          ? "dB SPL"
          : probe.domain === "electrical"
            ? "dBV"
            : "dB re 1 N";
      const cells = TABLE_FREQUENCIES_HZ.map((f) =>
        valueAt(result.frequencyHz, probe.db, f).toFixed(2),
      );
      const peak = argMax(probe.db);
      lines.push(
        `| ${id} (${unit}) | ${cells.join(" | ")} | ${probe.db[peak]!.toFixed(2)} at ${label(result.frequencyHz[peak]!)} |`,
      );
    }
    if (result.inputImpedance) {
      const z = result.inputImpedance.magnitudeOhm;
      const cells = TABLE_FREQUENCIES_HZ.map((f) =>
        valueAt(result.frequencyHz, z, f).toPrecision(4),
      );
      const low = argMin(z);
      lines.push(
        `| impedance (Ω) | ${cells.join(" | ")} | min ${z[low]!.toPrecision(4)} at ${label(result.frequencyHz[low]!)} |`,
      );
    }
    lines.push("");
    for (const warning of result.warnings ?? []) lines.push(`> Note: ${warning.message}`, "");
  }
  return `${lines.join("\n")}\n`;
}

function label(frequencyHz: number): string {
  return frequencyHz >= 1000
    ? `${+(frequencyHz / 1000).toPrecision(3)} kHz`
    : `${+frequencyHz.toPrecision(3)} Hz`;
}

/** The value at a landmark frequency (the report simulates those exactly; log-f interpolation else). */
function valueAt(frequencies: readonly number[], values: readonly number[], at: number): number {
  return interpolateLogFrequency({ kind: "response", frequencyHz: frequencies, values }, [at])[0]!;
}

function argMax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function argMin(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[best]!) best = i;
  return best;
}
