import { describe, expect, it } from "vitest";
import { STANDARD_AIR } from "../../core/air.js";
import {
  characteristicImpedance,
  propagationConstant,
  transmissionLineAbcd,
  tubeAbcd,
} from "./transmissionLine.js";
import { TUBE_MODELS, tubePerUnitLength, type TubeModel } from "./tubeModel.js";

const abcd = new Float64Array(8);

/** |Zin| = |A/C| of a tube closed rigidly at its far end (U₂ = 0). */
function closedTubeInputImpedanceModulus(
  model: TubeModel,
  frequencyHz: number,
  radiusM: number,
  lengthM: number,
): number {
  tubeAbcd(model, 2 * Math.PI * frequencyHz, radiusM, lengthM, STANDARD_AIR, abcd);
  return Math.hypot(abcd[0] ?? NaN, abcd[1] ?? NaN) / Math.hypot(abcd[4] ?? NaN, abcd[5] ?? NaN);
}

/** Local minima of f on a 1 Hz grid, each refined by golden-section search to 1e-6 Hz. */
function minima(f: (frequencyHz: number) => number, fromHz: number, toHz: number): number[] {
  const found: number[] = [];
  let before = f(fromHz);
  let at = f(fromHz + 1);
  for (let frequencyHz = fromHz + 2; frequencyHz <= toHz; frequencyHz++) {
    const after = f(frequencyHz);
    if (at < before && at <= after) {
      const ratio = (Math.sqrt(5) - 1) / 2;
      let lo = frequencyHz - 2;
      let hi = frequencyHz;
      while (hi - lo > 1e-6) {
        const x1 = hi - ratio * (hi - lo);
        const x2 = lo + ratio * (hi - lo);
        if (f(x1) < f(x2)) hi = x2;
        else lo = x1;
      }
      found.push((lo + hi) / 2);
    }
    before = at;
    at = after;
  }
  return found;
}

describe("tubeAbcd: rigidly closed tube, |Zin| = |A/C| minima (docs/physics.md §3 reference numbers)", () => {
  // The references are rounded to 1 Hz; the exact model gives 3301.52, 10067.32, 16862.50 and
  // 7006.63 Hz (an mpmath re-implementation agrees to 1e-3 Hz), so ±1 Hz (≤ 0.03 %) is asserted.
  it("exact: L = 25 mm, a = 0.75 mm → 3302, 10 067, 16 863 Hz (±1 Hz)", () => {
    const found = minima(
      (f) => closedTubeInputImpedanceModulus("exact", f, 0.75e-3, 0.025),
      100,
      20_000,
    );
    expect(found).toHaveLength(3);
    [3302, 10_067, 16_863].forEach((reference, i) => {
      expect(Math.abs((found[i] ?? NaN) - reference)).toBeLessThanOrEqual(1);
    });
  });

  it("exact: L = 12 mm, a = 1.0 mm → 7006 Hz (±1 Hz)", () => {
    const found = minima(
      (f) => closedTubeInputImpedanceModulus("exact", f, 1e-3, 0.012),
      100,
      20_000,
    );
    expect(found).toHaveLength(1);
    expect(Math.abs((found[0] ?? NaN) - 7006)).toBeLessThanOrEqual(1);
  });

  it("foster: the same minima within 0.1 %", () => {
    const found = minima(
      (f) => closedTubeInputImpedanceModulus("foster", f, 0.75e-3, 0.025),
      100,
      20_000,
    );
    expect(found).toHaveLength(3);
    [3302, 10_067, 16_863].forEach((reference, i) => {
      expect(Math.abs((found[i] ?? NaN) / reference - 1)).toBeLessThan(1e-3);
    });
  });

  it("lossless: quarter-wave minima at (2n − 1)·c/4L = 3430, 10 290, 17 150 Hz (±0.01 Hz)", () => {
    const found = minima(
      (f) => closedTubeInputImpedanceModulus("lossless", f, 0.75e-3, 0.025),
      100,
      20_000,
    );
    expect(found).toHaveLength(3);
    [3430, 10_290, 17_150].forEach((reference, i) => {
      expect(Math.abs((found[i] ?? NaN) - reference)).toBeLessThan(0.01);
    });
  });
});

