// The designer's charts as uPlot columns: the response with its per-driver shares and the target,
// the impedance with its phase, and the response's phase (and group delay when given).
import type { DesignView } from "../worker/protocol.js";
import type { ChartSeries } from "../ui/UPlotChart.js";
import { TARGET_STYLE, TOTAL_COLOR, paletteColor } from "./palette.js";

export interface ChartData {
  readonly series: ChartSeries[];
  readonly data: (number | null)[][];
  readonly yRange?: [number, number];
  readonly y2Range?: [number, number];
}

export function responseChart(view: DesignView): ChartData {
  const series: ChartSeries[] = [
    { label: `${view.probeId} (total)`, color: TOTAL_COLOR, width: 2.5 },
  ];
  const data: (number | null)[][] = [view.frequencyHz, view.splDb];
  view.shares.forEach((share, i) => {
    series.push({ label: share.id, color: paletteColor(i), width: 1.25 });
    data.push(share.db);
  });
  if (view.targetDb.length > 0) {
    series.push({
      label: view.targetName,
      color: TARGET_STYLE.color,
      dash: [...TARGET_STYLE.dash],
    });
    data.push(view.targetDb);
  }
  return { series, data, yRange: levelRange(view.splDb) };
}

/**
 * The SPL axis: 50 dB below the loudest point of the total to 5 dB above, in 5 dB steps, so the
 * shares that matter show and a driver's stop-band far below does not squash the total.
 */
function levelRange(totalDb: readonly number[]): [number, number] {
  const top = Math.ceil((Math.max(...totalDb) + 5) / 5) * 5;
  return [top - 55, top];
}

export function impedanceChart(view: DesignView): ChartData | undefined {
  if (view.impedance === undefined) return undefined;
  return {
    series: [
      { label: "|Z| (Ω)", color: "#0072B2", width: 2 },
      { label: "phase (°)", color: "#D55E00", scale: "y2", dash: [4, 3] },
    ],
    data: [view.frequencyHz, view.impedance.magnitudeOhm, view.impedance.phaseDeg],
  };
}

export function phaseChart(view: DesignView): ChartData {
  const series: ChartSeries[] = [
    { label: `${view.probeId} phase (°)`, color: "#009E73", width: 1.5 },
  ];
  const data: (number | null)[][] = [view.frequencyHz, view.phaseDeg];
  if (view.groupDelayMs) {
    series.push({
      label: "group delay (ms, right axis)",
      color: "#CC79A7",
      scale: "y2",
      dash: [4, 3],
    });
    data.push(view.groupDelayMs);
  }
  return { series, data, ...(view.groupDelayMs ? { y2Range: delayRange(view.groupDelayMs) } : {}) };
}

/**
 * The group-delay axis in whole milliseconds around the curve, at least −1…1 ms, and clipped to
 * −5…20 ms: a phase step at a deep notch gives a spike no one needs to see to scale.
 */
function delayRange(delayMs: readonly number[]): [number, number] {
  const low = Math.max(-5, Math.min(-1, Math.floor(Math.min(...delayMs))));
  const high = Math.min(20, Math.max(1, Math.ceil(Math.max(...delayMs))));
  return [low, high];
}
