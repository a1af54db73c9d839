import { describe, expect, it } from "vitest";
import { estDistortionClaim } from "./estDistortionClaim.js";

describe("the tribrid's electrostatic tweeters, push-pull against electret, at 10 kHz", () => {
  const result = estDistortionClaim();
  const { byLevel } = result.figures;

  it("the electret's H2 is its force's (V₀ + v)²: it grows 1 dB per dB of level, and dominates", () => {
    // H2/H1 of the force is v̂/(4V₀): +20 dB of level gives +20 dB of H2 re the fundamental.
    expect(byLevel[114]!.electret.h2Db - byLevel[94]!.electret.h2Db).toBeGreaterThan(18);
    expect(byLevel[114]!.electret.h2Db - byLevel[94]!.electret.h2Db).toBeLessThan(22);
    for (const level of [94, 114])
      expect(byLevel[level]!.electret.h2Db).toBeGreaterThan(byLevel[level]!.electret.h3Db);
  });

  it("push-pull has no electrostatic distortion: what is left is the other drivers', far below", () => {
    for (const level of [94, 114]) {
      expect(byLevel[level]!["push-pull"].h2Db).toBeLessThan(byLevel[level]!.electret.h2Db - 30);
      expect(byLevel[level]!["push-pull"].thdPercent).toBeLessThan(
        byLevel[level]!.electret.thdPercent / 30,
      );
    }
    expect(result.holds).toBe(true);
    console.log(result.summary);
  });
});
