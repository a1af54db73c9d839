// The graph tool's chart as uPlot columns: every curve the worker prepared, in the user's colours,
// hidden ones kept (uPlot toggles them without new data), and the target dashed.
import type { Measurement } from "../state/appState.js";
import type { ChartBand, ChartSeries } from "../ui/UPlotChart.js";
import type { GraphView } from "../worker/protocol.js";
import { PALETTE, TARGET_STYLE, TOTAL_COLOR, paletteColor } from "./palette.js";

/** The id prefix of a reference design's curve (state/graphDesigns.ts referenceCurveId). */
export const REFERENCE_PREFIX = "reference:";

/** The designer's design in the graph: near-black, like the designer's total. */
const DESIGN_COLOR = TOTAL_COLOR;

/** How opaque an imbalance band's shading is (of its curve's colour): visible, curves still read. */
const BAND_ALPHA_HEX = "2e";

export function graphChart(
  view: GraphView,
  measurements: readonly Measurement[],
): { series: ChartSeries[]; data: (number | null)[][]; bands: ChartBand[] } {
  const byId = new Map(measurements.map((m) => [m.id, m]));
  let references = 0;
  const series: ChartSeries[] = view.curves.map((curve) => {
    const measurement = byId.get(curve.id);
    // Reference designs take the palette from its end, measurements from its start.
    const color = curve.id.startsWith(REFERENCE_PREFIX)
      ? paletteColor(PALETTE.length - 1 - references++)
      : DESIGN_COLOR;
    return {
      label: legendLabel(curve.name, curve.rating),
      color: measurement?.color ?? color,
      width: measurement ? 1.75 : 2,
      show: !(measurement?.hidden ?? false),
    };
  });
  series.push({ label: view.target.name, color: TARGET_STYLE.color, dash: [...TARGET_STYLE.dash] });
  return {
    series,
    data: [view.frequencyHz, ...view.curves.map((c) => c.db), view.target.db],
    bands: imbalanceBands(view, byId),
  };
}

/** The L/R averages' imbalance bands, in each average's colour, for the curves shown. */
function imbalanceBands(view: GraphView, byId: ReadonlyMap<string, Measurement>): ChartBand[] {
  return view.curves.flatMap((curve) => {
    const measurement = byId.get(curve.id);
    if (measurement === undefined || measurement.hidden) return [];
    return (measurement.imbalanceBands ?? []).map((band) => ({
      fromHz: band.fromHz,
      toHz: band.toHz,
      color: `${measurement.color.slice(0, 7)}${BAND_ALPHA_HEX}`,
    }));
  });
}

/** "AKG N400 — rating 89.1": the rating in the legend, as text. */
export function legendLabel(name: string, rating: number | undefined): string {
  return rating === undefined ? name : `${name} — rating ${rating.toFixed(1)}`;
}
