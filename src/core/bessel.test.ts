import { describe, expect, it } from "vitest";
import { HANKEL_MIN_MODULUS, besselF, besselJ0J1 } from "./bessel.js";
import { complexDivide } from "./complex.js";

/*
 * Reference values and where they come from.
 * - J₀(1), J₁(1): Abramowitz & Stegun, Handbook of Mathematical Functions, Table 9.1.
 * - Kelvin functions via the identity ber_ν x + j·bei_ν x = J_ν(x·e^{3πj/4}) (DLMF 10.61.1, ν = 0, 1).
 *   Their leading digits match the tables (A&S Table 9.12; e.g. ber 1 = 0.984382, bei 1 = 0.249566,
 *   ber 2 = 0.751734, bei 2 = 0.972292, ber 5 = −6.230082, bei 5 = 0.116034).
 * - Full-precision digits, rounded to the nearest double, come from mpmath 1.3.0 at mp.dps = 30, an
 *   independent arbitrary-precision implementation: `mpmath.ber(0, x)`, `mpmath.bei(1, x)`,
 *   `mpmath.besselj(0, 1+1j)`, and F as `2*besselj(1,z)/(z*besselj(0,z))` with z = r·exp(−jπ/4).
 */

const out = new Float64Array(4);
const ratio = new Float64Array(2);

function relativeError(re: number, im: number, refRe: number, refIm: number): number {
  return Math.hypot(re - refRe, im - refIm) / Math.hypot(refRe, refIm);
}

function j0j1(xRe: number, xIm: number): [number, number, number, number] {
  besselJ0J1(xRe, xIm, out);
  return [out[0] ?? NaN, out[1] ?? NaN, out[2] ?? NaN, out[3] ?? NaN];
}

function fAndOneMinusF(xRe: number, xIm: number): [number, number, number, number] {
  besselF(xRe, xIm, out);
  return [out[0] ?? NaN, out[1] ?? NaN, out[2] ?? NaN, out[3] ?? NaN];
}

