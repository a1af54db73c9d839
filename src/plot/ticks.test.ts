import { describe, expect, it } from "vitest";
import { fitDomain, formatTick, linearTicks, logTicks, niceStep, scale } from "./ticks.js";

describe("logTicks", () => {
  it("logTicks(20, 20000) labels the 1-2-5 frequencies reviewers read", () => {
    const { major, minor } = logTicks(20, 20_000);
    expect(major.map(formatTick)).toEqual([
      "20",
      "50",
      "100",
      "200",
      "500",
      "1k",
      "2k",
      "5k",
      "10k",
      "20k",
    ]);
    expect(minor).toEqual([
      30, 40, 60, 70, 80, 90, 300, 400, 600, 700, 800, 900, 3000, 4000, 6000, 7000, 8000, 9000,
    ]);
  });

  it("keeps only powers of ten as majors beyond 3 decades, and every multiple below 1 decade", () => {
    expect(logTicks(0.1, 1000).major).toEqual([0.1, 1, 10, 100, 1000]);
    expect(logTicks(30, 60).major).toEqual([30, 40, 50, 60]);
  });

  it("produces exact decimal values below 1 (no 0.30000000000000004)", () => {
    expect(logTicks(0.1, 1).minor).toEqual([0.3, 0.4, 0.6, 0.7, 0.8, 0.9]);
  });
});

describe("linearTicks", () => {
  it("steps by 1, 2 or 5 × 10ⁿ and prints without float noise", () => {
    expect(linearTicks(60, 110).major).toEqual([60, 70, 80, 90, 100, 110]);
    expect(linearTicks(-0.3, 0.3).major).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect([niceStep(0.7), niceStep(1.1), niceStep(3), niceStep(7)]).toEqual([1, 2, 5, 10]);
  });
});

describe("fitDomain", () => {
  it("fits dB data on tick values and honours a minimum span", () => {
    expect(fitDomain("linear", 71.3, 104.2, 0)).toEqual([70, 110]);
    expect(fitDomain("linear", 71.3, 104.2, 40)).toEqual([60, 110]);
    expect(fitDomain("linear", 99.9, 100.1, 40)).toEqual([80, 120]);
  });

  it("fits log data on 1-2-5 values and gives a flat curve room", () => {
    expect(fitDomain("log", 8.1, 96, 0)).toEqual([5, 100]);
    expect(fitDomain("log", 32, 32, 0)).toEqual([20, 50]);
  });

  it("gives a constant linear series a span instead of a zero-height axis", () => {
    const [lo, hi] = fitDomain("linear", 5, 5, 0);
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
  });
});

describe("formatTick", () => {
  it("uses a k suffix from 1000 and a typographic minus", () => {
    expect([1000, 2500, 20_000, 500, 0.5, -10, 0].map(formatTick)).toEqual([
      "1k",
      "2.5k",
      "20k",
      "500",
      "0.5",
      "−10",
      "0",
    ]);
  });
});

describe("scale", () => {
  it("a log scale puts each decade at equal width and inverts", () => {
    const x = scale("log", [20, 20_000], [0, 300]);
    expect(x.toPx(20)).toBeCloseTo(0, 9);
    expect(x.toPx(200)).toBeCloseTo(100, 9);
    expect(x.toPx(20_000)).toBeCloseTo(300, 9);
    expect(x.fromPx(150)).toBeCloseTo(Math.sqrt(20 * 20_000), 6);
  });

  it("a y scale maps the bottom of the domain to the larger pixel", () => {
    const y = scale("linear", [60, 110], [400, 100]);
    expect(y.toPx(60)).toBeCloseTo(400, 9);
    expect(y.toPx(110)).toBeCloseTo(100, 9);
    expect(y.fromPx(250)).toBeCloseTo(85, 9);
  });
});
