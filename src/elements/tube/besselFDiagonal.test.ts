import { describe, expect, it } from "vitest";
import { HANKEL_MIN_MODULUS, besselF } from "../../core/bessel.js";
import { besselFDiagonal } from "./besselFDiagonal.js";

/*
 * Reference values: mpmath 1.3.0 at mp.dps = 40 with x = mpf(u)·(1 − 1j) exactly,
 * F = 2·besselj(1, x)/(x·besselj(0, x)) and 1 − F = −besselj(2, x)/besselj(0, x), rounded to doubles.
 * The points straddle every switch-over: q = u²/2 = 2 (u = 2), the Hankel expansion at
 * u = 17/√2 = 12.02, and the reflected wave, dropped from u = 20.
 */
const REFERENCE: readonly (readonly [number, number, number, number, number])[] = [
  [
    0.035, 0.999999874947939, -0.00030624994734135876, 1.2505206104915383e-7,
    0.00030624994734135876,
  ],
  [0.7, 0.9805462213286323, -0.11922379987413499, 0.01945377867136771, 0.11922379987413499],
  [1.9, 0.5710886782636077, -0.37478036956991984, 0.4289113217363923, 0.37478036956991984],
  [2.1, 0.5052599019911737, -0.36176797018780754, 0.49474009800882635, 0.36176797018780754],
  [5, 0.2006371524173671, -0.17951722999070754, 0.7993628475826329, 0.17951722999070754],
  [11.5, 0.08700142632638788, -0.08313499995051168, 0.9129985736736121, 0.08313499995051168],
  [12, 0.08337270791218802, -0.07982517584236545, 0.916627292087812, 0.07982517584236545],
  [12.05, 0.08302642446106269, -0.07950859311301874, 0.9169735755389373, 0.07950859311301874],
  [15, 0.06668648311233512, -0.06442599988490602, 0.9333135168876648, 0.06442599988490602],
  [19.9, 0.05025960120904752, -0.04898074841886542, 0.9497403987909525, 0.04898074841886542],
  [20.1, 0.04975933793272085, -0.048505970697814586, 0.9502406620672792, 0.048505970697814586],
  [70, 0.01428589913357541, -0.014183491283575723, 0.9857141008664246, 0.014183491283575723],
  [700, 0.0014285716110477708, -0.0014275508381927113, 0.9985714283889522, 0.0014275508381927113],
  [
    3500, 0.00028571428717242826, -0.00028567346793002927, 0.9997142857128276,
    0.00028567346793002927,
  ],
];

const out = new Float64Array(4);
const reference = new Float64Array(4);

function relativeError(re: number, im: number, refRe: number, refIm: number): number {
  return Math.hypot(re - refRe, im - refIm) / Math.hypot(refRe, refIm);
}

function evaluate(u: number): [number, number, number, number] {
  besselFDiagonal(u, out);
  return [out[0] ?? NaN, out[1] ?? NaN, out[2] ?? NaN, out[3] ?? NaN];
}

describe("besselFDiagonal", () => {
  for (const [u, fRe, fIm, gRe, gIm] of REFERENCE) {
    it(`matches mpmath for F and 1 − F at x = ${u}·(1 − j) to 2e-14 relative`, () => {
      // Achieved: ≤ 1.1e-14 over 3700 points with |x| = 0.005–5000 (worst just below |x| = 17).
      const [re, im, oneMinusRe, oneMinusIm] = evaluate(u);
      expect(relativeError(re, im, fRe, fIm)).toBeLessThan(2e-14);
      expect(relativeError(oneMinusRe, oneMinusIm, gRe, gIm)).toBeLessThan(2e-14);
    });
  }

  it("agrees with the general besselF(u, −u) for u = 0.005–3500 (3e-14 relative)", () => {
    // Both are good to ~1e-14 (the general one by the same series below |x| = 17); achieved 1.1e-14.
    for (let u = 0.005; u < 3500; u *= 1.03) {
      const [re, im, oneMinusRe, oneMinusIm] = evaluate(u);
      besselF(u, -u, reference);
      const [refRe, refIm, refOneMinusRe, refOneMinusIm] = Array.from(reference) as number[];
      expect(relativeError(re, im, refRe!, refIm!)).toBeLessThan(3e-14);
      expect(relativeError(oneMinusRe, oneMinusIm, refOneMinusRe!, refOneMinusIm!)).toBeLessThan(
        3e-14,
      );
    }
  });

  it("is continuous across its switch-overs: q = 2, |x| = 17 and u = 20 (5e-15 relative)", () => {
    for (const u of [2, HANKEL_MIN_MODULUS * Math.SQRT1_2, 20]) {
      const below = evaluate(u * (1 - 2e-16));
      const above = evaluate(u * (1 + 2e-16));
      // Achieved: 1.9e-15 at |x| = 17, where the series is least accurate; 5e-16 elsewhere.
      expect(relativeError(above[0], above[1], below[0], below[1])).toBeLessThan(5e-15);
      expect(relativeError(above[2], above[3], below[2], below[3])).toBeLessThan(5e-15);
    }
  });

  it("follows F = 1 + x²/8 + x⁴/48 + 11x⁶/3072 for small u, 1 − F keeping full relative precision", () => {
    for (const u of [1e-6, 1e-3, 0.01, 0.035]) {
      // x² = −2j·u², x⁴ = −4u⁴, x⁶ = 8j·u⁶ on the diagonal.
      const seriesRe = -(u ** 4) / 12;
      const seriesIm = -(u ** 2) / 4 + (11 * u ** 6) / 384;
      const [re, im, oneMinusRe, oneMinusIm] = evaluate(u);
      expect(Math.abs(re - (1 + seriesRe))).toBeLessThan(4.5e-16 + 16 * u ** 8);
      expect(Math.abs(im - seriesIm)).toBeLessThan(2e-16 * u ** 2 + 16 * u ** 8);
      expect(relativeError(oneMinusRe, oneMinusIm, -seriesRe, -seriesIm)).toBeLessThan(
        1e-14 + 8 * u ** 6,
      );
    }
  });

  it("returns F = 1, 1 − F = 0 at u = 0, is even in u and stays finite for huge u", () => {
    const [zeroRe, zeroIm, zeroOneMinusRe, zeroOneMinusIm] = evaluate(0);
    expect(zeroRe).toBe(1);
    expect(Math.abs(zeroIm) + Math.abs(zeroOneMinusRe) + Math.abs(zeroOneMinusIm)).toBe(0);
    for (const u of [0.3, 3, 13, 30, 300]) expect(evaluate(-u)).toEqual(evaluate(u));
    const [re, im, oneMinusRe, oneMinusIm] = evaluate(1e12);
    // F → (1 − j)/u for large u.
    expect(relativeError(re, im, 1e-12, -1e-12)).toBeLessThan(1e-11);
    expect(oneMinusRe).toBe(1 - re);
    expect(oneMinusIm).toBe(-im);
  });
});
