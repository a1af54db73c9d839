/**
 * The chart description: plain, JSON-serialisable data that every renderer (SVG, PNG, the web app)
 * draws the same way. A chart is one or more panels stacked over a shared log-frequency axis; each panel
 * has its own y axis (label and unit, linear or log) and its series. Write a `ChartOptions`; `chart()`
 * fills in the defaults and checks it, returning a complete `Chart`.
 */
import { isNonEmpty, TympanError, type Issue, type Result } from "../core/issues.js";

export type YScale = "linear" | "log";
export type Dash = "solid" | "dashed" | "dotted";

export interface SeriesOptions {
  /** Legend text. */
  readonly name: string;
  /** Frequencies in Hz, finite and > 0; one per value in `y`. */
  readonly xHz: readonly number[];
  /**
   * Values in the panel's unit. Non-finite values (and values ≤ 0 on a log axis) leave a gap, so a
   * value without a drawable neighbour is not visible.
   */
  readonly y: readonly number[];
  readonly dash?: Dash;
  /** Any CSS colour; the palette colour for the series' position in its panel when absent or null. */
  readonly color?: string | null;
}

export interface PanelOptions {
  /** What is plotted, e.g. "SPL"; the axis reads "SPL (dB re 20 µPa)". */
  readonly yLabel: string;
  /** Unit, e.g. "dB re 20 µPa" or "Ω"; empty for a dimensionless quantity. */
  readonly yUnit: string;
  readonly yScale?: YScale;
  /** Fixed y range [bottom, top]; fitted to the data (on tick values) when absent or null. */
  readonly yRange?: readonly [number, number] | null;
  /**
   * Smallest fitted y span: in the panel's unit on a linear axis, as a ratio top/bottom on a log axis.
   * Keeps a nearly flat curve from being blown up to fill the panel (e.g. 40 dB for SPL).
   */
  readonly yMinSpan?: number;
  /** Plot height relative to a panel of ratio 1 (e.g. 0.6 for a secondary impedance panel). */
  readonly heightRatio?: number;
  readonly series: readonly SeriesOptions[];
}

/** A shaded frequency range across all panels, explained in the legend (e.g. a validity range). */
export interface BandOptions {
  readonly fromHz: number;
  readonly toHz: number;
  readonly label: string;
}

export interface ChartOptions {
  readonly title: string;
  /** A second, smaller heading line (design name, conditions); none when empty. */
  readonly subtitle?: string;
  /** Frequency axis range [from, to] in Hz. */
  readonly xRangeHz?: readonly [number, number];
  readonly panels: readonly PanelOptions[];
  readonly bands?: readonly BandOptions[];
  /** Footnotes under the chart, one paragraph each (wrapped to the chart width). */
  readonly notes?: readonly string[];
}

export interface Series extends Required<Omit<SeriesOptions, "color">> {
  /** Explicit colour, or null for the palette colour. */
  readonly color: string | null;
}

export interface Panel extends Required<Omit<PanelOptions, "yRange" | "series">> {
  /** Explicit range, or null to fit the data. */
  readonly yRange: readonly [number, number] | null;
  readonly series: readonly Series[];
}

export type Band = BandOptions;

export interface Chart extends Required<Omit<ChartOptions, "panels">> {
  readonly panels: readonly Panel[];
}

/** What a chart takes when its options leave it out: no subtitle, 20 Hz–20 kHz, no bands or notes. */
export const CHART_DEFAULTS = {
  subtitle: "",
  xRangeHz: [20, 20_000],
  bands: [],
  notes: [],
} as const satisfies Omit<Chart, "title" | "panels">;

/** What a panel takes when its options leave it out (linear y axis, height ratio 1, …). */
export const PANEL_DEFAULTS = {
  yScale: "linear",
  yRange: null,
  yMinSpan: 0,
  heightRatio: 1,
} as const satisfies Omit<Panel, "yLabel" | "yUnit" | "series">;

/** What a series takes when its options leave it out: solid, a palette colour. */
export const SERIES_DEFAULTS = {
  dash: "solid",
  color: null,
} as const satisfies Omit<Series, "name" | "xHz" | "y">;

/** Fills in defaults and checks the description; throws one `TympanError` carrying every problem. */
export function chart(options: ChartOptions): Chart {
  const result = tryChart(options);
  if (!result.ok) throw new TympanError(result.issues);
  return result.value;
}

/**
 * Like `chart`, but returns the problems as data. Warnings name series with values that will be left
 * as gaps (non-finite, or ≤ 0 on a log axis), so a caller can tell the user why a curve is broken.
 */
