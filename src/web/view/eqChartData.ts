// The EQ panel's chart: the response before and after EQ, the target, and the EQ curve itself.
import type { ChartSeries } from "../ui/UPlotChart.js";
import type { EqView } from "../worker/protocol.js";
import { TARGET_STYLE } from "./palette.js";

export function eqChart(view: EqView): { series: ChartSeries[]; data: number[][] } {
  return {
    series: [
      { label: "before EQ", color: "#999999", width: 1.5 },
      { label: "after EQ", color: "#0072B2", width: 2 },
      { label: "target", color: TARGET_STYLE.color, dash: [...TARGET_STYLE.dash] },
      { label: "EQ (right axis)", color: "#D55E00", width: 1.5, scale: "y2" },
    ],
    data: [view.frequencyHz, view.beforeDb, view.afterDb, view.targetDb, view.eqDb],
  };
}
