import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { axisTitle, chart, CHART_DEFAULTS, tryChart, type ChartOptions } from "./chart.js";

const minimal: ChartOptions = {
  title: "t",
  panels: [
    { yLabel: "SPL", yUnit: "dB re 20 µPa", series: [{ name: "a", xHz: [20, 200], y: [1, 2] }] },
  ],
};

describe("chart", () => {
  it("chart(options) fills every default and stays JSON-serialisable", () => {
    const resolved = chart(minimal);
    expect(resolved.xRangeHz).toEqual(CHART_DEFAULTS.xRangeHz);
    expect(resolved.notes).toEqual([]);
    expect(resolved.panels[0]).toMatchObject({ yScale: "linear", yRange: null, heightRatio: 1 });
    expect(resolved.panels[0]?.series[0]).toMatchObject({ dash: "solid", color: null });
    expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
    expect(chart(resolved)).toEqual(resolved);
  });

  it("tryChart reports every problem at once, each with a path", () => {
    const result = tryChart({
      title: "bad",
      xRangeHz: [0, 20_000],
      panels: [
        {
          yLabel: "|Z|",
          yUnit: "Ω",
          yScale: "log",
          yRange: [0, 100],
          series: [
            { name: "short", xHz: [20, 30, 40], y: [1, 2] },
            { name: "dc", xHz: [0, 30], y: [1, 2] },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["invalid-range", ["xRangeHz"]],
      ["invalid-range", ["panels", 0, "yRange"]],
      ["series-length-mismatch", ["panels", 0, "series", 0]],
      ["invalid-frequency", ["panels", 0, "series", 1, "xHz", 0]],
    ]);
    expect(result.issues[2]?.message).toContain('series "short" has 3 frequencies but 2 values');
  });

  it("chart() throws one TympanError for a chart without panels", () => {
    expect(() => chart({ title: "empty", panels: [] })).toThrow(TympanError);
    expect(() => chart({ title: "empty", panels: [] })).toThrow(/at least one panel/);
  });

  it("warns about values that will be gaps: non-finite, and ≤ 0 on a log axis", () => {
    const result = tryChart({
      title: "gaps",
      panels: [
        {
          yLabel: "L",
          yUnit: "dB",
          series: [{ name: "s", xHz: [20, 40, 80], y: [1, NaN, -Infinity] }],
        },
        {
          yLabel: "Z",
          yUnit: "Ω",
          yScale: "log",
          series: [{ name: "z", xHz: [20, 40], y: [0, 8] }],
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ["points-not-plotted", ["panels", 0, "series", 0, "y"]],
      ["points-not-plotted", ["panels", 1, "series", 0, "y"]],
    ]);
    expect(result.warnings[0]?.message).toContain("2 value(s)");
    expect(result.warnings[0]?.message).toContain("at 40 Hz");
  });

  it("axisTitle puts the unit in parentheses, and leaves it out when empty", () => {
    expect(axisTitle({ yLabel: "SPL", yUnit: "dB re 20 µPa" })).toBe("SPL (dB re 20 µPa)");
    expect(axisTitle({ yLabel: "Coherence", yUnit: "" })).toBe("Coherence");
  });
});
