import { describe, expect, it } from "vitest";
import {
  damperClaim,
  driverClaim,
  estClaim,
  impedanceClaim,
  scoreClaim,
  sealClaim,
} from "./claims.js";

/*
 * The buyer's guides' claims, each a test on the reference designs (issue 3). The bars are the issue's; the
 * figures are printed by `npm start`'s report and quoted in the README.
 */
describe("the buyer's guides' claims on the reference designs", () => {
  it("1. a broken seal costs the sealed BA and planar designs ≥ 10 dB more bass at 50 Hz than the vented DD", () => {
    const { figures, holds } = sealClaim();
    expect(
      figures.lossAt50HzDb["single-ba"]! - figures.lossAt50HzDb["single-dd"]!,
    ).toBeGreaterThanOrEqual(10);
    expect(
      figures.lossAt50HzDb.planar! - figures.lossAt50HzDb["single-dd"]!,
    ).toBeGreaterThanOrEqual(10);
    expect(holds).toBe(true);
  });

  it("2. removing the tribrid's ESTs changes < 0.5 dB below 5 kHz and > 3 dB somewhere above 10 kHz", () => {
    const { figures, holds } = estClaim();
    expect(figures.largestChangeBelow5kHzDb).toBeLessThan(0.5);
    expect(figures.largestDropAbove10kHzDb).toBeGreaterThan(3);
    expect(figures.dropAtHz).toBeGreaterThan(10_000);
    expect(holds).toBe(true);
  });

  it("3. BA impedance rises, planar impedance is flat within ±10 %, a DD shows its resonance peak", () => {
    const { figures, holds } = impedanceClaim();
    expect(figures.baRatio10kTo1k).toBeGreaterThan(2);
    expect(figures.planarDeviationPercent).toBeLessThanOrEqual(10);
    expect(figures.ddPeakOverMinimum).toBeGreaterThan(1.1);
    expect(holds).toBe(true);
  });

  it("4. the damper lowers single-ba's main resonance peak by ≥ 5 dB and leaves the bass alone", () => {
    const { figures, holds } = damperClaim();
    expect(figures.peakReductionDb).toBeGreaterThanOrEqual(5);
    expect(figures.largestBassChangeDb).toBeLessThan(0.5);
    expect(holds).toBe(true);
  });

  it("5. a 10 mm driver needs less excursion than a 6 mm one; beryllium breaks up above PET", () => {
    const { figures, holds } = driverClaim();
    expect(figures.excursion6mmOver10mm).toBeGreaterThan(1);
    expect(figures.breakupBerylliumHz).toBeGreaterThan(figures.breakupPetHz);
    expect(holds).toBe(true);
  });

  it("6. a badly tuned many-driver variant scores below the single DD", () => {
    const { figures, holds } = scoreClaim();
    expect(figures.badlyTuned7baPpr).toBeLessThan(figures.singleDdPpr);
    expect(holds).toBe(true);
  });
});
