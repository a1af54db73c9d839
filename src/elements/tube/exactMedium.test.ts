import { describe, expect, it } from "vitest";
import { STANDARD_AIR } from "../../core/air.js";
import { besselF } from "../../core/bessel.js";
import { exactPerUnitLength } from "./exactMedium.js";
import { losslessPerUnitLength } from "./losslessMedium.js";

const RHO = STANDARD_AIR.densityKgPerM3;
const ETA = STANDARD_AIR.viscosityPaS;
const NU = ETA / RHO;
const GAMMA = STANDARD_AIR.heatCapacityRatio;
const PR = STANDARD_AIR.prandtlNumber;

/** (complex a / complex b) − 1 for values at offsets 0 (Z') or 2 (Y') of two per-unit-length arrays. */
function ratioMinusOne(a: Float64Array, b: Float64Array, offset: number): [number, number] {
  const aRe = a[offset] ?? NaN;
  const aIm = a[offset + 1] ?? NaN;
  const bRe = b[offset] ?? NaN;
  const bIm = b[offset + 1] ?? NaN;
  const den = bRe * bRe + bIm * bIm;
  return [(aRe * bRe + aIm * bIm) / den - 1, (aIm * bRe - aRe * bIm) / den];
}

describe("exactPerUnitLength", () => {
  it("tends to lossless for wide tubes at high frequency, with Kirchhoff's (1 − j)δ/a correction", () => {
    // Z'/Z'₀ − 1 ≈ (1 − j)δ_v/a and Y'/Y'₀ − 1 ≈ (γ−1)(1 − j)δ_t/a, δ = √(2D/ω); the neglected terms are
    // O((δ/a)²), so the first-order term is checked to 2δ/a of itself.
    const exact = new Float64Array(4);
    const lossless = new Float64Array(4);
    for (const [radiusM, frequencyHz] of [
      [5e-3, 100_000], // δ_v/a = 1.4e-3
      [2e-3, 20_000], // 7.9e-3
      [1e-3, 100_000], // 7.1e-3
    ] as const) {
      const omega = 2 * Math.PI * frequencyHz;
      const deltaV = Math.sqrt((2 * NU) / omega);
      const deltaT = deltaV / Math.sqrt(PR);
      exactPerUnitLength(omega, radiusM, STANDARD_AIR, exact);
      losslessPerUnitLength(omega, radiusM, STANDARD_AIR, lossless);
      const [zRe, zIm] = ratioMinusOne(exact, lossless, 0);
      const [yRe, yIm] = ratioMinusOne(exact, lossless, 2);
      const zFirst = deltaV / radiusM;
      const yFirst = ((GAMMA - 1) * deltaT) / radiusM;
      expect(Math.hypot(zRe, zIm)).toBeLessThan(1.5 * Math.SQRT2 * (deltaV / radiusM));
      expect(Math.hypot(zRe - zFirst, zIm + zFirst)).toBeLessThan(2 * zFirst * (deltaV / radiusM));
      expect(Math.hypot(yRe - yFirst, yIm + yFirst)).toBeLessThan(2 * yFirst * (deltaT / radiusM));
    }
  });

  it("tends to Poiseuille at low frequency: Z' → 8η/(πa⁴) + (4/3)jωρ/S, Y' → jωγS/(ρc²) (1e-4)", () => {
    // a = 0.1 mm at 1 Hz: |k_v·a| = 0.063, corrections are O(|k_v·a|⁴) ≈ 2e-5.
    const out = new Float64Array(4);
    const radiusM = 1e-4;
    const omega = 2 * Math.PI;
    const area = Math.PI * radiusM ** 2;
    exactPerUnitLength(omega, radiusM, STANDARD_AIR, out);
    expect(Math.abs((out[0] ?? NaN) / ((8 * ETA) / (Math.PI * radiusM ** 4)) - 1)).toBeLessThan(
      1e-4,
    );
    expect(Math.abs((out[1] ?? NaN) / ((4 / 3) * ((omega * RHO) / area)) - 1)).toBeLessThan(1e-4);
    const isothermal = (omega * GAMMA * area) / (RHO * STANDARD_AIR.speedOfSoundMPerS ** 2);
    expect(Math.abs((out[3] ?? NaN) / isothermal - 1)).toBeLessThan(1e-4);
  });

  it("is passive: Re Z' > 0 and Re Y' ≥ 0 for a = 0.1–5 mm, 1 Hz–100 kHz", () => {
    const out = new Float64Array(4);
    for (const radiusM of [1e-4, 3e-4, 1e-3, 5e-3]) {
      for (let frequencyHz = 1; frequencyHz <= 100_000; frequencyHz *= 1.5) {
        exactPerUnitLength(2 * Math.PI * frequencyHz, radiusM, STANDARD_AIR, out);
        expect(out[0]).toBeGreaterThan(0);
        expect(out[2]).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("equals the §3 formulas evaluated with the general besselF at k_v·a and k_t·a (1e-13 relative)", () => {
    // Guards the wiring of the fast diagonal evaluation: u = a·√(ω/2ν), thermal argument u·√Pr.
    const out = new Float64Array(4);
    const f = new Float64Array(4);
    for (const radiusM of [1e-4, 5e-4, 2e-3]) {
      for (let frequencyHz = 1; frequencyHz <= 100_000; frequencyHz *= 2.5) {
        const omega = 2 * Math.PI * frequencyHz;
        exactPerUnitLength(omega, radiusM, STANDARD_AIR, out);
        const area = Math.PI * radiusM * radiusM;
        const modulus = radiusM * Math.sqrt(omega / NU); // |k_v·a|, arg −45°
        besselF(modulus * Math.SQRT1_2, -modulus * Math.SQRT1_2, f);
        // Z' = jωρ/S/(1 − F_v)
        const [gRe, gIm] = [f[2] ?? NaN, f[3] ?? NaN];
        const inertance = (omega * RHO) / area;
        const zRe = (inertance * gIm) / (gRe * gRe + gIm * gIm);
        const zIm = (inertance * gRe) / (gRe * gRe + gIm * gIm);
        const thermal = modulus * Math.sqrt(PR) * Math.SQRT1_2;
        besselF(thermal, -thermal, f);
        // Y' = jωS/(ρc²)·(1 + (γ − 1)F_t)
        const compliance = (omega * area) / (RHO * STANDARD_AIR.speedOfSoundMPerS ** 2);
        const yRe = -compliance * (GAMMA - 1) * (f[1] ?? NaN);
        const yIm = compliance * (1 + (GAMMA - 1) * (f[0] ?? NaN));
        const [outZRe, outZIm, outYRe, outYIm] = Array.from(out) as number[];
        expect(Math.hypot(outZRe! - zRe, outZIm! - zIm) / Math.hypot(zRe, zIm)).toBeLessThan(1e-13);
        expect(Math.hypot(outYRe! - yRe, outYIm! - yIm) / Math.hypot(yRe, yIm)).toBeLessThan(1e-13);
      }
    }
  });
});
