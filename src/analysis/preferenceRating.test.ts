import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { harmanInEar2019v2 } from "../targets/harmanInEar2019v2.js";
import type { Curve } from "../core/curve.js";
import { PREFERENCE_GRID_HZ, preferenceRating, ratingValidity } from "./preferenceRating.js";
import { itWithSharedData, readSharedCurve } from "../../test/support/sharedData.js";

const target = harmanInEar2019v2;
/** The golden measurement (shared data), read when a test needs it. */
const akgN400 = () => readSharedCurve("measurements/AKG N400.csv");

function shifted(curve: Curve, dB: (f: number) => number): Curve {
  return { ...curve, values: curve.values.map((v, i) => v + dB(curve.frequencyHz[i] as number)) };
}

function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

const gridWithin = (from: number, to: number) =>
  PREFERENCE_GRID_HZ.filter((f) => f >= from && f <= to);

describe("PREFERENCE_GRID_HZ", () => {
  it("has the 121 published points from 20 Hz to 20 kHz, strictly increasing, including 500 Hz", () => {
    expect(PREFERENCE_GRID_HZ).toHaveLength(121);
    expect(PREFERENCE_GRID_HZ[0]).toBe(20);
    expect(PREFERENCE_GRID_HZ[120]).toBe(20_000);
    PREFERENCE_GRID_HZ.slice(1).forEach((f, i) => {
      expect(f).toBeGreaterThan(PREFERENCE_GRID_HZ[i] as number);
    });
    expect(PREFERENCE_GRID_HZ).toContain(500);
    expect(gridWithin(20, 10_000)).toHaveLength(109);
  });
});

