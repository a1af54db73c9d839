import { describe, expect, it } from "vitest";
import { STANDARD_AIR } from "../../core/air.js";
import { exactPerUnitLength } from "./exactMedium.js";
import { fosterPerUnitLength } from "./fosterMedium.js";
import { losslessPerUnitLength } from "./losslessMedium.js";
import { TUBE_MODELS, isTubeModel, tubePerUnitLength } from "./tubeModel.js";

describe("TUBE_MODELS", () => {
  // Every listed model must be a tube medium: in a wide tube (r 3 mm; at 1 kHz the viscous boundary
  // layer √(2ν/ω) ≈ 70 µm is 2.3 % of the radius) the wave speed 1/√(L'C') and the characteristic
  // impedance √(L'/C') are the free-air c and ρc/(πr²) up to the boundary-layer correction, of the
  // order of δ/r (1.7 % slower and 0.6 % higher here; Keefe 1984); the lossless model has none.
  it("each is a tube medium: wide-tube wave speed and impedance match free air", () => {
    const omega = 2 * Math.PI * 1000;
    const radius = 3e-3;
    const { densityKgPerM3: rho, speedOfSoundMPerS: c } = STANDARD_AIR;
    const area = Math.PI * radius ** 2;
    const out = new Float64Array(4);
    expect(TUBE_MODELS.length).toBeGreaterThan(0);
    for (const model of TUBE_MODELS) {
      tubePerUnitLength(model, omega, radius, STANDARD_AIR, out);
      const [, imZ, , imY] = out as unknown as [number, number, number, number];
      const inertance = imZ / omega; // L' = ρ/S (1 + δ)
      const compliance = imY / omega; // C' = S/(ρc²) (1 + (γ−1)δ')
      const speed = 1 / Math.sqrt(inertance * compliance);
      const impedance = Math.sqrt(inertance / compliance);
      const tolerance = model === "lossless" ? 1e-12 : 0.025;
      expect(Math.abs(speed / c - 1), `${model} speed`).toBeLessThan(tolerance);
      expect(Math.abs(impedance / ((rho * c) / area) - 1), `${model} Zc`).toBeLessThan(tolerance);
      // Losses slow the wave and add resistance; they never speed it up.
      if (model !== "lossless") expect(speed).toBeLessThan(c);
      else expect(out[0]).toBe(0);
    }
  });

  it("holds the default a tube without a model uses (exact) and only valid names", () => {
    expect(TUBE_MODELS).toContain("exact");
    for (const model of TUBE_MODELS) expect(isTubeModel(model)).toBe(true);
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
