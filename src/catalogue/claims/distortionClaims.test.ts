import { describe, expect, it } from "vitest";
import { DISTORTION_CLAIM_FREQUENCIES, ddVersusAllBaClaim } from "./distortionClaims.js";

describe("the guides' distortion claims on the reference designs", () => {
  const result = ddVersusAllBaClaim();
  const thd = (level: number, design: string, hz: number) =>
    result.figures.thdPercent[level]![design]![DISTORTION_CLAIM_FREQUENCIES.indexOf(hz)]!;

  it("a single DD distorts more than the all-BA quad at 94 dB, in the bass most (its excursion)", () => {
    expect(result.figures.ddHigherAtHz[94]!.length).toBeGreaterThan(
      DISTORTION_CLAIM_FREQUENCIES.length / 2,
    );
    expect(thd(94, "single-dd", 20)).toBeGreaterThan(5 * thd(94, "quad-ba", 20));
    expect(thd(94, "single-dd", 100)).toBeGreaterThan(thd(94, "quad-ba", 100));
  });

  it("at 114 dB the BAs' magnets (H3 growing as x²) overtake the DD in the mids: as stated, it does not hold", () => {
    expect(thd(114, "quad-ba", 1000)).toBeGreaterThan(thd(114, "single-dd", 1000));
    expect(thd(114, "single-dd", 20)).toBeGreaterThan(thd(114, "quad-ba", 20));
    expect(result.holds).toBe(false);
  });

  it("prints the figures for the report", () => {
    console.log(result.summary);
    expect(result.summary).toContain("at 94 dB");
  });
});
