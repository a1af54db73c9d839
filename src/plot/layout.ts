/**
 * Where everything of a chart goes, in px, before anything is drawn: heading, per-panel legends, plot
 * rectangles with their scales and ticks, axis titles and notes. `renderSvg` draws a layout; the web app
 * can use the same layout (and its scales) to map pointer positions back to Hz and dB.
 */
import { isNonEmpty, TympanError, type Issue } from "../core/issues.js";
import { axisTitle, isPlottable, type Chart, type Dash, type Panel } from "./chart.js";
import { PLOT_FONT_STACK, textWidthPx, truncate, wrap, type FontWeight } from "./font.js";
import { fitDomain, formatTick, logTicks, scale, ticks, type Scale } from "./ticks.js";

export interface RenderOptions {
  /** Width of the whole chart. */
  readonly widthPx: number;
  /** Height of the plot area of a panel whose heightRatio is 1. */
  readonly plotHeightPx: number;
  /** Prefix of the ids in the SVG (clip paths, title), so several charts can share one page. */
  readonly idPrefix: string;
  /** CSS font-family of all text. */
  readonly fontFamily: string;
  readonly background: string;
  /** Series colours, in order within each panel. */
  readonly palette: readonly string[];
}

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies), yellow left out for contrast. */
export const RENDER_DEFAULTS: RenderOptions = {
  widthPx: 800,
  plotHeightPx: 300,
  idPrefix: "tympan",
  fontFamily: PLOT_FONT_STACK,
  background: "#ffffff",
  palette: ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#999999"],
};

/** Colours of everything that is not data. */
export const INK = {
  text: "#1a1a1a",
  secondaryText: "#555555",
  frame: "#4d4d4d",
  majorGrid: "#d4d4d4",
  minorGrid: "#ececec",
  band: "#8fa3b8",
  bandOpacity: 0.2,
} as const;

export const FONT_SIZE = {
  title: 18,
  subtitle: 13,
  axisTitle: 13,
  tick: 12,
  legend: 12.5,
  note: 11.5,
} as const;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TextBox {
  readonly text: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly sizePx: number;
  readonly weight: FontWeight;
  readonly anchor: "start" | "middle" | "end";
  readonly fill: string;
  /** Rotated 90° counter-clockwise about (x, y), for y-axis titles. */
  readonly vertical: boolean;
}

export interface Tick {
  readonly value: number;
  readonly px: number;
  /** Null when the label would collide with its neighbour (the grid line stays). */
  readonly label: string | null;
}

/** The dash of a solid, palette-coloured series in the palette's first, second and third round. */
const REPEAT_DASHES: readonly Dash[] = ["solid", "dashed", "dotted"];

export interface LegendItem {
  readonly kind: "series" | "band";
  /** Swatch: a line segment for a series, a filled rectangle for a band. */
  readonly swatch: Rect;
  readonly color: string;
  readonly dash: Dash;
  readonly label: TextBox;
}

export interface PanelLayout {
  readonly plot: Rect;
  readonly x: Scale;
  readonly y: Scale;
  readonly xTicks: readonly Tick[];
  readonly xMinorPx: readonly number[];
  readonly yTicks: readonly Tick[];
  readonly yMinorPx: readonly number[];
  readonly yTitle: TextBox;
  readonly legend: readonly LegendItem[];
  /** Colour of each series, in order. */
  readonly colors: readonly string[];
  /** Each series' dash: its own, or a dash that tells a repeated palette colour apart. */
  readonly dashes: readonly Dash[];
}

export interface ChartLayout {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly title: TextBox;
  /** The subtitle's lines, wrapped to the chart's width (none without a subtitle). */
  readonly subtitle: readonly TextBox[];
  readonly panels: readonly PanelLayout[];
  readonly xTitle: TextBox;
  readonly notes: readonly TextBox[];
}

const PAD = 16;
const LEGEND_ROW = 20;
const LEGEND_GAP = 18;
const SWATCH_LINE = 24;
const SWATCH_GAP = 6;
const TICK_LABEL_GAP = 6;
const PANEL_GAP = 14;
const NOTE_LINE = 15;

