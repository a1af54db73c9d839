/**
 * Renders a chart description to an SVG string.
 *
 * Hand-rolled rather than vega/vega-lite, after trying vega 5.33 + vega-lite 5.23 headless in Node 20:
 * - determinism: vega numbers its clip paths with a process-wide counter (`clip1`, `clip2`, …), so the
 *   same chart renders to different bytes on each call and snapshot tests would need scrubbing;
 * - speed: ~57 ms per render of a 1000-point curve after warm-up, against the web app's 16 ms redraw
 *   budget; this renderer takes ~3 ms for the standard chart of four 1000-point curves;
 * - weight: 81 packages / 42 MB for what is one chart type (log-x line charts in stacked panels) whose
 *   conventions (1-2-5 frequency ticks, minor grid, units on every axis) we would configure anyway;
 * - version pinning: vega-lite 6 needs Node ≥ 22.
 * The web app gets interactivity from `layoutChart`: the same layout and scales that placed the SVG map
 * pointer positions back to Hz and values, so a cursor readout needs no second renderer.
 *
 * The output is a pure function of its input: numbers are rounded to 0.01 px, the only id comes from
 * `idPrefix`, and nothing reads the clock or a counter.
 */
import {
  chart as checkChart,
  isPlottable,
  type ChartOptions,
  type Dash,
  type Series,
  type YScale,
} from "./chart.js";
import {
  FONT_SIZE,
  INK,
  layoutChart,
  type PanelLayout,
  type RenderOptions,
  type TextBox,
  RENDER_DEFAULTS,
} from "./layout.js";

const DASH_ARRAY: Readonly<Record<Dash, string | null>> = {
  solid: null,
  dashed: "7 4",
  dotted: "1.5 3",
};

const SERIES_WIDTH = 1.75;

/**
 * The chart as a standalone SVG document. Checks the chart first (see `chart()`): throws a
 * `TympanError` for a chart that cannot be drawn; values that cannot be drawn are left as gaps.
 */
export function renderSvg(
  options: ChartOptions,
  renderOptions: Partial<RenderOptions> = {},
): string {
  const chart = checkChart(options);
  const style = { ...RENDER_DEFAULTS, ...renderOptions };
  const layout = layoutChart(chart, style);
  const id = (name: string) => `${style.idPrefix}-${name}`;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.widthPx}" height="${layout.heightPx}" ` +
      `viewBox="0 0 ${layout.widthPx} ${layout.heightPx}" font-family="${escape(style.fontFamily)}" ` +
      `role="img" aria-labelledby="${id("title")}">`,
    `<title id="${id("title")}">${escape(chart.title)}</title>`,
    `<rect width="${layout.widthPx}" height="${layout.heightPx}" fill="${escape(style.background)}"/>`,
    textElement(layout.title),
  );
  for (const line of layout.subtitle) out.push(textElement(line));

  layout.panels.forEach((panel, p) => {
    const chartPanel = chart.panels[p];
    if (chartPanel === undefined) return;
    out.push(`<g class="panel" data-panel="${p}">`);
    out.push(...legend(panel));
    out.push(...bands(chart.bands, panel));
    out.push(...grid(panel));
    out.push(
      `<g class="series" fill="none" stroke-width="${SERIES_WIDTH}" stroke-linejoin="round" stroke-linecap="round">`,
    );
    chartPanel.series.forEach((series, s) => {
      const d = pathData(series, panel, chartPanel.yScale);
      if (d === "") return;
      const dash = DASH_ARRAY[panel.dashes[s] ?? series.dash];
      out.push(
        `<path data-series="${s}" d="${d}" stroke="${escape(panel.colors[s] ?? INK.text)}"` +
          `${dash === null ? "" : ` stroke-dasharray="${dash}"`}/>`,
      );
    });
    out.push("</g>");
    out.push(
      `<rect x="${num(panel.plot.x + 0.5)}" y="${num(panel.plot.y + 0.5)}" width="${num(panel.plot.width - 1)}" height="${num(panel.plot.height - 1)}" fill="none" stroke="${INK.frame}"/>`,
    );
    out.push(...tickLabels(panel));
    out.push(textElement(panel.yTitle));
    out.push("</g>");
  });

  out.push(textElement(layout.xTitle));
  out.push(...layout.notes.map(textElement));
  out.push("</svg>", "");
  return out.join("\n");
}

