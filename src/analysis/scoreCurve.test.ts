import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { TympanError } from "../core/issues.js";
import {
  PREFERENCE_MODELS,
  RATING_RIGS,
  isPreferenceModel,
  isRatingRig,
  preferenceRating,
} from "./preferenceRating.js";
import { scoreCurve } from "./scoreCurve.js";

function curve(dB: (f: number) => number): Curve {
  const frequencyHz = Array.from({ length: 300 }, (_, i) => 10 * 2200 ** (i / 299));
  return { kind: "response", frequencyHz, values: frequencyHz.map(dB) };
}
const target = curve((f) => 90 - 3 * Math.log2(f / 1000));
const device = curve((f) => 85 - 3 * Math.log2(f / 1000) + (f > 3000 ? 4 : 0));

describe("scoreCurve(curve, target, { rig, model })", () => {
  it("is preferenceRating with the validity of its rig, model and target", () => {
    const score = scoreCurve(
      device,
      { curve: target, id: "harman-in-ear-2019v2" },
      { rig: "gras" },
    );
    expect(score.rating).toEqual(preferenceRating(device, target));
    expect(score.validity.valid).toBe(true);
    expect(score.rig).toBe("gras");
    expect(score.model).toBe("in-ear");
  });

  it("is valid only for a GRAS-type coupler against the model's own target", () => {
    for (const rig of RATING_RIGS) {
      for (const id of ["harman-in-ear-2019v2", "other"] as const) {
        const { validity } = scoreCurve(device, { curve: target, id }, { rig });
        expect(validity.valid, `${rig} ${id}`).toBe(
          rig === "gras" && id === "harman-in-ear-2019v2",
        );
        expect(validity.issues.length).toBe((rig === "gras" ? 0 : 1) + (id === "other" ? 1 : 0));
      }
    }
    const overEar = scoreCurve(
      device,
      { curve: target, id: "harman-in-ear-2019v2" },
      {
        rig: "gras",
        model: "over-ear",
      },
    );
    expect(overEar.validity.valid).toBe(false);
    expect(overEar.rating.ame).toBeUndefined();
  });

  it("defaults to an unknown rig, which is informative only", () => {
    const score = scoreCurve(device, { curve: target, id: "harman-in-ear-2019v2" });
    expect(score.rig).toBe("unknown");
    expect(score.validity.statement).toMatch(/^Informative only/);
  });

  it("throws for an impedance", () => {
    expect(() =>
      scoreCurve({ ...device, kind: "impedance" }, { curve: target, id: "other" }),
    ).toThrow(TympanError);
  });
});

describe("RATING_RIGS and PREFERENCE_MODELS", () => {
  it("are the one table of rigs and models the options list and check", () => {
    expect(RATING_RIGS).toEqual(["gras", "711", "simulated", "unknown"]);
    expect(PREFERENCE_MODELS).toEqual(["in-ear", "over-ear"]);
    expect(RATING_RIGS.every(isRatingRig)).toBe(true);
    expect(PREFERENCE_MODELS.every(isPreferenceModel)).toBe(true);
    expect(isRatingRig("GRAS")).toBe(false);
    expect(isPreferenceModel("earbud")).toBe(false);
  });
});
