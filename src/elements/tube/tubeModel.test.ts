import { describe, expect, it } from "vitest";
import { STANDARD_AIR } from "../../core/air.js";
import { exactPerUnitLength } from "./exactMedium.js";
import { fosterPerUnitLength } from "./fosterMedium.js";
import { losslessPerUnitLength } from "./losslessMedium.js";
import { TUBE_MODELS, isTubeModel, tubePerUnitLength } from "./tubeModel.js";

describe("TUBE_MODELS", () => {
  it("lists exact (the default) first, then foster and lossless", () => {
    expect(TUBE_MODELS).toEqual(["exact", "foster", "lossless"]);
  });
});

describe("isTubeModel", () => {
  it("accepts the three model names and rejects others", () => {
    for (const name of TUBE_MODELS) expect(isTubeModel(name)).toBe(true);
    expect(isTubeModel("keefe")).toBe(false);
    expect(isTubeModel("Exact")).toBe(false);
  });
});

describe("tubePerUnitLength", () => {
  it("dispatches each model name to its medium (bit-identical results)", () => {
    const media = {
      exact: exactPerUnitLength,
      foster: fosterPerUnitLength,
      lossless: losslessPerUnitLength,
    };
    const viaRegistry = new Float64Array(4);
    const direct = new Float64Array(4);
    for (const model of TUBE_MODELS) {
      tubePerUnitLength(model, 2 * Math.PI * 1234, 0.6e-3, STANDARD_AIR, viaRegistry);
      media[model](2 * Math.PI * 1234, 0.6e-3, STANDARD_AIR, direct);
      expect(Array.from(viaRegistry)).toEqual(Array.from(direct));
    }
  });
});
