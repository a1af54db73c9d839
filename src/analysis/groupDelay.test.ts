import { describe, expect, it } from "vitest";
import { groupDelaySeconds, unwrapDegrees } from "./groupDelay.js";

const grid = Array.from({ length: 60 }, (_, i) => 20 * 1000 ** (i / 59));
const wrap = (deg: number) => ((((deg + 180) % 360) + 360) % 360) - 180;

describe("groupDelaySeconds", () => {
  it("of a pure 50 µs delay (wrapped phase −360·f·τ) is 50 µs within 0.5 % inside the grid", () => {
    const tau = 50e-6;
    const phase = grid.map((f) => wrap(-360 * f * tau));
    const delays = groupDelaySeconds(grid, phase);
    for (const delay of delays.slice(1, -1))
      expect(Math.abs(delay - tau) / tau).toBeLessThan(0.005);
  });

  it("of a first-order low-pass at 1 kHz matches 1/(2πfc)/(1 + (f/fc)²) within 0.5 % inside", () => {
    const fc = 1000;
    const phase = grid.map((f) => (-Math.atan(f / fc) * 180) / Math.PI);
    const delays = groupDelaySeconds(grid, phase);
    grid.slice(1, -1).forEach((f, j) => {
      const i = j + 1;
      const exact = 1 / (2 * Math.PI * fc) / (1 + (f / fc) ** 2);
      expect(Math.abs(delays[i]! - exact) / exact).toBeLessThan(0.005);
    });
  });

  it("gives zeros for fewer than two points", () => {
    expect(groupDelaySeconds([1000], [10])).toEqual([0]);
  });
});

describe("unwrapDegrees", () => {
  it("removes 360° jumps", () => {
    expect(unwrapDegrees([170, -170, -150, 170])).toEqual([170, 190, 210, 170]);
  });
});
