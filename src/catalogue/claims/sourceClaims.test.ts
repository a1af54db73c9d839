import { describe, expect, it } from "vitest";
import { dampingClaim, fitClaim, hissClaim, voltageClaim } from "./sourceClaims.js";

describe("the buyer's guides' source-and-fit claims on the reference designs", () => {
  it("a noisy phone hisses audibly through quad-ba (and hybrid-1dd-7ba) but not through the planar", () => {
    const { holds, figures } = hissClaim();
    expect(holds).toBe(true);
    expect(figures.noiseMicrovoltsA).toBe(15);
    expect(figures.marginDb["quad-ba"]).toBeCloseTo(5.2, 1);
    expect(figures.marginDb["hybrid-1dd-7ba"]).toBeCloseTo(14.6, 1);
    expect(figures.marginDb.planar).toBeCloseTo(-3.5, 1);
    // The window of phone noise for which the claim holds: between the two onsets.
    expect(figures.audibleAboveMicrovoltsA["quad-ba"]).toBeCloseTo(8.3, 1);
    expect(figures.audibleAboveMicrovoltsA.planar).toBeCloseTo(22.6, 1);
  });

  it("the planar needs 3.3× the quad-ba's voltage for 110 dB SPL", () => {
    const { holds, figures } = voltageClaim();
    expect(holds).toBe(true);
    expect(figures.planarOverMultiBa).toBeCloseTo(3.33, 2);
    expect(figures.voltageVrms.planar).toBeCloseTo(0.903, 3);
    expect(figures.voltageVrms["quad-ba"]).toBeCloseTo(0.271, 3);
  });

  it("a 10 Ω source reshapes quad-ba by 1.06 dB and hybrid-1dd-7ba by 1.98 dB, the planar by 0.01 dB", () => {
    const { holds, figures } = dampingClaim();
    expect(holds).toBe(true);
    expect(figures.spreadDb["quad-ba"]).toBeCloseTo(1.06, 2);
    expect(figures.spreadDb["hybrid-1dd-7ba"]).toBeCloseTo(1.98, 2);
    expect(figures.spreadDb.planar).toBeLessThan(0.02);
  });

  it("a broken seal costs single-ba and quad-ba ≈ 13 dB more bass at 50 Hz than single-dd", () => {
    const { holds, figures } = fitClaim();
    expect(holds).toBe(true);
    expect(figures.lossAt50HzDb["single-ba"]).toBeCloseTo(36.4, 1);
    expect(figures.lossAt50HzDb["quad-ba"]).toBeCloseTo(35.5, 1);
    expect(figures.lossAt50HzDb["single-dd"]).toBeCloseTo(22.6, 1);
    expect(figures.gapDb).toBeCloseTo(12.9, 1);
    // A shallow fit: the same order, smaller losses.
    expect(figures.shallowLossAt50HzDb["quad-ba"]).toBeGreaterThan(
      figures.shallowLossAt50HzDb["single-dd"]! + 5,
    );
  });
});
