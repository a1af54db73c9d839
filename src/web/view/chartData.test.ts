import { describe, expect, it } from "vitest";
import type { DesignView, GraphView } from "../worker/protocol.js";
import { impedanceChart, phaseChart, responseChart } from "./designChartData.js";
import { graphChart, legendLabel } from "./graphChartData.js";

const view: DesignView = {
  frequencyHz: [100, 1000],
  probeId: "drum",
  splDb: [100, 110],
  shares: [{ id: "woofer", db: [99, 90] }],
  impedance: { magnitudeOhm: [20, 30], phaseDeg: [5, -5] },
  phaseDeg: [0, -10],
  groupDelayMs: [0.2, 0.1],
  targetDb: [101, 109],
  targetName: "Harman in-ear 2019 v2",
  warnings: [],
};

describe("designer charts", () => {
  it("response: total, each share, then the target, as uPlot columns", () => {
    const chart = responseChart(view);
    expect(chart.series.map((s) => s.label)).toEqual([
      "drum (total)",
      "woofer",
      "Harman in-ear 2019 v2",
    ]);
    expect(chart.data).toEqual([
      [100, 1000],
      [100, 110],
      [99, 90],
      [101, 109],
    ]);
    // 50 dB below the loudest point, in 5 dB steps.
    expect(chart.yRange).toEqual([60, 115]);
  });

  it("impedance magnitude and phase on two axes; none without a source", () => {
    expect(impedanceChart(view)?.series[1]?.scale).toBe("y2");
    expect(
      impedanceChart({ ...view, impedance: undefined } as unknown as DesignView),
    ).toBeUndefined();
  });

  it("phase with group delay on the right axis", () => {
    const chart = phaseChart(view);
    expect(chart.data).toHaveLength(3);
    expect(chart.y2Range).toEqual([-1, 1]);
  });
});

describe("graph chart", () => {
  const graph: GraphView = {
    frequencyHz: [100, 1000],
    curves: [
      { id: "a", name: "A", db: [60, null], rating: 87.25 },
      { id: "design:current", name: "design", db: [61, 62] },
    ],
    target: { name: "target", db: [60, 60] },
  };

  it("uses each measurement's colour and visibility, rating in the label", () => {
    const chart = graphChart(graph, [
      {
        id: "a",
        fileName: "a.txt",
        curve: { name: "A", kind: "response", frequencyHz: [], values: [] },
        hidden: true,
        color: "#123456",
      },
    ]);
    expect(chart.series[0]).toMatchObject({
      label: "A — rating 87.3",
      color: "#123456",
      show: false,
    });
    expect(chart.series.at(-1)?.label).toBe("target");
    expect(chart.data[1]).toEqual([60, null]);
  });

  it("shades an L/R average's imbalance bands in its colour, and none while it is hidden", () => {
    const average = {
      id: "a",
      fileName: "a L.txt + a R.txt",
      curve: { name: "A", kind: "response" as const, frequencyHz: [], values: [] },
      hidden: false,
      color: "#0072B2",
      imbalanceBands: [{ fromHz: 5100, toHz: 7400, maxDb: 3.1 }],
    };
    expect(graphChart(graph, [average]).bands).toEqual([
      { fromHz: 5100, toHz: 7400, color: "#0072B22e" },
    ]);
    expect(graphChart(graph, [{ ...average, hidden: true }]).bands).toEqual([]);
  });

  it("legendLabel leaves the rating out when there is none", () => {
    expect(legendLabel("x", undefined)).toBe("x");
  });
});
