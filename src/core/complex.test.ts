import { describe, expect, it } from "vitest";
import { complexCoshAndSinhc, complexDivide, complexSqrt } from "./complex.js";

const out = new Float64Array(4);

describe("complexDivide", () => {
  it("divides, also when |b|² would overflow or underflow", () => {
    complexDivide(1, 2, 3, 4, out);
    // (1 + 2j)/(3 + 4j) = (11 + 2j)/25
    expect(Math.hypot((out[0] ?? NaN) - 0.44, (out[1] ?? NaN) - 0.08)).toBeLessThan(1e-16);
    complexDivide(1e300, 2e300, 3e300, 4e300, out);
    expect(Math.hypot((out[0] ?? NaN) - 0.44, (out[1] ?? NaN) - 0.08)).toBeLessThan(1e-16);
    complexDivide(1e-300, 2e-300, 3e-300, 4e-300, out);
    expect(Math.hypot((out[0] ?? NaN) - 0.44, (out[1] ?? NaN) - 0.08)).toBeLessThan(1e-16);
  });
});

describe("complexSqrt", () => {
  it("returns the principal root, squaring back to z (2e-16 relative) at any scale", () => {
    for (const scale of [1e-300, 1e-150, 1e-10, 1, 1e10, 1e150, 1e300]) {
      for (const [re, im] of [
        [3, 4],
        [-3, 4],
        [-3, -4],
        [3, -4],
        [1e-9, 1],
        [-1, 1e-12],
      ] as const) {
        complexSqrt(re * scale, im * scale, out);
        const rootRe = out[0] ?? NaN;
        const rootIm = out[1] ?? NaN;
        expect(rootRe).toBeGreaterThanOrEqual(0);
        // Compare w²/scale with z: (w/√scale)² avoids overflowing w².
        const unitRe = rootRe / Math.sqrt(scale);
        const unitIm = rootIm / Math.sqrt(scale);
        const error = Math.hypot(unitRe * unitRe - unitIm * unitIm - re, 2 * unitRe * unitIm - im);
        expect(error / Math.hypot(re, im)).toBeLessThan(2e-16 * 4);
      }
    }
  });

  it("gives +j√|z| on the negative real axis for either sign of zero, and 0 at 0", () => {
    complexSqrt(-4, 0, out);
    expect(Array.from(out.subarray(0, 2))).toEqual([0, 2]);
    complexSqrt(-4, -0, out);
    expect(out[1]).toBe(2);
    complexSqrt(0, 0, out);
    expect(Math.abs(out[0] ?? NaN) + Math.abs(out[1] ?? NaN)).toBe(0);
  });
});

describe("complexCoshAndSinhc", () => {
  it("matches cosh w and sinh(w)/w from Math.cosh, sinh, cos, sin (4e-16 of cosh Re w)", () => {
    for (const re of [-30, -5, -0.7, -1e-3, 0, 1e-4, 0.3, 2, 19.9, 20.1, 40]) {
      for (const im of [-3, 0, 1e-5, 0.5, 4, 250]) {
        complexCoshAndSinhc(re, im, out);
        const scale = Math.cosh(re);
        const coshRe = Math.cosh(re) * Math.cos(im);
        const coshIm = Math.sinh(re) * Math.sin(im);
        expect(Math.hypot((out[0] ?? NaN) - coshRe, (out[1] ?? NaN) - coshIm)).toBeLessThan(
          4e-16 * scale,
        );
        const sinhRe = Math.sinh(re) * Math.cos(im);
        const sinhIm = Math.cosh(re) * Math.sin(im);
        const modulus = Math.hypot(re, im);
        if (modulus === 0) continue;
        const sinhcRe = (out[2] ?? NaN) * re - (out[3] ?? NaN) * im;
        const sinhcIm = (out[2] ?? NaN) * im + (out[3] ?? NaN) * re;
        // (sinh(w)/w)·w = sinh w
        expect(Math.hypot(sinhcRe - sinhRe, sinhcIm - sinhIm)).toBeLessThan(6e-16 * scale);
      }
    }
  });

  it("keeps sinh(w)/w → 1 + w²/6 precise for small w and sinh Re w free of cancellation", () => {
    complexCoshAndSinhc(1e-5, 2e-5, out);
    // 1 + w²/6 + w⁴/120 with w² = −3e-10 + 4e-10·j, w⁴ = −7e-20 − 2.4e-19·j
    expect(Math.abs((out[2] ?? NaN) - (1 - 0.5e-10))).toBeLessThan(2e-16);
    expect(Math.abs((out[3] ?? NaN) - (4e-10 / 6 - 2.4e-19 / 120))).toBeLessThan(3e-26);
    complexCoshAndSinhc(1e-8, Math.PI / 2, out);
    // Im cosh w = sinh(1e-8)·sin(π/2) = 1e-8 (1 + 1.7e-17)
    expect(Math.abs((out[1] ?? NaN) / 1e-8 - 1)).toBeLessThan(3e-16);
  });

  it("stays finite up to Re w = 710 (e^{Re w}/2 formed without overflow) and is even in w", () => {
    complexCoshAndSinhc(710, 1, out);
    for (const value of out) expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs((out[0] ?? NaN) / (Math.exp(710 - Math.LN2) * Math.cos(1)) - 1)).toBeLessThan(
      1e-15,
    );
    const positive = Array.from(out);
    complexCoshAndSinhc(-710, -1, out);
    expect(Array.from(out)).toEqual(positive);
  });
});
