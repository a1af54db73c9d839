// The graph tool's chart as uPlot columns: every curve the worker prepared, in the user's colours,
// hidden ones kept (uPlot toggles them without new data), and the target dashed.
import type { Measurement } from "../state/appState.js";
import type { ChartSeries } from "../ui/UPlotChart.js";
import type { GraphView } from "../worker/protocol.js";
import { TARGET_STYLE } from "./palette.js";

/** The designer's design in the graph: black, like the designer's total. */
const DESIGN_COLOR = "#111111";

export function graphChart(
  view: GraphView,
  measurements: readonly Measurement[],
): { series: ChartSeries[]; data: (number | null)[][] } {
  const byId = new Map(measurements.map((m) => [m.id, m]));
  const series: ChartSeries[] = view.curves.map((curve) => {
    const measurement = byId.get(curve.id);
    return {
      label: legendLabel(curve.name, curve.rating),
      color: measurement?.color ?? DESIGN_COLOR,
      width: measurement ? 1.75 : 2,
      show: !(measurement?.hidden ?? false),
    };
  });
  series.push({ label: view.target.name, color: TARGET_STYLE.color, dash: [...TARGET_STYLE.dash] });
  return { series, data: [view.frequencyHz, ...view.curves.map((c) => c.db), view.target.db] };
}

/** "AKG N400 — rating 89.1": the rating in the legend, as text. */
export function legendLabel(name: string, rating: number | undefined): string {
  return rating === undefined ? name : `${name} — rating ${rating.toFixed(1)}`;
}
