import type { DistortionResult } from "./distortion.js";

/**
 * A chart of a distortion result at one probe, as plain chart options (plot/'s `ChartOptions`,
 * which a renderer fills in): the fundamental and each harmonic's level on top, THD (%, log axis)
 * below.
 */
export function distortionChart(
  result: DistortionResult,
  probe: string,
  labels: { readonly title: string; readonly subtitle?: string },
) {
  const levels = result.probes[probe]!;
  const xHz = result.frequencyHz;
  const floorDb = Math.min(...levels.fundamentalDb) - 120;
  const drawable = (values: readonly number[]) => values.map((v) => (v > floorDb ? v : Number.NaN));
  const lowHz = Math.min(...xHz);
  const highHz = Math.max(...xHz);
  return {
    title: labels.title,
    subtitle: labels.subtitle ?? "",
    xRangeHz: [lowHz, highHz > lowHz ? highHz : lowHz * 2] as [number, number],
    panels: [
      {
        yLabel: `Level at ${probe}`,
        yUnit: "dB",
        yMinSpan: 40,
        series: [
          { name: "fundamental", xHz, y: levels.fundamentalDb },
          ...Object.entries(levels.harmonicsDb).map(([k, y]) => ({
            name: `H${k}`,
            xHz,
            y: drawable(y),
          })),
        ],
      },
      {
        yLabel: "THD",
        yUnit: "%",
        yScale: "log" as const,
        heightRatio: 0.6,
        series: [{ name: "THD", xHz, y: levels.thdPercent }],
      },
    ],
  };
}