describe("tubeAbcd over a = 0.1–5 mm, L ≤ 1 m, 1 Hz–100 kHz, all models", () => {
  const radii = [0.1e-3, 0.3e-3, 1e-3, 5e-3];
  const lengths = [1e-4, 0.01, 0.1, 1];
  const frequencies = Array.from({ length: 61 }, (_, i) => 10 ** (i / 12)); // 1 Hz–100 kHz

  it("is finite, symmetric (A = D) and reciprocal: |AD − BC − 1| ≤ 1e-12·max(1, |AD| + |BC|)", () => {
    // The bound scales with |AD| because cosh² − sinh² cancels: e^{2 Re ΓL} reaches 1e87 for 1 m of
    // 0.1 mm tube at 100 kHz (Re Γ ≈ 100 Np/m).
    for (const model of TUBE_MODELS) {
      for (const radiusM of radii) {
        for (const lengthM of lengths) {
          for (const frequencyHz of frequencies) {
            tubeAbcd(model, 2 * Math.PI * frequencyHz, radiusM, lengthM, STANDARD_AIR, abcd);
            const [aRe, aIm, bRe, bIm, cRe, cIm, dRe, dIm] = Array.from(abcd);
            for (const value of abcd) expect(Number.isFinite(value)).toBe(true);
            expect(dRe).toBe(aRe);
            expect(dIm).toBe(aIm);
            const adRe = aRe! * dRe! - aIm! * dIm!;
            const adIm = aRe! * dIm! + aIm! * dRe!;
            const bcRe = bRe! * cRe! - bIm! * cIm!;
            const bcIm = bRe! * cIm! + bIm! * cRe!;
            const scale = Math.max(1, Math.hypot(adRe, adIm) + Math.hypot(bcRe, bcIm));
            expect(Math.hypot(adRe - bcRe - 1, adIm - bcIm) / scale).toBeLessThan(1e-12);
          }
        }
      }
    }
  });

  it("propagationConstant and characteristicImpedance take the passive branch: Re Γ ≥ 0, Im Γ > 0, Re Zc > 0", () => {
    const gamma = new Float64Array(2);
    const zc = new Float64Array(2);
    for (const model of TUBE_MODELS) {
      for (const radiusM of radii) {
        for (const frequencyHz of frequencies) {
          propagationConstant(model, 2 * Math.PI * frequencyHz, radiusM, STANDARD_AIR, gamma);
          characteristicImpedance(model, 2 * Math.PI * frequencyHz, radiusM, STANDARD_AIR, zc);
          expect(gamma[0]).toBeGreaterThanOrEqual(0);
          expect(gamma[1]).toBeGreaterThan(0);
          expect(zc[0]).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe("transmissionLineAbcd", () => {
  it("equals [[cosh ΓL, Zc sinh ΓL], [sinh ΓL / Zc, cosh ΓL]] built from Γ and Zc (1e-13 relative)", () => {
    const gamma = new Float64Array(2);
    const zc = new Float64Array(2);
    const omega = 2 * Math.PI * 2500;
    const radiusM = 0.4e-3;
    const lengthM = 0.037;
    tubeAbcd("exact", omega, radiusM, lengthM, STANDARD_AIR, abcd);
    propagationConstant("exact", omega, radiusM, STANDARD_AIR, gamma);
    characteristicImpedance("exact", omega, radiusM, STANDARD_AIR, zc);
    const re = (gamma[0] ?? NaN) * lengthM;
    const im = (gamma[1] ?? NaN) * lengthM;
    const sinhRe = Math.sinh(re) * Math.cos(im);
    const sinhIm = Math.cosh(re) * Math.sin(im);
    const [zRe, zIm] = [zc[0] ?? NaN, zc[1] ?? NaN];
    const bRe = zRe * sinhRe - zIm * sinhIm;
    const bIm = zRe * sinhIm + zIm * sinhRe;
    const z2 = zRe * zRe + zIm * zIm;
    const cRe = (sinhRe * zRe + sinhIm * zIm) / z2;
    const cIm = (sinhIm * zRe - sinhRe * zIm) / z2;
    const close = (a: number, b: number, c: number, d: number) =>
      Math.hypot(a - c, b - d) / Math.hypot(c, d);
    expect(
      close(abcd[0]!, abcd[1]!, Math.cosh(re) * Math.cos(im), Math.sinh(re) * Math.sin(im)),
    ).toBeLessThan(1e-13);
    expect(close(abcd[2]!, abcd[3]!, bRe, bIm)).toBeLessThan(1e-13);
    expect(close(abcd[4]!, abcd[5]!, cRe, cIm)).toBeLessThan(1e-13);
  });

  it("tends to the lumped [[1, Z'L], [Y'L, 1]] for a short line (|ΓL| = 1e-7; 1e-12)", () => {
    const perUnitLength = new Float64Array(4);
    const omega = 2 * Math.PI * 1000;
    tubePerUnitLength("exact", omega, 1e-3, STANDARD_AIR, perUnitLength);
    const [zRe, zIm, yRe, yIm] = Array.from(perUnitLength) as [number, number, number, number];
    const lengthM = 1e-7 / Math.sqrt(Math.hypot(zRe, zIm) * Math.hypot(yRe, yIm));
    transmissionLineAbcd(zRe, zIm, yRe, yIm, lengthM, abcd);
    expect(Math.hypot(abcd[0]! - 1, abcd[1]!)).toBeLessThan(1e-12);
    expect(
      Math.hypot(abcd[2]! - zRe * lengthM, abcd[3]! - zIm * lengthM) /
        Math.hypot(zRe, zIm) /
        lengthM,
    ).toBeLessThan(1e-12);
    expect(
      Math.hypot(abcd[4]! - yRe * lengthM, abcd[5]! - yIm * lengthM) /
        Math.hypot(yRe, yIm) /
        lengthM,
    ).toBeLessThan(1e-12);
  });

  it("cascades: a 10 mm tube times a 15 mm tube equals one 25 mm tube (exact model, 1e-12)", () => {
    const omega = 2 * Math.PI * 6000;
    const first = new Float64Array(8);
    const second = new Float64Array(8);
    tubeAbcd("exact", omega, 0.75e-3, 0.01, STANDARD_AIR, first);
    tubeAbcd("exact", omega, 0.75e-3, 0.015, STANDARD_AIR, second);
    tubeAbcd("exact", omega, 0.75e-3, 0.025, STANDARD_AIR, abcd);
    const entry = (m: Float64Array, row: number, col: number): [number, number] => {
      const k = 2 * (2 * row + col);
      return [m[k] ?? NaN, m[k + 1] ?? NaN];
    };
    for (let row = 0; row < 2; row++) {
      for (let col = 0; col < 2; col++) {
        let re = 0;
        let im = 0;
        for (let k = 0; k < 2; k++) {
          const [aRe, aIm] = entry(first, row, k);
          const [bRe, bIm] = entry(second, k, col);
          re += aRe * bRe - aIm * bIm;
          im += aRe * bIm + aIm * bRe;
        }
        const [wRe, wIm] = entry(abcd, row, col);
        expect(Math.hypot(re - wRe, im - wIm) / Math.hypot(wRe, wIm)).toBeLessThan(1e-12);
      }
    }
  });
});