/**
 * Path data of one series, cut to the plot rectangle here rather than by an SVG clip path: a value that
 * cannot be drawn (NaN, ±Infinity, ≤ 0 on a log axis) breaks the line, and so does leaving the plot.
 * Clipping the geometry keeps every coordinate on the canvas; resvg 2.6 aborts the whole process when
 * a clip-path group's content lies entirely off the canvas (e.g. a curve outside a fixed yRange).
 */
function pathData(series: Series, panel: PanelLayout, yScale: YScale): string {
  const { plot } = panel;
  const box: Box = { x0: plot.x, y0: plot.y, x1: plot.x + plot.width, y1: plot.y + plot.height };
  const parts: string[] = [];
  let previous: Point | null = null;
  /** Where the pen is after the last segment drawn, or null when the line is broken. */
  let pen: Point | null = null;
  for (let i = 0; i < series.y.length; i++) {
    const value = series.y[i] ?? NaN;
    if (!isPlottable(value, yScale)) {
      previous = null;
      pen = null;
      continue;
    }
    const point: Point = [
      clampPx(panel.x.toPx(series.xHz[i] ?? NaN)),
      clampPx(panel.y.toPx(value)),
    ];
    const segment = previous === null ? null : clipSegment(previous, point, box);
    if (segment === null) {
      if (previous !== null) pen = null;
    } else {
      const [from, to] = segment;
      if (pen === null || from[0] !== pen[0] || from[1] !== pen[1]) {
        parts.push(`M${num(from[0])} ${num(from[1])}`);
      }
      parts.push(`L${num(to[0])} ${num(to[1])}`);
      pen = to;
    }
    previous = point;
  }
  return parts.join("");
}

type Point = readonly [number, number];

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * The part of segment a→b inside `box` (Liang–Barsky), or null when none is. Unclipped ends are
 * returned as the same objects, so a continuing line is recognised by identity of its coordinates.
 */
function clipSegment(a: Point, b: Point, box: Box): [Point, Point] | null {
  if (inside(a, box) && inside(b, box)) return [a, b];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  /** Narrows [t0, t1] to the side p·t ≤ q of one edge; false when nothing is left. */
  const edge = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  const visible =
    edge(-dx, a[0] - box.x0) &&
    edge(dx, box.x1 - a[0]) &&
    edge(-dy, a[1] - box.y0) &&
    edge(dy, box.y1 - a[1]);
  if (!visible) return null;
  const from: Point = t0 === 0 ? a : [a[0] + t0 * dx, a[1] + t0 * dy];
  const to: Point = t1 === 1 ? b : [a[0] + t1 * dx, a[1] + t1 * dy];
  return [from, to];
}

function inside(point: Point, box: Box): boolean {
  return point[0] >= box.x0 && point[0] <= box.x1 && point[1] >= box.y0 && point[1] <= box.y1;
}

function bands(list: readonly { fromHz: number; toHz: number }[], panel: PanelLayout): string[] {
  const { plot } = panel;
  return list.flatMap((band) => {
    const left = Math.max(plot.x, panel.x.toPx(band.fromHz));
    const right = Math.min(plot.x + plot.width, panel.x.toPx(band.toHz));
    if (right <= left) return [];
    return [
      `<rect class="band" x="${num(left)}" y="${num(plot.y)}" width="${num(right - left)}" height="${num(plot.height)}" fill="${INK.band}" fill-opacity="${INK.bandOpacity}"/>`,
    ];
  });
}

