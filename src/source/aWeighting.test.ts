import { describe, expect, it } from "vitest";
import { aWeightingDb, aWeightingGain } from "./aWeighting.js";

describe("A-weighting (IEC 61672-1)", () => {
  // IEC 61672-1:2013 Table 3, design goals at nominal frequencies (given to 0.1 dB). The nominal
  // frequencies are rounded from the exact base-10 ones, so compare at the exact 10^(n/10) values.
  const table: [number, number][] = [
    [10, -70.4],
    [20, -50.5],
    [31.5, -39.4],
    [63, -26.2],
    [100, -19.1],
    [125, -16.1],
    [250, -8.6],
    [500, -3.2],
    [1000, 0],
    [2000, 1.2],
    [4000, 1.0],
    [8000, -1.1],
    [10000, -2.5],
    [16000, -6.6],
    [20000, -9.3],
  ];
  const exact = (nominal: number) =>
    1000 * 10 ** (Math.round(10 * Math.log10(nominal / 1000)) / 10);

  it.each(table)("at %s Hz is %s dB (table rounding: ±0.06 dB)", (nominal, expected) => {
    expect(Math.abs(aWeightingDb(exact(nominal)) - expected)).toBeLessThan(0.06);
  });

  it("is 0 dB at 1 kHz and its gain is the dB value's ratio", () => {
    expect(aWeightingDb(1000)).toBe(0);
    expect(20 * Math.log10(aWeightingGain(3000))).toBeCloseTo(aWeightingDb(3000), 12);
  });

  it("peaks near 2.5 kHz at about +1.27 dB and rises 24 dB/octave far below 20 Hz", () => {
    let best = 0;
    for (let f = 1000; f < 5000; f += 5) best = Math.max(best, aWeightingDb(f));
    expect(best).toBeGreaterThan(1.2);
    expect(best).toBeLessThan(1.35);
    // Four zeros at the origin: 24 dB per octave far below f₁.
    expect(aWeightingDb(1) - aWeightingDb(0.5)).toBeCloseTo(24.08, 1);
  });
});
