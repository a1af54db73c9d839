import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { MICROSPEAKER } from "./parts/microspeaker.js";
import { dynamicDriverFromThieleSmall, thieleSmallOf } from "./thieleSmall.js";

describe("Thiele–Small figures ↔ dynamicDriver parameters", () => {
  const figures = thieleSmallOf(MICROSPEAKER);

  it("gives the microspeaker's derived figures of docs/physics.md §5: fs 209.4 Hz, Qes 1.82, Qms 10.1", () => {
    expect(figures.fsHz).toBeCloseTo(209.4, 1);
    expect(figures.qes).toBeCloseTo(1.82, 2);
    expect(figures.qms).toBeCloseTo(10.1, 1);
    // Vas = ρc²·Sd²·Cms = 1.21·343²·(1.271e-4)²·25.12e-3 = 5.777e-5 m³ (57.8 cm³), by hand.
    expect(figures.vasM3).toBeCloseTo(5.777e-5, 7);
    // Qts = Qms·Qes/(Qms + Qes) = 10.09·1.821/11.91 = 1.543.
    expect(figures.qts).toBeCloseTo(1.543, 2);
  });

  it("recovers the microspeaker's parameters from fs, Qms, Qes, Re, Sd, Vas and Le", () => {
    const driver = dynamicDriverFromThieleSmall({
      fsHz: figures.fsHz,
      qms: figures.qms,
      qes: figures.qes,
      reOhm: MICROSPEAKER.re,
      sdM2: MICROSPEAKER.sd,
      vasM3: figures.vasM3,
      leH: MICROSPEAKER.le,
    });
    for (const name of ["re", "le", "bl", "mms", "cms", "rms", "sd"] as const)
      expect(driver[name] / MICROSPEAKER[name]).toBeCloseTo(1, 10);
  });

  it("takes Qts instead of Qes, and Cms or Mms instead of Vas, to the same driver", () => {
    const base = {
      fsHz: figures.fsHz,
      qms: figures.qms,
      reOhm: MICROSPEAKER.re,
      sdM2: MICROSPEAKER.sd,
    };
    for (const driver of [
      dynamicDriverFromThieleSmall({ ...base, qts: figures.qts, cmsMPerN: MICROSPEAKER.cms }),
      dynamicDriverFromThieleSmall({ ...base, qes: figures.qes, mmsKg: MICROSPEAKER.mms }),
    ]) {
      expect(driver.bl / MICROSPEAKER.bl).toBeCloseTo(1, 10);
      expect(driver.mms / MICROSPEAKER.mms).toBeCloseTo(1, 10);
      expect(driver.cms / MICROSPEAKER.cms).toBeCloseTo(1, 10);
      expect(driver.le).toBe(0);
    }
  });

  it("converts a round example by hand: fs 100 Hz, Qms 5, Qes 0.5, Re 8 Ω, Sd 10 cm², Cms 1 mm/N", () => {
    // ωs = 628.32; Mms = 1/(ωs²·Cms) = 2.5330 g; Rms = ωs·Mms/Qms = 0.31831 N·s/m;
    // Bl = √(ωs·Mms·Re/Qes) = √(25.465) = 5.0463 T·m.
    const driver = dynamicDriverFromThieleSmall({
      fsHz: 100,
      qms: 5,
      qes: 0.5,
      reOhm: 8,
      sdM2: 10e-4,
      cmsMPerN: 1e-3,
    });
    expect(driver.mms).toBeCloseTo(2.533e-3, 6);
    expect(driver.rms).toBeCloseTo(0.31831, 5);
    expect(driver.bl).toBeCloseTo(5.0463, 4);
  });

  it("names every missing, non-positive or inconsistent figure", () => {
    try {
      dynamicDriverFromThieleSmall({ fsHz: -1, qms: 2, qts: 3, reOhm: 8, sdM2: 1e-4 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TympanError);
      const messages = (error as TympanError).issues.map((issue) => issue.message).join("\n");
      expect(messages).toMatch(/fsHz is -1: give a positive number/);
      expect(messages).toMatch(/exactly one of vasM3, cmsMPerN and mmsKg/);
      expect(messages).toMatch(/qts 3 must be below qms 2/);
    }
    expect(() =>
      dynamicDriverFromThieleSmall({
        fsHz: 100,
        qms: 5,
        qes: 1,
        qts: 0.8,
        reOhm: 8,
        sdM2: 1e-4,
        vasM3: 1e-5,
      }),
    ).toThrow(/exactly one of qes and qts/);
  });
});
