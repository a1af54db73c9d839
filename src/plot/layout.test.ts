import { describe, expect, it } from "vitest";
import { chart } from "./chart.js";
import { exampleResult } from "../../test/support/exampleResult.js";
import { chartFromSimulation } from "./fromSimulation.js";
import { textWidthPx, wrap } from "./font.js";
import { layoutChart } from "./layout.js";
import { renderSvg } from "./svg.js";

describe("layoutChart", () => {
  const layout = layoutChart(chartFromSimulation(exampleResult({ points: 50 })));

  it("aligns every panel on the same plot left and width, so the frequency axes line up", () => {
    const lefts = new Set(layout.panels.map((panel) => panel.plot.x));
    const widths = new Set(layout.panels.map((panel) => panel.plot.width));
    expect(lefts.size).toBe(1);
    expect(widths.size).toBe(1);
  });

  it("stacks panels without overlap and keeps everything inside the chart", () => {
    let bottom = 0;
    for (const panel of layout.panels) {
      const legendTop = Math.min(panel.plot.y, ...panel.legend.map((item) => item.swatch.y - 6));
      expect(legendTop).toBeGreaterThan(bottom);
      bottom = panel.plot.y + panel.plot.height + 20;
    }
    expect(layout.xTitle.y).toBeGreaterThan(bottom);
    expect(layout.heightPx).toBeGreaterThan(layout.xTitle.y);
  });

  it("wraps a long subtitle inside the chart instead of cutting it off, and moves the panels down", () => {
    const subtitle =
      "a broken seal: a leak r 0.5 mm × 5 mm (docs/physics.md §4's example: with a stiff source into 1.25 cm³ the bass falls 12 dB/octave below the leak's corner), the same leak for every design";
    const base = chartFromSimulation(exampleResult({ points: 50 }));
    const short = layoutChart(base);
    const long = layoutChart(chart({ ...base, subtitle }));
    expect(long.subtitle.length).toBeGreaterThan(1);
    for (const line of long.subtitle) {
      expect(line.x + textWidthPx(line.text, line.sizePx)).toBeLessThanOrEqual(long.widthPx);
    }
    expect(long.subtitle.map((line) => line.text).join(" ")).toBe(subtitle);
    expect(long.panels[0]!.plot.y).toBeGreaterThan(short.panels[0]!.plot.y);
    expect(layoutChart(chart({ ...base, subtitle: "" })).subtitle).toEqual([]);
  });

  it("draws dotted and dashed legend swatches with round caps, as the curves are drawn", () => {
    const svg = renderSvg(
      chart({
        title: "dots",
        panels: [
          {
            yLabel: "SPL",
            yUnit: "dB",
            series: (["solid", "dashed", "dotted"] as const).map((dash) => ({
              name: dash,
              xHz: [20, 20_000],
              y: [0, 1],
              dash,
            })),
          },
        ],
      }),
    );
    const swatches = svg.match(/<path d="M[\d.]+ [\d.]+H[\d.]+"[^>]*>/g) ?? [];
    expect(swatches).toHaveLength(3);
    for (const swatch of swatches) expect(swatch).toContain('stroke-linecap="round"');
    expect(swatches[2]).toContain('stroke-dasharray="1.5 3"');
  });

  it("tells series apart past the palette's 8 colours: the second round is dashed, the third dotted", () => {
    const many = layoutChart(
      chart({
        title: "many",
        panels: [
          {
            yLabel: "SPL",
            yUnit: "dB",
            series: [
              ...Array.from({ length: 17 }, (_, i) => ({
                name: `c${i}`,
                xHz: [20, 20_000],
                y: [0, 1],
              })),
              { name: "own colour", xHz: [20, 20_000], y: [0, 1], color: "#123456" },
            ],
          },
        ],
      }),
    );
    const panel = many.panels[0]!;
    expect(panel.dashes.slice(0, 8)).toEqual(Array(8).fill("solid"));
    expect(panel.dashes.slice(8, 16)).toEqual(Array(8).fill("dashed"));
    expect(panel.dashes[16]).toBe("dotted");
    expect(panel.dashes[17]).toBe("solid");
    expect(panel.colors[8]).toBe(panel.colors[0]);
    const looks = panel.colors.map((color, s) => `${color} ${panel.dashes[s]}`);
    expect(new Set(looks).size).toBe(looks.length);
    expect(panel.legend.map((item) => item.dash)).toEqual(panel.dashes);
  });

  it("wraps a long legend onto more rows inside the plot width", () => {
    const names = Array.from({ length: 12 }, (_, i) => `measurement number ${i + 1}`);
    const wide = layoutChart(
      chart({
        title: "many",
        panels: [
          {
            yLabel: "SPL",
            yUnit: "dB",
            series: names.map((name) => ({ name, xHz: [20, 20_000], y: [0, 1] })),
          },
        ],
      }),
    );
    const panel = wide.panels[0];
    if (panel === undefined) throw new Error("no panel");
    const rows = new Set(panel.legend.map((item) => item.swatch.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const item of panel.legend) {
      const right = item.label.x + textWidthPx(item.label.text, item.label.sizePx);
      expect(right).toBeLessThanOrEqual(panel.plot.x + panel.plot.width + 0.01);
    }
    expect(panel.plot.y).toBeGreaterThan(Math.max(...rows));
  });

  it("hides y tick labels that would collide on a short panel, keeping the grid line", () => {
    const short = layoutChart(
      chart({
        title: "short",
        panels: [
          {
            yLabel: "L",
            yUnit: "dB",
            heightRatio: 0.15,
            series: [{ name: "s", xHz: [20, 20_000], y: [0, 60] }],
          },
        ],
      }),
    );
    const ticks = short.panels[0]?.yTicks ?? [];
    const labelled = ticks.filter((tick) => tick.label !== null);
    expect(labelled.length).toBeLessThan(ticks.length);
    for (let i = 1; i < labelled.length; i++) {
      expect(Math.abs((labelled[i]?.px ?? 0) - (labelled[i - 1]?.px ?? 0))).toBeGreaterThanOrEqual(
        14,
      );
    }
  });
});

describe("wrap", () => {
  it("breaks notes between words so each line fits", () => {
    const lines = wrap("one two three four five six seven eight nine ten", 80, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidthPx(line, 12)).toBeLessThanOrEqual(80);
    expect(lines.join(" ")).toBe("one two three four five six seven eight nine ten");
  });
});
