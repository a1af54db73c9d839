import type { Comparison } from "../analysis/compareCurves.js";
import type { ChartOptions, SeriesOptions } from "./chart.js";

/** The target's colour in a comparison: a neutral grey, dashed, so the curves keep the palette. */
const TARGET_COLOR = "#666666";

/**
 * A comparison (compareCurves) as a chart: the curves with their ratings in the legend, each design's
 * driver shares dotted, the target dashed grey, and below them each curve's deviation from the
 * target. Titled "Frequency response", or "Relative to <curve>" with a baseline; the subtitle says
 * how the curves were normalised and smoothed.
 */
export function comparisonChart(comparison: Comparison): ChartOptions {
  const xHz = comparison.grid;
  const series: SeriesOptions[] = comparison.curves.map((curve) => ({
    name: curve.legend,
    xHz,
    y: curve.levelDb,
  }));
  for (const curve of comparison.curves) {
    for (const share of curve.shares) {
      series.push({ name: share.name, xHz, y: share.levelDb, dash: "dotted" });
    }
  }
  series.push({
    name: comparison.target.name,
    xHz,
    y: comparison.target.levelDb,
    dash: "dashed",
    color: TARGET_COLOR,
  });
  const deviation: SeriesOptions[] = comparison.curves.map((curve) => ({
    name: curve.legend,
    xHz,
    y: curve.deviationDb,
  }));
  const baseline =
    comparison.baseline === undefined ? undefined : comparison.curves[comparison.baseline];
  return {
    title: baseline ? `Relative to ${baseline.legend}` : "Frequency response",
    subtitle: comparison.description,
    panels: [
      { yLabel: "Level", yUnit: "dB", yMinSpan: 30, series },
      {
        yLabel: "Deviation from target",
        yUnit: "dB",
        yMinSpan: 10,
        heightRatio: 0.6,
        series: deviation,
      },
    ],
  };
}