/** Lays out a checked chart (see `chart()`); render options default to `RENDER_DEFAULTS`. */
export function layoutChart(chart: Chart, options: Partial<RenderOptions> = {}): ChartLayout {
  const style = { ...RENDER_DEFAULTS, ...options };
  checkRenderOptions(style);
  const domains = chart.panels.map(yDomain);
  const yTickValues = chart.panels.map((panel, p) => ticks(panel.yScale, domains[p] ?? [0, 1]));
  const widestYLabel = Math.max(
    0,
    ...yTickValues.flatMap((t) => t.major.map((v) => textWidthPx(formatTick(v), FONT_SIZE.tick))),
  );
  const plotLeft = Math.ceil(PAD + FONT_SIZE.axisTitle * 1.3 + 8 + widestYLabel + TICK_LABEL_GAP);
  const plotRight = style.widthPx - PAD - 10;
  const plotWidth = plotRight - plotLeft;
  const centreX = plotLeft + plotWidth / 2;

  let y = PAD;
  const title = text(chart.title, plotLeft, y + FONT_SIZE.title, FONT_SIZE.title, 600, INK.text);
  y += FONT_SIZE.title * 1.35;
  // A long subtitle (a design's description, a scenario) wraps rather than running off the edge.
  const subtitle: TextBox[] = [];
  for (const line of wrap(chart.subtitle, style.widthPx - PAD - plotLeft, FONT_SIZE.subtitle)) {
    const box = text(line, plotLeft, y + FONT_SIZE.subtitle, FONT_SIZE.subtitle, 400);
    subtitle.push({ ...box, fill: INK.secondaryText });
    y += FONT_SIZE.subtitle * 1.45;
  }
  y += 8;

  const x = scale("log", chart.xRangeHz, [plotLeft, plotRight]);
  const xTickValues = logTicks(chart.xRangeHz[0], chart.xRangeHz[1]);
  const panels: PanelLayout[] = [];
  chart.panels.forEach((panel, p) => {
    const colors = panel.series.map(
      (series, s) => series.color ?? style.palette[s % style.palette.length] ?? INK.text,
    );
    // Past the palette's length, colours repeat: a solid series with a repeated colour is drawn dashed
    // (then dotted), so no two series look alike.
    const dashes = panel.series.map((series, s): Dash => {
      const cycle = Math.floor(s / style.palette.length) % REPEAT_DASHES.length;
      return series.color === null && series.dash === "solid" ? REPEAT_DASHES[cycle]! : series.dash;
    });
    const legendEntries: LegendEntry[] = panel.series.map((series, s) => ({
      kind: "series",
      name: series.name,
      color: colors[s] ?? INK.text,
      dash: dashes[s] ?? series.dash,
    }));
    if (p === 0) {
      for (const band of chart.bands) {
        legendEntries.push({ kind: "band", name: band.label, color: INK.band, dash: "solid" });
      }
    }
    const { items: legend, heightPx: legendHeight } = layoutLegend(
      legendEntries,
      plotLeft,
      y,
      plotWidth,
    );
    y = Math.round(y + legendHeight + (legendHeight > 0 ? 6 : 0));

    const plotHeight = Math.round(style.plotHeightPx * panel.heightRatio);
    const plot: Rect = { x: plotLeft, y, width: plotWidth, height: plotHeight };
    const domain = domains[p] ?? [0, 1];
    const yScale = scale(panel.yScale, domain, [y + plotHeight, y]);
    const yValues = yTickValues[p] ?? { major: [], minor: [] };
    const yTicks = spaceLabels(
      yValues.major.map((v) => ({ value: v, px: yScale.toPx(v), label: formatTick(v) })),
      () => FONT_SIZE.tick + 2,
    );
    const xTicks = spaceLabels(
      xTickValues.major.map((v) => ({ value: v, px: x.toPx(v), label: formatTick(v) })),
      (label) => textWidthPx(label, FONT_SIZE.tick) + 8,
    );
    const titleText = axisTitle(panel);
    const titleSize = Math.max(
      9,
      Math.min(
        FONT_SIZE.axisTitle,
        (FONT_SIZE.axisTitle * plotHeight) / textWidthPx(titleText, FONT_SIZE.axisTitle),
      ),
    );
    const yTitle: TextBox = {
      ...text(titleText, PAD + titleSize, y + plotHeight / 2, titleSize, 400, INK.text, "middle"),
      vertical: true,
    };
    panels.push({
      plot,
      x,
      y: yScale,
      xTicks,
      xMinorPx: xTickValues.minor.map((v) => x.toPx(v)),
      yTicks,
      yMinorPx: yValues.minor.map((v) => yScale.toPx(v)),
      yTitle,
      legend,
      colors,
      dashes,
    });
    y += plotHeight + TICK_LABEL_GAP + FONT_SIZE.tick;
    if (p < chart.panels.length - 1) y += PANEL_GAP + 6;
  });

  y += 8;
  const xTitle = text(
    "Frequency (Hz)",
    centreX,
    y + FONT_SIZE.axisTitle,
    FONT_SIZE.axisTitle,
    400,
    INK.text,
    "middle",
  );
  y += FONT_SIZE.axisTitle * 1.4;

  const notes: TextBox[] = [];
  if (chart.notes.length > 0) y += 8;
  for (const note of chart.notes) {
    for (const line of wrap(note, style.widthPx - PAD - plotLeft, FONT_SIZE.note)) {
      notes.push({
        ...text(line, plotLeft, y + FONT_SIZE.note, FONT_SIZE.note, 400),
        fill: INK.secondaryText,
      });
      y += NOTE_LINE;
    }
  }
  y += PAD;

  return {
    widthPx: style.widthPx,
    heightPx: Math.ceil(y),
    title,
    subtitle,
    panels,
    xTitle,
    notes,
  };
}

