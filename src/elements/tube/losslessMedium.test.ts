import { describe, expect, it } from "vitest";
import { CGS_ACOUSTIC_OHM_IN_SI, STANDARD_AIR } from "../../core/air.js";
import { characteristicImpedance, propagationConstant, tubeAbcd } from "./transmissionLine.js";
import { losslessPerUnitLength } from "./losslessMedium.js";

const RHO = STANDARD_AIR.densityKgPerM3;
const C = STANDARD_AIR.speedOfSoundMPerS;

describe("losslessPerUnitLength", () => {
  it("gives Z' = jωρ/S and Y' = jωS/(ρc²) (1e-15 relative)", () => {
    const out = new Float64Array(4);
    const omega = 2 * Math.PI * 1000;
    const area = Math.PI * 1e-6;
    losslessPerUnitLength(omega, 1e-3, STANDARD_AIR, out);
    expect(out[0]).toBe(0);
    expect(Math.abs((out[1] ?? NaN) / ((omega * RHO) / area) - 1)).toBeLessThan(1e-15);
    expect(out[2]).toBe(0);
    expect(Math.abs((out[3] ?? NaN) / ((omega * area) / (RHO * C * C)) - 1)).toBeLessThan(1e-15);
  });
});

describe('tubeAbcd("lossless", …)', () => {
  it("equals [[cos kL, jZc sin kL], [j sin kL / Zc, cos kL]] with k = ω/c, Zc = ρc/S", () => {
    const out = new Float64Array(8);
    for (const [frequencyHz, radiusM, lengthM] of [
      [100, 0.5e-3, 0.01],
      [3430, 0.75e-3, 0.025],
      [17_000, 1e-3, 0.2],
      [100_000, 5e-3, 1],
    ] as const) {
      const omega = 2 * Math.PI * frequencyHz;
      const kL = (omega / C) * lengthM;
      const zc = (RHO * C) / (Math.PI * radiusM * radiusM);
      tubeAbcd("lossless", omega, radiusM, lengthM, STANDARD_AIR, out);
      const expected = [
        Math.cos(kL),
        0,
        0,
        zc * Math.sin(kL),
        0,
        Math.sin(kL) / zc,
        Math.cos(kL),
        0,
      ];
      const scales = [1, 1, zc, zc, 1 / zc, 1 / zc, 1, 1];
      // The rounding of kL itself (≈ 1e-16·kL rad) bounds the agreement.
      const tolerance = 1e-15 * (kL + 10);
      expected.forEach((value, i) => {
        expect(Math.abs((out[i] ?? NaN) - value) / (scales[i] ?? NaN)).toBeLessThan(tolerance);
      });
    }
  });

  it("has Γ = jω/c with a non-negative real part and Zc = +ρc/S (the right square-root branch)", () => {
    const gamma = new Float64Array(2);
    const zc = new Float64Array(2);
    const omega = 2 * Math.PI * 5000;
    propagationConstant("lossless", omega, 1e-3, STANDARD_AIR, gamma);
    characteristicImpedance("lossless", omega, 1e-3, STANDARD_AIR, zc);
    expect(gamma[0]).toBeGreaterThanOrEqual(0);
    expect(Math.abs((gamma[1] ?? NaN) / (omega / C) - 1)).toBeLessThan(1e-14);
    expect(Math.abs((zc[0] ?? NaN) / ((RHO * C) / (Math.PI * 1e-6)) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(zc[1] ?? NaN)).toBeLessThan(1e-6);
  });
});

describe("characteristicImpedance (ρc/S in cgs acoustic ohms, docs/physics.md §3)", () => {
  // Reference: docs/physics.md §3, 1 cgs Ω = 1e5 Pa·s/m³ (§1).
  for (const [diameterMm, cgsOhm] of [
    [1.0, 5284],
    [1.5, 2349],
    [1.93, 1419],
  ] as const) {
    it(`is ${cgsOhm} ± 0.5 cgs Ω for Ø${diameterMm} mm`, () => {
      const zc = new Float64Array(2);
      characteristicImpedance("lossless", 2 * Math.PI * 1000, diameterMm / 2000, STANDARD_AIR, zc);
      expect(Math.abs((zc[0] ?? NaN) / CGS_ACOUSTIC_OHM_IN_SI - cgsOhm)).toBeLessThanOrEqual(0.5);
    });
  }
});
