// The distortion view as uPlot columns and as text: THD, H2 and H3 (% of the fundamental, log axis)
// against frequency, and a caption quoting THD at 1 kHz and the largest THD of the sweep.
import type { DistortionView } from "../worker/protocol.js";
import type { ChartData } from "./designChartData.js";
import { TOTAL_COLOR, paletteColor } from "./palette.js";

/** The levels the presets offer: reviewers quote THD at 94 dB, some at 80, 100 or 114 dB. */
export const DISTORTION_PRESETS_DB = [80, 94, 100, 114] as const;

/** The range the level field accepts (dB SPL): above it, a driver runs out of its curves. */
export const DISTORTION_LEVEL_RANGE_DB = { min: 40, max: 130 } as const;

export function distortionChart(view: DistortionView): ChartData {
  return {
    series: [
      { label: "THD (%)", color: TOTAL_COLOR, width: 2.5 },
      { label: "H2 (%)", color: paletteColor(0), width: 1.5 },
      { label: "H3 (%)", color: paletteColor(1), width: 1.5, dash: [5, 3] },
    ],
    data: [view.frequencyHz, view.thdPercent, view.h2Percent, view.h3Percent],
  };
}

/** A percentage with three significant figures ("0.0897 %", "2.72 %"). */
export function formatPercent(percent: number): string {
  return `${Number(percent.toPrecision(3))} %`;
}

/** What the chart shows, in words (screen readers, and anyone who wants the number). */
export function distortionCaption(view: DistortionView): string {
  const at = `at ${view.levelDb} dB SPL at the ${view.probeId} (1 kHz)`;
  if (view.linear) {
    return `This design is linear: no driver has large-signal parameters (Bl(x), Kms(x), Le(x)…), so it makes no distortion ${at} to draw.`;
  }
  let worst = -1;
  view.thdPercent.forEach((value, j) => {
    if (value !== null && (worst < 0 || value > view.thdPercent[worst]!)) worst = j;
  });
  const highest =
    worst < 0
      ? ""
      : `; highest ${formatPercent(view.thdPercent[worst]!)} at ${formatHz(view.frequencyHz[worst]!)}`;
  const drive = `${Number((view.voltageRms * 1000).toPrecision(3))} mV rms drive`;
  return `THD at 1 kHz: ${formatPercent(view.thdAt1kHzPercent)} ${at}${highest} (${drive}).`;
}

function formatHz(hz: number): string {
  return hz >= 1000 ? `${Number((hz / 1000).toPrecision(3))} kHz` : `${Math.round(hz)} Hz`;
}

/** The level field's text as dB SPL, or a sentence saying what to type. */
export function parseLevel(text: string): { levelDb: number } | { message: string } {
  const levelDb = Number(text);
  const { min, max } = DISTORTION_LEVEL_RANGE_DB;
  if (text.trim() === "" || !Number.isFinite(levelDb) || levelDb < min || levelDb > max) {
    return {
      message: `the level must be a number of dB SPL from ${min} to ${max} (got "${text}")`,
    };
  }
  return { levelDb };
}
