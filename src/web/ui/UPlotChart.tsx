// A uPlot chart as a Preact component: created once, fed new columns with setData (no re-creating
// per edit), rebuilt only when the series themselves change. uPlot's live legend is the crosshair
// readout: it shows every curve's value at the cursor.
import { useLayoutEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { showAlert } from "../state/appState.js";
import { client } from "../state/worker.js";
import { downloadBlob, downloadText, safeFileName } from "./download.js";

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  readonly width?: number;
  readonly dash?: number[];
  readonly scale?: string;
  readonly show?: boolean;
}

/** A frequency band shaded behind the curves (an L/R average's imbalance), in a translucent colour. */
export interface ChartBand {
  readonly fromHz: number;
  readonly toHz: number;
  /** CSS colour with alpha, e.g. "#0072B22e". */
  readonly color: string;
}

export interface ChartProps {
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  readonly title: string;
  readonly xLabel?: string;
  readonly yLabel: string;
  /** A second y axis on the right, e.g. phase next to impedance magnitude. */
  readonly y2Label?: string;
  /** The right axis' range; phase (−90…90°) by default. */
  readonly y2Range?: [number, number];
  readonly logY?: boolean;
  readonly series: readonly ChartSeries[];
  readonly data: uPlot.AlignedData;
  readonly xRange?: [number, number];
  readonly yRange?: [number, number];
  readonly height?: number;
  /** Bands shaded behind the curves. */
  readonly bands?: readonly ChartBand[];
  /** A file name (without extension): the chart offers Download PNG and SVG buttons. */
  readonly downloadName?: string;
  /** The legend's values to this many significant figures (default: one decimal). */
  readonly significantDigits?: number;
  /** Called after the new data is on the canvas (the designer's redraw timing). */
  readonly onDrawn?: () => void;
}

export function UPlotChart(props: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  // The draw hook reads the bands from here, so new bands need only a redraw, not a new chart.
  const bands = useRef<readonly ChartBand[]>(props.bands ?? []);
  const shape = JSON.stringify([
    props.series,
    props.yLabel,
    props.y2Label,
    props.logY,
    props.xRange,
    props.yRange,
    props.y2Range,
  ]);

  // Layout effects, not effects: Preact runs an effect only after the next frame, so the new data
  // would reach the canvas a frame (or two) after the worker's answer; a layout effect draws it in
  // the same task, and the redraw measure ends at the very next frame.
  useLayoutEffect(() => {
    const element = host.current;
    if (element === null) return;
    const plot = new uPlot(options(props, element.clientWidth || 640, bands), props.data, element);
    chart.current = plot;
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: element.clientWidth, height: props.height ?? 300 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // Rebuilt only when the series or axes change; data changes go through setData below.
  }, [shape]);

  useLayoutEffect(() => {
    chart.current?.setData(props.data, props.yRange === undefined);
    props.onDrawn?.();
  }, [props.data]);

  useLayoutEffect(() => {
    const next = props.bands ?? [];
    if (JSON.stringify(next) === JSON.stringify(bands.current)) return;
    bands.current = next;
    chart.current?.redraw(false);
  }, [props.bands]);

  return (
    <figure class="chart">
      <figcaption>
        {props.title}
        {props.downloadName ? (
          <span class="chart-downloads">
            <button
              type="button"
              onClick={() => chart.current && downloadPng(chart.current, props.downloadName!)}
            >
              Download PNG
            </button>
            <button type="button" onClick={() => void downloadSvg(props)}>
              Download SVG
            </button>
          </span>
        ) : null}
      </figcaption>
      <div
        ref={host}
        role="img"
        aria-label={`${props.title} (chart; values as text in the legend below)`}
      />
    </figure>
  );
}

