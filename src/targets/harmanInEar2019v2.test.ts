import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { itWithSharedData, sharedDataFile } from "../../test/support/sharedData.js";
import { harmanInEar2019v2 } from "./harmanInEar2019v2.js";

const csvPath = sharedDataFile("targets/harman_in-ear_2019v2.csv");

/** Value at the grid point nearest `frequencyHz` in log f: how the published landmarks are read. */
function atNearest(frequencyHz: number): number {
  const { frequencyHz: grid, values } = harmanInEar2019v2;
  let best = 0;
  grid.forEach((f, i) => {
    const distance = Math.abs(Math.log(f / frequencyHz));
    if (distance < Math.abs(Math.log((grid[best] as number) / frequencyHz))) best = i;
  });
  return values[best] as number;
}

describe("harmanInEar2019v2", () => {
  it("is a named response curve of 695 points on the AutoEq grid 20·1.01^i (two decimals)", () => {
    expect(harmanInEar2019v2.kind).toBe("response");
    expect(harmanInEar2019v2.name).toBe("Harman in-ear 2019 v2");
    expect(harmanInEar2019v2.frequencyHz).toHaveLength(695);
    expect(harmanInEar2019v2.values).toHaveLength(695);
    harmanInEar2019v2.frequencyHz.forEach((f, i) => {
      expect(Math.abs(f - 20 * 1.01 ** i)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  itWithSharedData("equals ../shared/data/targets/harman_in-ear_2019v2.csv row by row", () => {
    const lines = readFileSync(csvPath, "utf8").trim().split(/\r?\n/);
    expect(lines[0]).toBe("frequency,raw");
    const rows = lines.slice(1);
    expect(rows).toHaveLength(harmanInEar2019v2.frequencyHz.length);
    rows.forEach((line, i) => {
      const [frequency, raw] = line.split(",").map(Number);
      expect(harmanInEar2019v2.frequencyHz[i], `row ${i + 2} frequency`).toBe(frequency);
      expect(harmanInEar2019v2.values[i], `row ${i + 2} raw`).toBe(raw);
    });
  });

  it("has the published landmarks at the nearest grid points", () => {
    expect(atNearest(20)).toBe(7.61);
    expect(atNearest(100)).toBe(2.79);
    expect(atNearest(300)).toBe(-1.71);
    expect(atNearest(1000)).toBe(-0.01);
    expect(atNearest(3200)).toBe(9.42);
    expect(atNearest(10_000)).toBe(-0.87);
    expect(atNearest(20_000)).toBe(-20.61);
  });

  it("has its minimum below 1 kHz (−1.71) on a plateau around 300 Hz, its peak (+9.42) around 3.2 kHz", () => {
    const { frequencyHz, values } = harmanInEar2019v2;
    const where = (value: number) => frequencyHz.filter((_, i) => values[i] === value);
    const below1k = values.filter((_, i) => (frequencyHz[i] as number) < 1000);
    expect(Math.min(...below1k)).toBe(-1.71);
    const minimum = where(-1.71);
    expect(minimum[0]).toBeLessThanOrEqual(300);
    expect(minimum[minimum.length - 1]).toBeGreaterThanOrEqual(300);
    expect(Math.max(...values)).toBe(9.42);
    const peak = where(9.42);
    expect(peak[0]).toBeLessThanOrEqual(3200);
    expect(peak[peak.length - 1]).toBeGreaterThanOrEqual(3200);
  });

  it("is immutable", () => {
    expect(Object.isFrozen(harmanInEar2019v2)).toBe(true);
    expect(Object.isFrozen(harmanInEar2019v2.values)).toBe(true);
    expect(Object.isFrozen(harmanInEar2019v2.frequencyHz)).toBe(true);
  });
});
