import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { biquadCoefficients, biquadResponseDb } from "./biquad.js";

describe("biquadResponseDb", () => {
  it("a peaking filter has exactly gainDb at fc and about 0 dB two decades away", () => {
    for (const gainDb of [-12, -3, 4.5, 12]) {
      const [atFc, low, high] = biquadResponseDb(
        { type: "peaking", fcHz: 2750, gainDb, q: 1 },
        [2750, 27.5, 23_000],
      );
      expect(atFc).toBeCloseTo(gainDb, 9);
      expect(Math.abs(low as number)).toBeLessThan(0.05);
      expect(Math.abs(high as number)).toBeLessThan(0.5);
    }
  });

  it("a low shelf reaches gainDb far below the corner and 0 dB far above it", () => {
    const [farBelow, atCorner, farAbove] = biquadResponseDb(
      { type: "low-shelf", fcHz: 105, gainDb: 6, q: 0.707 },
      [1, 105, 10_000],
    );
    expect(farBelow).toBeCloseTo(6, 3);
    expect(atCorner).toBeCloseTo(3, 1);
    expect(farAbove).toBeCloseTo(0, 3);
  });

  it("a high shelf reaches gainDb far above the corner (exactly at Nyquist) and 0 dB far below", () => {
    const filter = { type: "high-shelf", fcHz: 2500, gainDb: -8, q: 0.42 } as const;
    const [farBelow, atCorner, nyquist] = biquadResponseDb(filter, [20, 2500, 24_000], 48_000);
    expect(farBelow).toBeCloseTo(0, 2);
    expect(atCorner).toBeCloseTo(-4, 1);
    expect(nyquist).toBeCloseTo(-8, 9);
  });

  it("equals |H(e^jw)|² from the coefficients in complex arithmetic, to 1e-9 dB from 20 Hz to 20 kHz", () => {
    // H(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²) at z = e^{jw}, summed term by term.
    const magnitude2 = (c: readonly number[], w: number) => {
      const re = c[0]! + c[1]! * Math.cos(w) + c[2]! * Math.cos(2 * w);
      const im = -c[1]! * Math.sin(w) - c[2]! * Math.sin(2 * w);
      return re * re + im * im;
    };
    const frequencies = [20, 31.5, 105, 1000, 4200, 10_000, 20_000];
    for (const type of ["peaking", "low-shelf", "high-shelf"] as const) {
      const filter = { type, fcHz: 131, gainDb: -7.5, q: 1.3 };
      const { b0, b1, b2, a1, a2 } = biquadCoefficients(filter, 48_000);
      biquadResponseDb(filter, frequencies, 48_000).forEach((db, i) => {
        const w = (2 * Math.PI * frequencies[i]!) / 48_000;
        const direct = 10 * Math.log10(magnitude2([b0, b1, b2], w) / magnitude2([1, a1, a2], w));
        expect(Math.abs(db - direct)).toBeLessThan(1e-9);
      });
    }
  });

  it("0 dB gain is flat for every type, at 44.1 and 48 kHz", () => {
    const frequencies = [20, 100, 1000, 5000, 15_000, 20_000];
    for (const type of ["peaking", "low-shelf", "high-shelf"] as const) {
      for (const sampleRateHz of [44_100, 48_000]) {
        for (const value of biquadResponseDb(
          { type, fcHz: 1000, gainDb: 0, q: 0.7 },
          frequencies,
          sampleRateHz,
        )) {
          expect(Math.abs(value)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it("rejects fc at or above Nyquist and a non-positive Q, naming both", () => {
    expect(() =>
      biquadResponseDb({ type: "peaking", fcHz: 30_000, gainDb: 3, q: 0 }, [1000]),
    ).toThrow(TympanError);
    try {
      biquadResponseDb({ type: "peaking", fcHz: 30_000, gainDb: 3, q: 0 }, [1000]);
    } catch (error) {
      expect((error as TympanError).issues.map((issue) => issue.code)).toEqual([
        "invalid-filter-frequency",
        "invalid-filter-q",
      ]);
    }
  });
});
