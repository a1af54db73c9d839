import { describe, expect, it } from "vitest";
import { compareCurves } from "../analysis/compareCurves.js";
import type { Curve } from "../core/curve.js";
import { chart } from "./chart.js";
import { comparisonChart } from "./comparisonChart.js";
import { renderSvg } from "./svg.js";

function curve(name: string, dB: (f: number) => number): Curve {
  const frequencyHz = Array.from({ length: 100 }, (_, i) => 10 * 2200 ** (i / 99));
  return { kind: "response", frequencyHz, values: frequencyHz.map(dB), name };
}
const target = curve("Target", () => 70);

describe("comparisonChart(comparison)", () => {
  it("draws the curves, the shares dotted, the target dashed grey, and the deviations", () => {
    const comparison = compareCurves(
      [
        { label: "a.csv", curve: curve("A", (f) => 80 + Math.log2(f)) },
        { label: "d", curve: curve("D", () => 90), shares: [curve("D (drum/tweeter)", () => 80)] },
      ],
      { target, baseline: 0 },
    );
    const options = comparisonChart(comparison);
    const [levels, deviations] = options.panels;
    expect(levels!.series.map((s) => [s.name, s.dash ?? "solid"])).toEqual([
      [comparison.curves[0]!.legend, "solid"],
      [comparison.curves[1]!.legend, "solid"],
      ["D (drum/tweeter)", "dotted"],
      ["Target", "dashed"],
    ]);
    expect(levels!.series[3]!.color).toBe("#666666");
    expect(deviations!.series[1]!.y).toBe(comparison.curves[1]!.deviationDb);
    expect(options.title).toBe(`Relative to ${comparison.curves[0]!.legend}`);
    expect(options.subtitle).toBe("normalised to 0 dB at 500 Hz");
  });

  it("escapes hostile curve names in the SVG", () => {
    const comparison = compareCurves(
      [{ label: "x.csv", curve: curve('<script>alert("x")</script>', () => 80) }],
      { target: { ...target, name: "a & b" } },
    );
    const svg = renderSvg(chart(comparisonChart(comparison)));
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain("a &amp; b");
  });
});