function options(
  props: ChartProps,
  width: number,
  bands: { readonly current: readonly ChartBand[] },
): uPlot.Options {
  const axisStroke = "#334";
  const grid = { stroke: "#e3e6ec", width: 1 };
  return {
    width,
    height: props.height ?? 300,
    scales: {
      x: { distr: 3, ...(props.xRange ? { range: props.xRange } : {}) },
      y: {
        ...(props.logY ? { distr: 3 } : {}),
        ...(props.yRange ? { range: props.yRange } : {}),
      },
      ...(props.y2Label ? { y2: { range: props.y2Range ?? ([-90, 90] as [number, number]) } } : {}),
    },
    axes: [
      {
        stroke: axisStroke,
        grid,
        label: props.xLabel ?? "frequency (Hz)",
        values: (_, ticks) => ticks.map((t) => (t == null ? "" : formatHz(t))),
      },
      {
        stroke: axisStroke,
        grid,
        label: props.yLabel,
        size: 56,
        // uPlot's own labels round a log axis' small decades (0.0001) to "0".
        ...(props.significantDigits
          ? {
              values: (_: uPlot, ticks: (number | null)[]) =>
                ticks.map((t) => (t == null ? "" : String(Number(t.toPrecision(3))))),
            }
          : {}),
      },
      ...(props.y2Label
        ? [
            {
              scale: "y2",
              side: 1,
              stroke: axisStroke,
              grid: { show: false },
              label: props.y2Label,
            },
          ]
        : []),
    ],
    cursor: { drag: { x: true, y: false }, focus: { prox: 16 } },
    hooks: { drawClear: [(plot) => shadeBands(plot, bands.current)] },
    legend: { live: true },
    series: [
      { label: "Hz", value: (_, v) => (v == null ? "—" : formatHz(v)) },
      ...props.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: s.width ?? 1.5,
        scale: s.scale ?? "y",
        show: s.show ?? true,
        spanGaps: false,
        ...(s.dash ? { dash: s.dash } : {}),
        value: (_: uPlot, v: number | null) =>
          v == null
            ? "—"
            : props.significantDigits
              ? String(Number(v.toPrecision(props.significantDigits)))
              : v.toFixed(1),
      })),
    ],
  };
}

/** Fills each band over the plot's height, under the grid and curves (uPlot's drawClear hook). */
function shadeBands(plot: uPlot, bands: readonly ChartBand[]): void {
  if (bands.length === 0) return;
  const { ctx, bbox } = plot;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (const band of bands) {
    const from = plot.valToPos(band.fromHz, "x", true);
    const to = plot.valToPos(band.toHz, "x", true);
    ctx.fillStyle = band.color;
    ctx.fillRect(from, bbox.top, Math.max(to - from, 1), bbox.height);
  }
  ctx.restore();
}

function formatHz(hz: number): string {
  if (hz >= 1000) return `${Number((hz / 1000).toPrecision(3))}k`;
  return String(Number(hz.toPrecision(3)));
}

/** The chart's canvas as a PNG (what is on screen, axes included; the legend is HTML). */
function downloadPng(plot: uPlot, name: string): void {
  plot.ctx.canvas.toBlob((blob) => {
    if (blob) downloadBlob(`${safeFileName(name)}.png`, blob);
  }, "image/png");
}

/** The chart drawn again by the library's SVG renderer (the report's look), from the same data. */
async function downloadSvg(props: ChartProps): Promise<void> {
  const x = props.data[0] as number[];
  const series = props.series
    .map((s, i) => ({ s, y: props.data[i + 1] as (number | null)[] }))
    .filter(({ s }) => (s.scale ?? "y") === "y" && s.show !== false)
    .map(({ s, y }) => ({
      name: s.label,
      xHz: x,
      // Gaps (null) become NaN, which the renderer leaves out.
      y: y.map((v) => (v === null ? Number.NaN : v)),
      color: s.color,
      dash: (s.dash ? "dashed" : "solid") as "dashed" | "solid",
    }))
    .filter(({ y }) => y.some(Number.isFinite));
  const { reply } = await client.call("chartSvg", {
    title: props.title,
    yLabel: props.yLabel,
    series,
    ...(props.xRange ? { xRangeHz: props.xRange } : {}),
  });
  if (reply.ok)
    downloadText(
      `${safeFileName(props.downloadName ?? "chart")}.svg`,
      reply.value,
      "image/svg+xml",
    );
  else showAlert(reply.message);
}
