import { describe, expect, it } from "vitest";
import { OPPOSED_PAIR_LEVEL_DB, opposedPairClaim } from "./opposedPairClaim.js";

/*
 * The opposed pair against a single driver at the same SPL (114 dB in 2 cm³), the mechanism
 * checked by the scaling laws of weak nonlinearity, not by the figures' values.
 */
describe("an opposed pair against a single driver at the same SPL (114 dB in 2 cm³)", () => {
  const result = opposedPairClaim();
  const { single, "aligned pair": aligned, "reversed pair": reversed } = result.figures.variants;

  it("sets every arrangement to the same level", () => {
    for (const variant of [single, aligned, reversed])
      expect(variant.fundamentalDb).toBeCloseTo(OPPOSED_PAIR_LEVEL_DB, 2);
    // Each driver of the pair pushes on the same pressure with the same cone: the same force, so
    // the same current and, in parallel, about the same drive (a little less: half the excursion
    // into its own suspension).
    expect(aligned.voltageRms / single.voltageRms).toBeGreaterThan(0.9);
    expect(aligned.voltageRms / single.voltageRms).toBeLessThanOrEqual(1);
  });

  it("the pair, each driver moving half as far, lowers H2 by about 6 dB and H3 by about 12 dB", () => {
    // Weak nonlinearity: the kth harmonic relative to the fundamental scales as x^(k−1).
    const h2Drop = single.relativeDb["2"]! - aligned.relativeDb["2"]!;
    const h3Drop = single.relativeDb["3"]! - aligned.relativeDb["3"]!;
    expect(h2Drop).toBeGreaterThan(5);
    expect(h2Drop).toBeLessThan(7);
    expect(h3Drop).toBeGreaterThan(10);
    expect(h3Drop).toBeLessThan(14);
    expect(result.figures.excursionFactor).toBeGreaterThan(1.8);
  });

  it("reversing one motor cancels the even orders; the odd ones stay, within a few dB", () => {
    expect(reversed.relativeDb["2"]!).toBeLessThan(aligned.relativeDb["2"]! - 60);
    expect(reversed.relativeDb["4"]!).toBeLessThan(aligned.relativeDb["4"]! - 60);
    // The aligned pair's H3 also holds second-order terms acting on each other (bl1·x·i₂, …),
    // which cancel with the even orders: so the two H3 differ by a few dB, not more.
    expect(Math.abs(reversed.relativeDb["3"]! - aligned.relativeDb["3"]!)).toBeLessThan(6);
    expect(result.figures.cancellationFactor).toBeGreaterThan(10);
  });

  it("the cancellation wins for this H2-dominated driver, and the claim holds", () => {
    expect(single.relativeDb["2"]!).toBeGreaterThan(single.relativeDb["3"]!);
    expect(result.figures.winner).toBe("even-order cancellation");
    expect(result.holds).toBe(true);
    console.log(result.summary);
  });
});
