import { interpolateLogFrequency } from "../analysis/interpolate.js";
import { formatHz } from "../core/format.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import type { Chart } from "../plot/chart.js";
import { chartFromSimulation } from "../plot/fromSimulation.js";
import type { SimulationResult } from "../simulate/result.js";

/** One simulated design of a report. */
export interface ReportEntry {
  /** The file or built-in name it came from. */
  readonly file: string;
  /** The file name (without extension) of its plots, unique within the report (reportStems). */
  readonly stem: string;
  /** The design's name, else its stem. */
  readonly title: string;
  /** The design's description, or "". */
  readonly description: string;
  readonly result: SimulationResult;
}

/** Landmark frequencies of the summary tables; a report simulates exactly these too. */
export const REPORT_TABLE_FREQUENCIES_HZ: readonly number[] = Object.freeze([
  20, 100, 1000, 2000, 5000, 10000,
]);

/**
 * The frequencies a report simulates: 500 log-spaced points from 20 Hz to 20 kHz plus the table's
 * landmark frequencies, so the table is exact rather than interpolated.
 */
export function reportFrequencies(): number[] {
  const grid = [
    ...logFrequencies({ fromHz: 20, toHz: 20_000, points: 500 }),
    ...REPORT_TABLE_FREQUENCIES_HZ,
  ];
  return [...new Set(grid)].sort((a, b) => a - b);
}

/**
 * A file name (without extension) per design for its plots: the base name, or, where two designs
 * share one (x.json and x.yaml, or one name in two folders), the path with separators as dashes.
 */
export function reportStems(files: readonly string[]): string[] {
  const base = files.map((file) => {
    const name = file.split(/[/\\]/).pop() ?? file;
    return name.replace(/\.[^.]*$/, "") || name;
  });
  const counts = new Map<string, number>();
  for (const stem of base) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return files.map((file, i) =>
    counts.get(base[i]!)! > 1 ? file.replace(/^[./\\]+/, "").replace(/[/\\.]+/g, "-") : base[i]!,
  );
}

/**
 * A design's report chart: its probes (a probe with drivers' shares drawn as its total) and input
 * impedance, titled by the design, the subtitle its description (wrapped) or, without one, its file.
 */
export function designReportChart(entry: ReportEntry): Chart {
  const subtitle = entry.description === "" ? entry.file : entry.description;
  return chartFromSimulation(entry.result, {
    title: entry.title,
    subtitle: subtitle === entry.title ? "" : subtitle,
  });
}

/** The report's summary page (Markdown): per design, levels at landmark frequencies and its plot. */
export function reportSummaryMarkdown(entries: readonly ReportEntry[]): string {
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
    lines.push(`| probe | ${REPORT_TABLE_FREQUENCIES_HZ.map(formatHz).join(" | ")} | peak |`);
    lines.push(`|---|${REPORT_TABLE_FREQUENCIES_HZ.map(() => "---:").join("|")}|---:|`);
    for (const [id, probe] of Object.entries(result.probes)) {
      const unit =
        probe.domain === "acoustic"
          ? "dB SPL"
          : probe.domain === "electrical"
            ? "dBV"
            : "dB re 1 N";
      const cells = REPORT_TABLE_FREQUENCIES_HZ.map((f) =>
        valueAt(result.frequencyHz, probe.db, f).toFixed(2),
      );
      const peak = argMax(probe.db);
      lines.push(
        `| ${id} (${unit}) | ${cells.join(" | ")} | ${probe.db[peak]!.toFixed(2)} at ${formatHz(result.frequencyHz[peak]!)} |`,
      );
    }
    if (result.inputImpedance) {
      const z = result.inputImpedance.magnitudeOhm;
      const cells = REPORT_TABLE_FREQUENCIES_HZ.map((f) =>
        valueAt(result.frequencyHz, z, f).toPrecision(4),
      );
      const low = argMin(z);
      lines.push(
        `| impedance (Ω) | ${cells.join(" | ")} | min ${z[low]!.toPrecision(4)} at ${formatHz(result.frequencyHz[low]!)} |`,
      );
    }
    lines.push("");
    for (const warning of result.warnings ?? []) lines.push(`> Note: ${warning.message}`, "");
  }
  return `${lines.join("\n")}\n`;
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
