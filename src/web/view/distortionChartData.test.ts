import { describe, expect, it } from "vitest";
import type { DistortionView } from "../worker/protocol.js";
import {
  distortionCaption,
  distortionChart,
  formatPercent,
  parseLevel,
} from "./distortionChartData.js";

const view: DistortionView = {
  frequencyHz: [20, 100, 1000, 10_000],
  probeId: "drum",
  levelDb: 94,
  voltageRms: 0.0357,
  linear: false,
  thdPercent: [2.5, 0.31, 0.0897, null],
  h2Percent: [2.4, 0.3, 0.08, null],
  h3Percent: [0.5, 0.05, 0.01, null],
  thdAt1kHzPercent: 0.0897,
  warnings: [],
};

describe("the distortion view model", () => {
  it("charts THD, H2 and H3 in columns on the sweep", () => {
    const chart = distortionChart(view);
    expect(chart.series.map((s) => s.label)).toEqual(["THD (%)", "H2 (%)", "H3 (%)"]);
    expect(chart.data).toEqual([view.frequencyHz, view.thdPercent, view.h2Percent, view.h3Percent]);
  });

  it("says THD at 1 kHz and the highest THD in words", () => {
    expect(distortionCaption(view)).toBe(
      "THD at 1 kHz: 0.0897 % at 94 dB SPL at the drum (1 kHz); highest 2.5 % at 20 Hz (35.7 mV rms drive).",
    );
    expect(formatPercent(12.345)).toBe("12.3 %");
  });

  it("says a linear design is linear instead of quoting a number", () => {
    const caption = distortionCaption({ ...view, linear: true });
    expect(caption).toMatch(/^This design is linear/);
    expect(caption).not.toMatch(/%/);
  });

  it("accepts a level from 40 to 130 dB and says what to type otherwise", () => {
    expect(parseLevel("114")).toEqual({ levelDb: 114 });
    expect(parseLevel("94.5")).toEqual({ levelDb: 94.5 });
    for (const text of ["", "abc", "200", "-5", "Infinity"]) {
      expect(parseLevel(text)).toEqual({ message: expect.stringMatching(/40 to 130/) });
    }
  });
});
