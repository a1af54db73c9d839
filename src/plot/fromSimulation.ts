/**
 * The standard chart of a simulation: one panel per probe domain (SPL at acoustic probes, level at
 * electrical and mechanical probes) and the input impedance magnitude in its own panel. The first
 * panel is the main one; the others are shorter.
 */
import { isNonEmpty, TympanError, type Issue } from "../core/issues.js";
import type { Domain, SimulationResult } from "../simulate/result.js";
import { chart, type BandOptions, type Chart, type PanelOptions, type YScale } from "./chart.js";

export interface FromSimulationOptions {
  readonly title: string;
  readonly subtitle: string;
  /** Probe ids to plot, in legend order; null plots every probe in the result's order. */
  readonly probes: readonly string[] | null;
  /** Scale of the impedance axis: log suits drivers whose |Z| spans decades (BA, crossovers). */
  readonly impedanceScale: YScale;
  /** Smallest dB span of the level panels, so a nearly flat response is not blown up. */
  readonly levelMinSpanDb: number;
  /** Height of every panel after the first (the main one) relative to the first. */
  readonly secondaryHeightRatio: number;
  readonly xRangeHz: readonly [number, number];
  readonly bands: readonly BandOptions[];
  /** Footnotes; null uses the result's warnings. */
  readonly notes: readonly string[] | null;
}

/** The defaults of chartFromSimulation: every probe, a log impedance axis, 40 dB minimum level span, 20 Hz–20 kHz. */
export const FROM_SIMULATION_DEFAULTS: FromSimulationOptions = {
  title: "Simulated response",
  subtitle: "",
  probes: null,
  impedanceScale: "log",
  levelMinSpanDb: 40,
  secondaryHeightRatio: 0.6,
  xRangeHz: [20, 20_000],
  bands: [],
  notes: null,
};

/** How each probe domain is labelled; the dB references are those of `ProbeResult.db`. */
const DOMAIN_AXES: Readonly<Record<Domain, { yLabel: string; yUnit: string }>> = {
  acoustic: { yLabel: "SPL", yUnit: "dB re 20 µPa" },
  electrical: { yLabel: "Voltage level", yUnit: "dB re 1 V" },
  mechanical: { yLabel: "Force level", yUnit: "dB re 1 N" },
};

const DOMAIN_ORDER: readonly Domain[] = ["acoustic", "electrical", "mechanical"];

/**
 * A chart of `result`: level panels in the order acoustic, electrical, mechanical (each only when a
 * plotted probe has that domain), then |Z| when the result has an input impedance. Throws a
 * `TympanError` for unknown probe ids, a result with nothing to plot, or data the chart rejects.
 */
export function chartFromSimulation(
  result: SimulationResult,
  options: Partial<FromSimulationOptions> = {},
): Chart {
  const settings = { ...FROM_SIMULATION_DEFAULTS, ...options };
  const probeIds = settings.probes ?? Object.keys(result.probes);
  const issues: Issue[] = probeIds
    .filter((id) => result.probes[id] === undefined)
    .map((id) => ({
      severity: "error",
      code: "unknown-probe",
      path: ["probes"],
      message: `probe "${id}" is not in the simulation result; it has ${listOrNone(Object.keys(result.probes))}`,
    }));
  const plotsSomething = probeIds.length > 0 || result.inputImpedance !== undefined;
  if (!plotsSomething) {
    issues.push({
      severity: "error",
      code: "nothing-to-plot",
      path: [],
      message:
        "the simulation result has no probes and no input impedance; add a probe to the design",
    });
  }
  if (isNonEmpty(issues)) throw new TympanError(issues);

  const panels: PanelOptions[] = [];
  for (const domain of DOMAIN_ORDER) {
    const ids = probeIds.filter((id) => result.probes[id]?.domain === domain);
    if (ids.length === 0) continue;
    panels.push({
      ...DOMAIN_AXES[domain],
      yScale: "linear",
      yMinSpan: settings.levelMinSpanDb,
      heightRatio: panels.length === 0 ? 1 : settings.secondaryHeightRatio,
      series: ids.map((id) => ({
        name: seriesName(id, probeIds),
        xHz: result.frequencyHz,
        y: result.probes[id]?.db ?? [],
      })),
    });
  }
  if (result.inputImpedance !== undefined) {
    panels.push({
      yLabel: "|Z|",
      yUnit: "Ω",
      yScale: settings.impedanceScale,
      heightRatio: panels.length === 0 ? 1 : settings.secondaryHeightRatio,
      series: [
        {
          name: "Input impedance",
          xHz: result.frequencyHz,
          y: result.inputImpedance.magnitudeOhm,
        },
      ],
    });
  }

  return chart({
    title: settings.title,
    subtitle: settings.subtitle,
    xRangeHz: settings.xRangeHz,
    panels,
    bands: settings.bands,
    notes: settings.notes ?? (result.warnings ?? []).map((warning) => warning.message),
  });
}

/**
 * A probe's legend name: its id, or "drum (total)" when per-driver shares of it ("drum/woofer") are
 * drawn too, so the sum is not mistaken for one more driver.
 */
function seriesName(id: string, probeIds: readonly string[]): string {
  return probeIds.some((other) => other.startsWith(`${id}/`)) ? `${id} (total)` : id;
}

function listOrNone(ids: readonly string[]): string {
  return ids.length === 0 ? "no probes" : `probes ${ids.map((id) => `"${id}"`).join(", ")}`;
}