describe("preferenceRating(measurement, target)", () => {
  itWithSharedData(
    "AKG N400 (oratory1990) against Harman in-ear 2019 v2 gives PPR 89.14, SD 0.925, slope −0.105, AME 0.679",
    () => {
      const rating = preferenceRating(akgN400(), target);
      expect(rating.model).toBe("in-ear");
      expect(Math.abs(rating.ppr - 89.14)).toBeLessThanOrEqual(0.005);
      expect(Math.abs(rating.sd - 0.925)).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(rating.slope - -0.105)).toBeLessThanOrEqual(0.0005);
      expect(Math.abs((rating.ame as number) - 0.679)).toBeLessThanOrEqual(0.0005);
      expect(rating.gridPoints).toBe(109);
    },
  );

  it("gives 100.0795 and zero SD, slope and AME for a measurement equal to the target", () => {
    const rating = preferenceRating(target, target);
    expect(rating.ppr).toBe(100.0795);
    expect(rating.sd).toBe(0);
    expect(rating.slope).toBe(0);
    expect(rating.slopePerOctave).toBe(0);
    expect(rating.ame).toBe(0);
  });

  itWithSharedData("is unchanged by a constant offset of the measurement or the target", () => {
    const reference = preferenceRating(akgN400(), target);
    const louder = preferenceRating(
      shifted(akgN400(), () => 7.3),
      shifted(target, () => -2),
    );
    expect(louder.ppr).toBeCloseTo(reference.ppr, 10);
    expect(louder.sd).toBeCloseTo(reference.sd, 10);
    expect(louder.slope).toBeCloseTo(reference.slope, 10);
    expect(louder.ame as number).toBeCloseTo(reference.ame as number, 10);
    expect(
      preferenceRating(
        shifted(target, () => 5),
        target,
      ).ppr,
    ).toBeCloseTo(100.0795, 10);
  });

  it("finds slope k and the tilt's spread as SD for a pure tilt of k dB per natural-log unit", () => {
    const k = -1.25;
    const tilt = (f: number) => k * Math.log(f / 1000);
    const rating = preferenceRating(shifted(target, tilt), target);
    const band = gridWithin(20, 10_000);
    const ameBand = gridWithin(40, 10_000);
    const sd = Math.abs(k) * sampleSd(band.map(Math.log));
    const ame = ameBand.reduce((s, f) => s + Math.abs(tilt(f) - tilt(500)), 0) / ameBand.length;
    expect(rating.slope).toBeCloseTo(k, 10);
    expect(rating.slopePerOctave).toBeCloseTo(k * Math.LN2, 10);
    expect(rating.sd).toBeCloseTo(sd, 10);
    expect(rating.ame as number).toBeCloseTo(ame, 10);
    expect(rating.ppr).toBeCloseTo(100.0795 - 8.5 * sd - 6.796 * Math.abs(k) - 3.475 * ame, 10);
  });

  it("applies the over-ear model on 50 Hz–10 kHz without AME", () => {
    const equal = preferenceRating(target, target, { model: "over-ear" });
    expect(equal.model).toBe("over-ear");
    expect(equal.ppr).toBe(114.490443008238);
    expect(equal).not.toHaveProperty("ame");
    expect(equal.gridPoints).toBe(93);

    const k = 0.8;
    const rating = preferenceRating(
      shifted(target, (f) => k * Math.log(f)),
      target,
      {
        model: "over-ear",
      },
    );
    const sd = k * sampleSd(gridWithin(50, 10_000).map(Math.log));
    expect(rating.slope).toBeCloseTo(k, 10);
    expect(rating.sd).toBeCloseTo(sd, 10);
    expect(rating.ppr).toBeCloseTo(114.490443008238 - 12.62 * sd - 15.5163857197367 * k, 10);
  });

  itWithSharedData(
    "rejects impedance curves and curves that do not cover 20 Hz–10 kHz, reporting every problem",
    () => {
      const impedance: Curve = { ...akgN400(), kind: "impedance" };
      expect(() => preferenceRating(impedance, target)).toThrow(/impedance curve/);

      const short: Curve = {
        kind: "response",
        name: "short",
        frequencyHz: [25, 1000, 9000],
        values: [0, 0, 0],
      };
      let error: unknown;
      try {
        preferenceRating(short, { ...target, kind: "impedance" });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TympanError);
      const issues = (error as TympanError).issues;
      expect(issues.map((issue) => issue.code)).toEqual([
        "rating-band-not-covered",
        "rating-needs-response",
      ]);
      expect(issues[0].message).toContain('measurement "short" spans 25–9000 Hz');
      expect(issues[0].message).toContain("20 Hz–10 kHz");
    },
  );

  it("accepts for the over-ear model a curve that starts at 50 Hz", () => {
    const from50: Curve = { kind: "response", frequencyHz: [50, 20_000], values: [0, 0] };
    expect(() => preferenceRating(from50, target)).toThrow(TympanError);
    expect(preferenceRating(from50, from50, { model: "over-ear" }).sd).toBe(0);
  });
});

describe("ratingValidity(context)", () => {
  it("is valid only for a GRAS-type coupler against the model's own Harman target", () => {
    const valid = ratingValidity({ target: "harman-in-ear-2019v2", rig: "gras" });
    expect(valid.valid).toBe(true);
    expect(valid.issues).toEqual([]);
    expect(valid.statement).toContain("Harman in-ear 2019 v2");

    const overEar = ratingValidity({
      target: "harman-over-ear-2018",
      rig: "gras",
      model: "over-ear",
    });
    expect(overEar.valid).toBe(true);
  });

  it("says 'informative only' for other rigs or targets, with one issue per reason", () => {
    const simulated = ratingValidity({ target: "harman-in-ear-2019v2", rig: "simulated" });
    expect(simulated.valid).toBe(false);
    expect(simulated.statement).toMatch(/^Informative only/);
    expect(simulated.issues.map((issue) => issue.code)).toEqual(["rating-rig-not-gras"]);

    const both = ratingValidity({ target: "other", rig: "711" });
    expect(both.issues.map((issue) => issue.code)).toEqual([
      "rating-rig-not-gras",
      "rating-target-not-harman",
    ]);

    const wrongModel = ratingValidity({
      target: "harman-in-ear-2019v2",
      rig: "gras",
      model: "over-ear",
    });
    expect(wrongModel.valid).toBe(false);
    expect(wrongModel.issues[0]?.message).toContain("Harman over-ear 2018");
  });
});
