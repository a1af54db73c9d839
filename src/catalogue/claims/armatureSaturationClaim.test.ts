import { describe, expect, it } from "vitest";
import {
  ARMATURE_CLAIM_LEVELS_DB,
  ARMATURE_CLAIM_THD_LIMITS,
  CUBIC_THREE_TO_TEN_DB,
  armatureSaturationClaim,
} from "./armatureSaturationClaim.js";

describe("a balanced armature pushed to its limit (single-ba)", () => {
  const result = armatureSaturationClaim();
  const { frequencyHz, thdPercent, maxLevelDb } = result.figures;

  it("at low level THD grows between the H2 law (×√10 per 10 dB) and the H3 law (×10 per 10 dB)", () => {
    // 94 → 104 dB: the tip's 1 % offset gives some H2 (∝ x), the symmetric magnet and saturation
    // H3 (∝ x²); THD must grow between the two laws.
    expect(ARMATURE_CLAIM_LEVELS_DB.slice(0, 2)).toEqual([94, 104]);
    frequencyHz.forEach((_, j) => {
      const growth = thdPercent[j]![1]! / thdPercent[j]![0]!;
      expect(growth).toBeGreaterThan(Math.sqrt(10));
      expect(growth).toBeLessThan(10);
    });
  });

  it("the level at 1, 3 and 10 % THD rises with the limit, and 3 → 10 % takes fewer dB than a cubic alone", () => {
    frequencyHz.forEach((_, j) => {
      const levels = ARMATURE_CLAIM_THD_LIMITS.map((limit) => maxLevelDb[limit]![j]!);
      expect(levels[0]).toBeLessThan(levels[1]!);
      expect(levels[1]).toBeLessThan(levels[2]!);
      expect(result.figures.limitedBy[10]![j]).toBe("thd");
      expect(result.figures.threeToTenPercentDb[j]).toBeLessThan(CUBIC_THREE_TO_TEN_DB);
      // The THD at 114 dB sits between the levels found for the limits around it.
      const at114 = thdPercent[j]![2]!;
      const below = ARMATURE_CLAIM_THD_LIMITS.filter((limit) => limit < at114);
      const above = ARMATURE_CLAIM_THD_LIMITS.filter((limit) => limit > at114);
      if (below.length > 0) expect(maxLevelDb[below[below.length - 1]!]![j]!).toBeLessThan(114);
      if (above.length > 0) expect(maxLevelDb[above[0]!]![j]!).toBeGreaterThan(114);
    });
    expect(result.holds).toBe(true);
  });

  it("names the mechanism whose THD alone is the larger: the magnet's pull for this receiver", () => {
    frequencyHz.forEach((_, j) => {
      const magnet = result.figures.magnetOnlyThdPercent[j]!;
      const saturation = result.figures.saturationOnlyThdPercent[j]!;
      expect(result.figures.limitingMechanism[j]).toBe(
        magnet > saturation ? "magnet's pull" : "armature saturation",
      );
      expect(magnet).toBeGreaterThan(0);
      expect(saturation).toBeGreaterThan(0);
    });
    expect(result.figures.limitingMechanism).toEqual(["magnet's pull", "magnet's pull"]);
    console.log(result.summary);
  });
});