describe("besselJ0J1", () => {
  it("matches A&S Table 9.1 at x = 1 to 1e-15", () => {
    const [j0Re, j0Im, j1Re, j1Im] = j0j1(1, 0);
    expect(Math.abs(j0Re - 0.7651976865579666)).toBeLessThan(1e-15);
    expect(Math.abs(j1Re - 0.4400505857449335)).toBeLessThan(1e-15);
    expect(Math.abs(j0Im)).toBeLessThan(1e-300);
    expect(Math.abs(j1Im)).toBeLessThan(1e-300);
  });

  it("matches mpmath at x = 1 + j to 1e-15 relative", () => {
    const [j0Re, j0Im, j1Re, j1Im] = j0j1(1, 1);
    expect(relativeError(j0Re, j0Im, 0.9376084768060293, -0.4965299476091221)).toBeLessThan(1e-15);
    expect(relativeError(j1Re, j1Im, 0.6141603349229036, 0.3650280288270878)).toBeLessThan(1e-15);
  });

  // [x, ber x, bei x, ber₁ x, bei₁ x]; x = 20 and 40 use the Hankel expansion.
  const kelvin: readonly (readonly [number, number, number, number, number])[] = [
    [1, 0.9843817812130868, 0.24956604003665972, -0.3958682610197114, 0.30755663137553657],
    [2, 0.7517341827138082, 0.9722916273066612, -0.9970776519264285, 0.2997754370020335],
    [5, -6.230082478666358, 0.11603438155020038, 0.3597766667766728, -5.797907901792625],
    [10, 138.84046594163266, 56.37045855390664, -59.47761042626333, 131.87863917568694],
    [20, 47489.37026506176, 114775.19736006622, -113602.51898665045, 44584.37470400382],
    [40, -112596696872.07407, 45628130285.641258, -44220722032.267616, -112008564758.73024],
  ];
  for (const [x, ber, bei, ber1, bei1] of kelvin) {
    it(`gives ber, bei, ber₁, bei₁ at x = ${x} as J(x·e^{3πj/4}) to 1e-14 relative`, () => {
      const [j0Re, j0Im, j1Re, j1Im] = j0j1(-x * Math.SQRT1_2, x * Math.SQRT1_2);
      expect(relativeError(j0Re, j0Im, ber, bei)).toBeLessThan(1e-14);
      expect(relativeError(j1Re, j1Im, ber1, bei1)).toBeLessThan(1e-14);
    });
  }

  // J₀ varies like e^{|x|/√2}, so the two sides are taken only 2e-15 relative apart.
  it("is continuous across the series/Hankel switch-over on all four tube rays (1e-13)", () => {
    for (const angle of [-45, 45, 135, -135]) {
      const c = Math.cos((angle * Math.PI) / 180);
      const s = Math.sin((angle * Math.PI) / 180);
      const below = j0j1(
        HANKEL_MIN_MODULUS * (1 - 1e-15) * c,
        HANKEL_MIN_MODULUS * (1 - 1e-15) * s,
      );
      const above = j0j1(
        HANKEL_MIN_MODULUS * (1 + 1e-15) * c,
        HANKEL_MIN_MODULUS * (1 + 1e-15) * s,
      );
      expect(relativeError(above[0], above[1], below[0], below[1])).toBeLessThan(1e-13);
      expect(relativeError(above[2], above[3], below[2], below[3])).toBeLessThan(1e-13);
    }
  });

  it("obeys J₀(−x) = J₀(x), J₁(−x) = −J₁(x) and J(x̄) = conj J(x) in the Hankel regime", () => {
    const [a0Re, a0Im, a1Re, a1Im] = j0j1(30, -12);
    const [b0Re, b0Im, b1Re, b1Im] = j0j1(-30, 12);
    const [c0Re, c0Im, c1Re, c1Im] = j0j1(30, 12);
    expect(relativeError(b0Re, b0Im, a0Re, a0Im)).toBeLessThan(1e-15);
    expect(relativeError(b1Re, b1Im, -a1Re, -a1Im)).toBeLessThan(1e-15);
    expect(relativeError(c0Re, c0Im, a0Re, -a0Im)).toBeLessThan(1e-15);
    expect(relativeError(c1Re, c1Im, a1Re, -a1Im)).toBeLessThan(1e-15);
  });
});

