import { describe, expect, it } from "vitest";
import { SEAL_SCENARIOS, sealLossDb } from "../../source/sealScenarios.js";
import { claimDesign } from "./distortionClaims.js";
import {
  SEAL_DISTORTION_DESIGNS,
  SEAL_DISTORTION_FREQUENCIES,
  SEAL_DISTORTION_LEVEL_DB,
  sealDistortionClaim,
} from "./sealDistortionClaim.js";

describe("what a broken seal does to bass distortion", () => {
  const result = sealDistortionClaim();
  const { points } = result.figures;

  it("the drive rises by the bass the leak costs (the linear seal loss), to keep the level at the drum", () => {
    expect(SEAL_SCENARIOS.broken.leak).toBeDefined();
    for (const name of SEAL_DISTORTION_DESIGNS)
      SEAL_DISTORTION_FREQUENCIES.forEach((f, j) => {
        const { sealed, broken } = points[name]!;
        const driveDb = 20 * Math.log10(broken[j]!.voltageRms / sealed[j]!.voltageRms);
        expect(
          Math.abs(driveDb - sealLossDb(claimDesign(name), f)),
          `${name} ${f} Hz`,
        ).toBeLessThan(1.5);
      });
  });

  it("the harmonics rise as the excursion: H3's rise (∝ x²) is twice H2's (∝ x)", () => {
    for (const name of SEAL_DISTORTION_DESIGNS)
      SEAL_DISTORTION_FREQUENCIES.forEach((f, j) => {
        const { sealed, broken } = points[name]!;
        const h2Rise = broken[j]!.h2Db - sealed[j]!.h2Db;
        const h3Rise = broken[j]!.h3Db - sealed[j]!.h3Db;
        expect(h2Rise, `${name} ${f} Hz`).toBeGreaterThan(10);
        expect(h3Rise / h2Rise, `${name} ${f} Hz`).toBeGreaterThan(1.8);
        expect(h3Rise / h2Rise, `${name} ${f} Hz`).toBeLessThan(2.2);
      });
  });

  it("the broken seal raises THD and lowers the level at 3 % THD, the sealed BA most", () => {
    for (const name of SEAL_DISTORTION_DESIGNS)
      SEAL_DISTORTION_FREQUENCIES.forEach((_, j) => {
        const { sealed, broken } = points[name]!;
        expect(broken[j]!.thdPercent).toBeGreaterThan(10 * sealed[j]!.thdPercent);
        expect(broken[j]!.maxLevelDb).toBeLessThan(sealed[j]!.maxLevelDb - 15);
      });
    const drop = (name: string) =>
      points[name]!.sealed[0]!.maxLevelDb - points[name]!.broken[0]!.maxLevelDb;
    expect(drop("single-ba")).toBeGreaterThan(drop("single-dd"));
    expect(result.figures.levelDb).toBe(SEAL_DISTORTION_LEVEL_DB);
    expect(result.holds).toBe(true);
    console.log(result.summary);
  });
});