/** Grid lines on whole pixels + 0.5 so 1 px lines stay crisp. */
function grid(panel: PanelLayout): string[] {
  const { plot } = panel;
  const top = plot.y;
  const bottom = plot.y + plot.height;
  const left = plot.x;
  const right = plot.x + plot.width;
  const vertical = (px: number) => `M${num(crisp(px))} ${num(top)}V${num(bottom)}`;
  const horizontal = (py: number) => `M${num(left)} ${num(crisp(py))}H${num(right)}`;
  const inside = (px: number, lo: number, hi: number) => px > lo + 0.5 && px < hi - 0.5;
  const minor = [
    ...panel.xMinorPx.filter((px) => inside(px, left, right)).map(vertical),
    ...panel.yMinorPx.filter((py) => inside(py, top, bottom)).map(horizontal),
  ];
  const major = [
    ...panel.xTicks.filter((t) => inside(t.px, left, right)).map((t) => vertical(t.px)),
    ...panel.yTicks.filter((t) => inside(t.px, top, bottom)).map((t) => horizontal(t.px)),
  ];
  const out: string[] = [];
  if (minor.length > 0)
    out.push(`<path class="grid-minor" d="${minor.join("")}" stroke="${INK.minorGrid}"/>`);
  if (major.length > 0)
    out.push(`<path class="grid" d="${major.join("")}" stroke="${INK.majorGrid}"/>`);
  return out;
}

/** Tick labels in two groups that carry the shared attributes: x under the plot, y left of it. */
function tickLabels(panel: PanelLayout): string[] {
  const { plot } = panel;
  const size = FONT_SIZE.tick;
  const group = (name: string, anchor: string, labels: string[]) =>
    `<g class="${name}" font-size="${size}" text-anchor="${anchor}" fill="${INK.secondaryText}">` +
    `${labels.join("")}</g>`;
  const xBaseline = num(plot.y + plot.height + 6 + size - 1);
  const x = panel.xTicks.flatMap((tick) =>
    tick.label === null
      ? []
      : [`<text x="${num(tick.px)}" y="${xBaseline}">${escape(tick.label)}</text>`],
  );
  const y = panel.yTicks.flatMap((tick) =>
    tick.label === null
      ? []
      : [
          `<text x="${num(plot.x - 6)}" y="${num(tick.px + size * 0.36)}">${escape(tick.label)}</text>`,
        ],
  );
  return [group("x-ticks", "middle", x), group("y-ticks", "end", y)];
}

function legend(panel: PanelLayout): string[] {
  return panel.legend.flatMap((item) => {
    const { swatch } = item;
    const mark =
      item.kind === "series"
        ? `<path d="M${num(swatch.x)} ${num(swatch.y)}H${num(swatch.x + swatch.width)}" stroke="${escape(item.color)}" stroke-width="${SERIES_WIDTH + 0.75}" stroke-linecap="round"${DASH_ARRAY[item.dash] === null ? "" : ` stroke-dasharray="${DASH_ARRAY[item.dash]}"`}/>`
        : `<rect x="${num(swatch.x)}" y="${num(swatch.y)}" width="${num(swatch.width)}" height="${num(swatch.height)}" fill="${escape(item.color)}" fill-opacity="${INK.bandOpacity * 2}"/>`;
    return [mark, textElement(item.label)];
  });
}

function textElement(box: TextBox): string {
  const anchor = box.anchor === "start" ? "" : ` text-anchor="${box.anchor}"`;
  const weight = box.weight === 400 ? "" : ` font-weight="${box.weight}"`;
  const rotate = box.vertical ? ` transform="rotate(-90 ${num(box.x)} ${num(box.y)})"` : "";
  return (
    `<text x="${num(box.x)}" y="${num(box.y)}" font-size="${num(box.sizePx)}"${weight}${anchor}` +
    ` fill="${escape(box.fill)}"${rotate}>${escape(box.text)}</text>`
  );
}

/** Keeps far-out-of-range points finite (1e308 dB maps past the largest double) before clipping. */
function clampPx(px: number): number {
  return Math.min(1e6, Math.max(-1e6, px));
}

function crisp(px: number): number {
  return Math.round(px - 0.5) + 0.5;
}

/**
 * A coordinate rounded to 0.01 px, without trailing zeros or a negative zero. Built from integer
 * hundredths because float-to-string conversion dominated the render time of long curves.
 */
function num(value: number): string {
  const hundredths = Math.round(value * 100);
  if (hundredths === 0) return "0";
  const sign = hundredths < 0 ? "-" : "";
  const magnitude = Math.abs(hundredths);
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude % 100;
  if (fraction === 0) return `${sign}${whole}`;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${fraction < 10 ? "0" : ""}${fraction}`;
}

function escape(content: string): string {
  return content
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