describe("besselF", () => {
  // [|x|, Re F, Im F, Re(1 − F), Im(1 − F)] at x = |x|·e^{−jπ/4} (the viscous tube argument k_v·a).
  const onTubeRay: readonly (readonly [number, number, number, number, number])[] = [
    [
      0.05, 0.9999998697916909, -0.00031249994405111727, 1.3020830917358853e-7,
      0.00031249994405111727,
    ],
    [1, 0.9797672048237046, -0.12152309133572023, 0.020232795176295424, 0.12152309133572023],
    [10, 0.14162546834790396, -0.13124807777628505, 0.8583745316520961, 0.13124807777628505],
    [16.9, 0.0837211600460376, -0.08014361279345121, 0.9162788399539624, 0.08014361279345121],
    [17.1, 0.08274100965878846, -0.07924756268253219, 0.9172589903412115, 0.07924756268253219],
    [100, 0.014142314928032126, -0.014041958875484314, 0.9858576850719679, 0.014041958875484314],
    [
      1000, 0.0014142137394000667, -0.0014132133855966767, 0.9985857862605999,
      0.0014132133855966767,
    ],
  ];
  for (const [r, fRe, fIm, gRe, gIm] of onTubeRay) {
    it(`matches mpmath for F and 1 − F at |x| = ${r}, arg x = −45° to 1e-13 relative`, () => {
      const [re, im, oneMinusRe, oneMinusIm] = fAndOneMinusF(r * Math.SQRT1_2, -r * Math.SQRT1_2);
      expect(relativeError(re, im, fRe, fIm)).toBeLessThan(1e-13);
      expect(relativeError(oneMinusRe, oneMinusIm, gRe, gIm)).toBeLessThan(1e-13);
    });
  }

  it("follows F = 1 + x²/8 + x⁴/48 + 11x⁶/3072 for small x, 1 − F keeping full relative precision", () => {
    for (const r of [1e-6, 1e-3, 0.01, 0.05]) {
      const xRe = r * Math.SQRT1_2;
      const xIm = -xRe;
      // x² = −j r², x⁴ = −r⁴, x⁶ = j r⁶ on this ray.
      const seriesRe = -(r ** 4) / 48;
      const seriesIm = -(r ** 2) / 8 + (11 * r ** 6) / 3072;
      const [re, im, oneMinusRe, oneMinusIm] = fAndOneMinusF(xRe, xIm);
      expect(Math.abs(re - (1 + seriesRe))).toBeLessThan(4.5e-16 + r ** 8);
      expect(Math.abs(im - seriesIm)).toBeLessThan(1e-16 * r ** 2 + r ** 8);
      expect(relativeError(oneMinusRe, oneMinusIm, -seriesRe, -seriesIm)).toBeLessThan(
        1e-14 + r ** 6,
      );
    }
  });

  it("returns F = 1 and 1 − F = 0 at x = 0", () => {
    const [re, im, oneMinusRe, oneMinusIm] = fAndOneMinusF(0, 0);
    expect(Math.abs(re - 1)).toBeLessThan(1e-300);
    expect(Math.abs(im) + Math.abs(oneMinusRe) + Math.abs(oneMinusIm)).toBeLessThan(1e-300);
  });

  it("is continuous across the switch-over on all four tube rays (1e-13 relative)", () => {
    for (const angle of [-45, 45, 135, -135]) {
      const c = Math.cos((angle * Math.PI) / 180);
      const s = Math.sin((angle * Math.PI) / 180);
      const below = fAndOneMinusF(
        HANKEL_MIN_MODULUS * (1 - 1e-15) * c,
        HANKEL_MIN_MODULUS * (1 - 1e-15) * s,
      );
      const above = fAndOneMinusF(
        HANKEL_MIN_MODULUS * (1 + 1e-15) * c,
        HANKEL_MIN_MODULUS * (1 + 1e-15) * s,
      );
      expect(relativeError(above[0], above[1], below[0], below[1])).toBeLessThan(1e-13);
      expect(relativeError(above[2], above[3], below[2], below[3])).toBeLessThan(1e-13);
    }
  });

  it("agrees with 2J₁/(xJ₀) from besselJ0J1 and stays finite where J₀ overflows (|x| up to 5000)", () => {
    for (let r = 0.05; r < 5000; r *= 1.1) {
      const xRe = r * Math.SQRT1_2;
      const [fRe, fIm, oneMinusRe, oneMinusIm] = fAndOneMinusF(xRe, -xRe);
      expect(Number.isFinite(fRe) && Number.isFinite(fIm)).toBe(true);
      expect(Math.abs(oneMinusRe + fRe - 1) + Math.abs(oneMinusIm + fIm)).toBeLessThan(1e-14);
      if (r > 900) continue; // J₀ itself overflows near |Im x| = 709
      const [j0Re, j0Im, j1Re, j1Im] = j0j1(xRe, -xRe);
      // 2J₁/(x·J₀), with a scaled division because |J₀|² overflows long before J₀ does.
      complexDivide(2 * j1Re, 2 * j1Im, xRe * j0Re + xRe * j0Im, xRe * j0Im - xRe * j0Re, ratio);
      const refRe = ratio[0] ?? NaN;
      const refIm = ratio[1] ?? NaN;
      expect(relativeError(fRe, fIm, refRe, refIm)).toBeLessThan(1e-13);
    }
  });
});
