import { describe, expect, it } from "vitest";
import { THRESHOLD_AT_711_DRUM, thresholdAtDrumDb } from "./hearingThreshold.js";

describe("the threshold of hearing at the 711 drum (ISO 389-2 insert-earphone RETSPL)", () => {
  it("returns the tabulated values at their frequencies", () => {
    expect(thresholdAtDrumDb(125)).toBeCloseTo(28.0, 9);
    expect(thresholdAtDrumDb(1000)).toBeCloseTo(5.5, 9);
    expect(thresholdAtDrumDb(4000)).toBeCloseTo(15.0, 9);
    expect(thresholdAtDrumDb(8000)).toBeCloseTo(15.5, 9);
  });

  it("interpolates linearly in log f between table rows", () => {
    // Halfway (in log f) between 2000 Hz (11.5) and 2500 Hz (13.5).
    expect(thresholdAtDrumDb(Math.sqrt(2000 * 2500))).toBeCloseTo(12.5, 9);
  });

  it("is lowest around 0.8–1 kHz and rises towards the bass, as hearing does", () => {
    const lowest = Math.min(...THRESHOLD_AT_711_DRUM.map((row) => row.db));
    expect(lowest).toBe(5.5);
    expect(thresholdAtDrumDb(125)! - lowest).toBeGreaterThan(20);
  });

  it("is undefined outside 125 Hz–8 kHz (no extrapolation), but covers the exact band centres", () => {
    expect(thresholdAtDrumDb(100)).toBeUndefined();
    expect(thresholdAtDrumDb(10000)).toBeUndefined();
    // The 8 kHz band's exact centre, 7943 Hz, lies just below the last row: interpolated, not dropped.
    expect(thresholdAtDrumDb(1000 * 10 ** 0.9)).toBeCloseTo(15.51, 2);
  });
});
