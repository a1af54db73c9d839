import { describe, expect, it } from "vitest";
import { thirdOctaveBands } from "./thirdOctaveBands.js";

describe("one-third-octave bands (IEC 61260-1, base 10)", () => {
  it("lists 125 Hz–8 kHz as 19 bands with exact centres near their nominal names", () => {
    const bands = thirdOctaveBands(125, 8000);
    expect(bands.map((b) => b.nominalHz)).toEqual([
      125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000,
      6300, 8000,
    ]);
    for (const band of bands) {
      expect(Math.abs(band.centreHz / band.nominalHz - 1)).toBeLessThan(0.03);
    }
    expect(bands.find((b) => b.nominalHz === 1000)!.centreHz).toBe(1000);
  });

  it("has contiguous bands, each 10^(1/10) wide (≈ 0.23 of its centre frequency)", () => {
    const bands = thirdOctaveBands(20, 20000);
    expect(bands).toHaveLength(31);
    for (let i = 1; i < bands.length; i++) {
      expect(bands[i]!.lowerHz).toBeCloseTo(bands[i - 1]!.upperHz, 9);
    }
    const band = bands[0]!;
    expect(band.upperHz / band.lowerHz).toBeCloseTo(10 ** 0.1, 12);
    expect((band.upperHz - band.lowerHz) / band.centreHz).toBeCloseTo(0.2308, 4);
  });
});