/** Below these sizes axis labels and legends no longer fit beside the plot. */
const MIN_WIDTH_PX = 320;
const MIN_PLOT_HEIGHT_PX = 60;

function checkRenderOptions(style: RenderOptions): void {
  const issues: Issue[] = [];
  if (!(style.widthPx >= MIN_WIDTH_PX && Number.isFinite(style.widthPx))) {
    issues.push({
      severity: "error",
      code: "invalid-render-option",
      path: ["widthPx"],
      message: `widthPx must be a finite number ≥ ${MIN_WIDTH_PX} (got ${style.widthPx})`,
    });
  }
  if (!(style.plotHeightPx >= MIN_PLOT_HEIGHT_PX && Number.isFinite(style.plotHeightPx))) {
    issues.push({
      severity: "error",
      code: "invalid-render-option",
      path: ["plotHeightPx"],
      message: `plotHeightPx must be a finite number ≥ ${MIN_PLOT_HEIGHT_PX} (got ${style.plotHeightPx})`,
    });
  }
  if (isNonEmpty(issues)) throw new TympanError(issues);
}

/** The y domain of a panel: its fixed range, or one fitted to the values that can be drawn. */
export function yDomain(panel: Panel): readonly [number, number] {
  if (panel.yRange !== null) return panel.yRange;
  let min = Infinity;
  let max = -Infinity;
  for (const series of panel.series) {
    for (const v of series.y) {
      if (!isPlottable(v, panel.yScale)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) return panel.yScale === "log" ? [1, 10] : [0, 1];
  return fitDomain(panel.yScale, min, max, panel.yMinSpan);
}

function text(
  content: string,
  x: number,
  y: number,
  sizePx: number,
  weight: FontWeight,
  fill: string = INK.text,
  anchor: TextBox["anchor"] = "start",
): TextBox {
  return { text: content, x, y, sizePx, weight, anchor, fill, vertical: false };
}

/** Drops labels (not ticks) that would overlap the previous kept label; `extent` is a label's size. */
function spaceLabels(ticksIn: readonly Tick[], extent: (label: string) => number): Tick[] {
  let lastPx = -Infinity;
  let lastExtent = 0;
  return ticksIn.map((tick) => {
    const size = extent(tick.label ?? "");
    if (Math.abs(tick.px - lastPx) < (size + lastExtent) / 2) return { ...tick, label: null };
    lastPx = tick.px;
    lastExtent = size;
    return tick;
  });
}

interface LegendEntry {
  readonly kind: LegendItem["kind"];
  readonly name: string;
  readonly color: string;
  readonly dash: Dash;
}

/** Legend items flowing left to right from (left, top), wrapping at `width`. */
function layoutLegend(
  entries: readonly LegendEntry[],
  left: number,
  top: number,
  width: number,
): { items: LegendItem[]; heightPx: number } {
  const items: LegendItem[] = [];
  let x = left;
  let row = 0;
  for (const entry of entries) {
    const name = truncate(entry.name, width - SWATCH_LINE - SWATCH_GAP, FONT_SIZE.legend);
    const itemWidth = SWATCH_LINE + SWATCH_GAP + textWidthPx(name, FONT_SIZE.legend);
    if (x > left && x + itemWidth > left + width) {
      x = left;
      row++;
    }
    const middle = top + row * LEGEND_ROW + LEGEND_ROW / 2;
    const swatch: Rect =
      entry.kind === "series"
        ? { x, y: middle, width: SWATCH_LINE, height: 0 }
        : { x: x + 2, y: middle - 6, width: SWATCH_LINE - 4, height: 12 };
    items.push({
      kind: entry.kind,
      swatch,
      color: entry.color,
      dash: entry.dash,
      label: text(
        name,
        x + SWATCH_LINE + SWATCH_GAP,
        middle + FONT_SIZE.legend * 0.36,
        FONT_SIZE.legend,
        400,
      ),
    });
    x += itemWidth + LEGEND_GAP;
  }
  return { items, heightPx: entries.length === 0 ? 0 : (row + 1) * LEGEND_ROW };
}
