import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { chart, type ChartOptions } from "./chart.js";
import { exampleResult } from "../../test/support/exampleResult.js";
import { chartFromSimulation } from "./fromSimulation.js";
import { layoutChart } from "./layout.js";
import { renderSvg } from "./svg.js";

const SNAPSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), "__snapshots__");

/**
 * Compares `svg` with `__snapshots__/<name>.svg`. On a mismatch it writes `<name>-changed.svg` beside
 * it for review (open both in a browser); if the change is right, move the -changed file over the
 * stored one. A missing snapshot is written, except on CI, where it fails.
 */
function expectSvgSnapshot(name: string, svg: string): void {
  const stored = join(SNAPSHOT_DIR, `${name}.svg`);
  const changed = join(SNAPSHOT_DIR, `${name}-changed.svg`);
  if (!existsSync(stored)) {
    if (process.env.CI) throw new Error(`missing SVG snapshot ${stored}; run the tests locally`);
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    writeFileSync(stored, svg);
    return;
  }
  if (readFileSync(stored, "utf8") === svg) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, svg);
  expect.fail(
    `SVG differs from ${stored}; review ${changed} and, if it is right, move it over the stored file`,
  );
}

const exampleChart = () =>
  chartFromSimulation(exampleResult(), {
    title: "Hybrid IEM (1 DD + 2 BA), simulated",
    subtitle: "1 V at the source (2 Ω output impedance), IEC 60318-4 ear simulator",
    bands: [{ fromHz: 100, toHz: 10_000, label: "IEC 60318-4 valid 100 Hz–10 kHz" }],
  });

/** Text contents of every <text> element, in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");
}

/** Text contents of the <text> elements inside each <g class="…"> group of that class. */
function groupTexts(svg: string, className: string): string[][] {
  return [...svg.matchAll(new RegExp(`<g class="${className}"[^>]*>(.*?)</g>`, "g"))].map((m) =>
    texts(m[1] ?? ""),
  );
}

describe("renderSvg", () => {
  it("renderSvg(example chart) matches the stored snapshot", () => {
    expectSvgSnapshot("example", renderSvg(exampleChart()));
  });

  it("is deterministic: the same chart gives the same bytes", () => {
    expect(renderSvg(exampleChart())).toBe(renderSvg(exampleChart()));
  });

  it("labels the frequency axis 20 … 20k under every panel and titles it with its unit", () => {
    const svg = renderSvg(exampleChart());
    const xLabels = ["20", "50", "100", "200", "500", "1k", "2k", "5k", "10k", "20k"];
    expect(groupTexts(svg, "x-ticks")).toEqual([xLabels, xLabels, xLabels]);
    expect(texts(svg)).toContain("Frequency (Hz)");
  });

  it("labels y ticks on round values: 10 dB steps for SPL, 1-2-5… ohms for |Z|", () => {
    const [spl, , impedance] = groupTexts(renderSvg(exampleChart()), "y-ticks");
    expect(spl).toEqual(["70", "80", "90", "100", "110", "120"]);
    expect(impedance).toEqual(["10", "20", "30", "40", "50"]);
  });

  it("titles every y axis with its quantity and unit, and names every series in a legend", () => {
    const labels = texts(renderSvg(exampleChart()));
    expect(labels).toEqual(
      expect.arrayContaining([
        "SPL (dB re 20 µPa)",
        "Voltage level (dB re 1 V)",
        "|Z| (Ω)",
        "drum",
        "drum, leaky seal",
        "terminals",
        "Input impedance",
        "IEC 60318-4 valid 100 Hz–10 kHz",
      ]),
    );
  });

  it("never writes NaN or Infinity: undrawable values become gaps in the path", () => {
    const xHz = [20, 50, 100, 200, 500, 1000, 2000, 5000];
    const y = [1, 2, NaN, 3, 4, Infinity, 6, 7];
    const svg = renderSvg({
      title: "gaps",
      panels: [
        { yLabel: "L", yUnit: "dB", series: [{ name: "s", xHz, y }] },
        {
          yLabel: "Z",
          yUnit: "Ω",
          yScale: "log",
          series: [{ name: "z", xHz, y: [8, 9, 0, -1, 9, 8, -Infinity, 5] }],
        },
      ],
    });
    expect(svg).not.toMatch(/NaN|Infinity/);
    const paths = [...svg.matchAll(/<path data-series="0" d="([^"]*)"/g)].map((m) => m[1] ?? "");
    // [1 2] [3 4] [6 7]  and  [8 9] [9 8] (a lone point [5] draws nothing)
    expect(paths.map((d) => d.split("M").length - 1)).toEqual([3, 2]);
  });

  it("cuts curves at the plot edges: no coordinate outside the plot, gaps where they leave", () => {
    const xHz = [20, 100, 200, 400, 20_000];
    const options: ChartOptions = {
      title: "clipped",
      xRangeHz: [50, 5000],
      panels: [
        {
          yLabel: "L",
          yUnit: "dB",
          yRange: [0, 10],
          series: [
            { name: "crosses", xHz, y: [5, 5, 50, 5, 5] },
            { name: "far above", xHz, y: [1e6, 1e7, 1e308, 1e6, 1e6] },
          ],
        },
      ],
    };
    const svg = renderSvg(options);
    const plot = layoutChart(chart(options)).panels[0]?.plot;
    if (plot === undefined) throw new Error("no panel");
    const crosses = /<path data-series="0" d="([^"]*)"/.exec(svg)?.[1] ?? "";
    const points = [...crosses.matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(points.length).toBeGreaterThan(2);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(plot.x - 0.01);
      expect(x).toBeLessThanOrEqual(plot.x + plot.width + 0.01);
      expect(y).toBeGreaterThanOrEqual(plot.y - 0.01);
      expect(y).toBeLessThanOrEqual(plot.y + plot.height + 0.01);
    }
    expect(crosses.split("M").length - 1).toBe(2); // leaves through the top, comes back
    expect(svg).not.toContain('data-series="1"'); // nothing of it is inside
  });

  it("escapes text so names cannot break the document", () => {
    const svg = renderSvg({
      title: 'A <b> & "c"',
      panels: [
        { yLabel: "L", yUnit: "dB", series: [{ name: "</svg>", xHz: [20, 40], y: [1, 2] }] },
      ],
    });
    expect(svg).toContain("A &lt;b&gt; &amp; &quot;c&quot;");
    expect(svg).toContain("&lt;/svg&gt;");
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
  });

  it("throws a TympanError naming the series for mismatched lengths", () => {
    const bad: ChartOptions = {
      title: "bad",
      panels: [{ yLabel: "L", yUnit: "dB", series: [{ name: "s", xHz: [20, 40], y: [1] }] }],
    };
    expect(() => renderSvg(bad)).toThrow(TympanError);
    expect(() => renderSvg(bad)).toThrow(/panels\[0\]\.series\[0\]: series "s" has 2 frequencies/);
  });

  it("rejects a chart too narrow for its axes", () => {
    expect(() => renderSvg(exampleChart(), { widthPx: 100 })).toThrow(/widthPx must be .* ≥ 320/);
  });

  it("keeps ids apart for two charts on one page with idPrefix", () => {
    const svg = renderSvg(exampleChart(), { idPrefix: "left" });
    expect(svg).toContain('id="left-title"');
    expect(svg).not.toContain("tympan-");
  });
});