export function tryChart(options: ChartOptions): Result<Chart> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const resolved: Chart = {
    ...CHART_DEFAULTS,
    ...options,
    panels: options.panels.map((panel) => ({
      ...PANEL_DEFAULTS,
      ...panel,
      series: panel.series.map((series) => ({ ...SERIES_DEFAULTS, ...series })),
    })),
  };

  checkRange(resolved.xRangeHz, ["xRangeHz"], "frequency axis", true, issues);
  if (resolved.panels.length === 0) {
    issues.push({
      severity: "error",
      code: "chart-without-panels",
      path: ["panels"],
      message: "a chart needs at least one panel; add { yLabel, yUnit, series: [...] } to panels",
    });
  }
  resolved.panels.forEach((panel, p) => checkPanel(panel, ["panels", p], issues, warnings));
  resolved.bands.forEach((band, b) => {
    checkRange([band.fromHz, band.toHz], ["bands", b], `band "${band.label}"`, true, issues);
  });

  if (isNonEmpty(issues)) return { ok: false, issues };
  return { ok: true, value: resolved, warnings };
}

/** The axis title for a panel: "SPL (dB re 20 µPa)", or just the label when there is no unit. */
export function axisTitle(panel: Pick<Panel, "yLabel" | "yUnit">): string {
  return panel.yUnit === "" ? panel.yLabel : `${panel.yLabel} (${panel.yUnit})`;
}

function checkPanel(panel: Panel, path: (string | number)[], issues: Issue[], warnings: Issue[]) {
  const log = panel.yScale === "log";
  if (panel.yScale !== "linear" && !log) {
    issues.push({
      severity: "error",
      code: "invalid-y-scale",
      path: [...path, "yScale"],
      message: `yScale must be "linear" or "log" (got ${JSON.stringify(panel.yScale)})`,
    });
  }
  if (panel.yRange !== null) {
    checkRange(panel.yRange, [...path, "yRange"], `y range of "${panel.yLabel}"`, log, issues);
  }
  if (!(panel.yMinSpan >= 0 && Number.isFinite(panel.yMinSpan))) {
    issues.push({
      severity: "error",
      code: "invalid-y-min-span",
      path: [...path, "yMinSpan"],
      message: `yMinSpan must be a finite number ≥ 0 (got ${panel.yMinSpan})`,
    });
  }
  if (!(panel.heightRatio > 0 && Number.isFinite(panel.heightRatio))) {
    issues.push({
      severity: "error",
      code: "invalid-height-ratio",
      path: [...path, "heightRatio"],
      message: `heightRatio must be a finite number > 0 (got ${panel.heightRatio})`,
    });
  }
  panel.series.forEach((series, s) => {
    const seriesPath = [...path, "series", s];
    if (series.xHz.length !== series.y.length) {
      issues.push({
        severity: "error",
        code: "series-length-mismatch",
        path: seriesPath,
        message:
          `series "${series.name}" has ${series.xHz.length} frequencies but ${series.y.length} ` +
          "values; give one value per frequency",
      });
      return;
    }
    const badX = series.xHz.findIndex((x) => !(x > 0 && Number.isFinite(x)));
    if (badX >= 0) {
      issues.push({
        severity: "error",
        code: "invalid-frequency",
        path: [...seriesPath, "xHz", badX],
        message: `series "${series.name}" has frequency ${series.xHz[badX]} Hz at index ${badX}; frequencies must be finite and > 0`,
      });
      return;
    }
    const gaps = series.y.filter((y) => !isPlottable(y, panel.yScale)).length;
    if (gaps > 0) {
      const first = series.y.findIndex((y) => !isPlottable(y, panel.yScale));
      warnings.push({
        severity: "warning",
        code: "points-not-plotted",
        path: [...seriesPath, "y"],
        message:
          `series "${series.name}" has ${gaps} value(s) that cannot be drawn ` +
          `(${log ? "non-finite or ≤ 0 on a log axis" : "non-finite"}), first ${series.y[first]} ` +
          `at ${series.xHz[first]} Hz; they are left as gaps in the curve`,
      });
    }
  });
}

/** Whether a y value can be drawn on an axis of this scale. */
export function isPlottable(y: number, scale: YScale): boolean {
  return Number.isFinite(y) && (scale === "linear" || y > 0);
}

function checkRange(
  range: readonly [number, number],
  path: (string | number)[],
  what: string,
  positive: boolean,
  issues: Issue[],
): void {
  const [from, to] = range;
  const ok = Number.isFinite(from) && Number.isFinite(to) && from < to && (!positive || from > 0);
  if (!ok) {
    issues.push({
      severity: "error",
      code: "invalid-range",
      path,
      message: `${what} ${from} to ${to} is not usable; give finite numbers with from < to${positive ? " and from > 0" : ""}`,
    });
  }
}
