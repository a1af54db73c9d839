import type { ChartOptions } from "../plot/chart.js";
import type { OptimizeResult } from "./optimizeDesign.js";
import type { ToleranceAnalysis } from "./toleranceAnalysis.js";

/**
 * The drum response before and after tuning, with the target drawn at the tuned response's mean
 * level over the error band (the rating ignores level, so this is how they compare).
 */
export function optimizeChart(result: OptimizeResult, title: string): ChartOptions {
  const { frequencyHz, before, after, target } = result.responses;
  const [from, to] = result.bandHz;
  const band = frequencyHz.flatMap((f, i) => (f >= from && f <= to ? [i] : []));
  const mean = (values: readonly number[]) =>
    band.reduce((sum, i) => sum + values[i]!, 0) / band.length;
  const offset = mean(after) - mean(target);
  const xHz = [...frequencyHz];
  return {
    title,
    subtitle: `rating ${result.before.rating.toFixed(1)} → ${result.after.rating.toFixed(1)}, error ${result.before.rmsErrorDb.toFixed(2)} → ${result.after.rmsErrorDb.toFixed(2)} dB rms (${from}–${to} Hz)`,
    panels: [
      {
        yLabel: `SPL at ${result.responses.probeId}`,
        yUnit: "dB re 20 µPa",
        yMinSpan: 40,
        series: [
          { name: "before", xHz, y: [...before], dash: "dashed" },
          { name: result.snapped ? "after (orderable parts)" : "after", xHz, y: [...after] },
          { name: "target (level-matched)", xHz, y: target.map((v) => v + offset), dash: "dotted" },
        ],
      },
    ],
  };
}

/** The nominal response of the analysed probe with the Monte Carlo's 5–95 % band and median. */
export function toleranceChart(analysis: ToleranceAnalysis, title: string): ChartOptions {
  const bands = analysis.probes[analysis.probeId]!;
  const xHz = analysis.frequencyHz;
  return {
    title,
    subtitle: `${analysis.runs} units, seed ${analysis.seed}, ${analysis.tolerances.length} toleranced quantities`,
    panels: [
      {
        yLabel: `Level at ${analysis.probeId}`,
        yUnit: "dB",
        yMinSpan: 20,
        series: [
          { name: "nominal", xHz, y: bands.nominal },
          { name: "median", xHz, y: bands.p50, dash: "dotted" },
          { name: "5th percentile", xHz, y: bands.p5, dash: "dashed", color: "#7a7a7a" },
          { name: "95th percentile", xHz, y: bands.p95, dash: "dashed", color: "#7a7a7a" },
        ],
      },
    ],
  };
}
