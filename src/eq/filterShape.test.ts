import { describe, expect, it } from "vitest";
import { type Biquad, type BiquadType, biquadResponseDb } from "./biquad.js";
import {
  SHAPE_BY_GAIN,
  SHAPE_BY_LOG_FC,
  SHAPE_BY_LOG_Q,
  SHAPE_STRIDE,
  writeFilterShape,
} from "./filterShape.js";

const RATE_HZ = 44_100;
const FREQUENCIES_HZ = [20, 63, 200, 1000, 3000, 9000, 15_000, 20_000];

/** Response (dB) and its derivative along one shape block, from the shape at `frequencyHz`. */
function fromShape(filter: Biquad, frequencyHz: number, block?: number): number {
  const shape = new Float64Array(SHAPE_STRIDE);
  writeFilterShape(filter.type, filter.fcHz, filter.q, filter.gainDb, RATE_HZ, shape, 0);
  const half = Math.sin((Math.PI * frequencyHz) / RATE_HZ);
  const u = 2 * half * half;
  const s = u * (2 - u);
  const [aN, bN, cN, aD, bD, cD] = shape;
  const tN = aN! - bN! * u;
  const tD = aD! - bD! * u;
  const numerator = tN * tN + cN! * s;
  const denominator = tD * tD + cD! * s;
  if (block === undefined) return 10 * Math.log10(numerator / denominator);
  const d = (k: number) => shape[block + k]!;
  return (
    (10 / Math.LN10) *
    ((2 * tN * (d(0) - d(1) * u) + d(2) * s) / numerator -
      (2 * tD * (d(3) - d(4) * u) + d(5) * s) / denominator)
  );
}

const FILTERS: Biquad[] = (["peaking", "low-shelf", "high-shelf"] as BiquadType[]).flatMap(
  (type) => [
    { type, fcHz: 25, q: 0.7, gainDb: 6 },
    { type, fcHz: 1000, q: 4, gainDb: -9 },
    { type, fcHz: 9000, q: 0.3, gainDb: 2.5 },
  ],
);

describe("writeFilterShape", () => {
  it("gives the cookbook response of every filter type to 1e-9 dB", () => {
    for (const filter of FILTERS) {
      const reference = biquadResponseDb(filter, FREQUENCIES_HZ, RATE_HZ);
      FREQUENCIES_HZ.forEach((f, i) => {
        expect(Math.abs(fromShape(filter, f) - reference[i]!)).toBeLessThan(1e-9);
      });
    }
  });

  it("gives derivatives in ln fc, ln Q and gain equal to central differences of the response", () => {
    const h = 1e-5;
    const moves: [number, (filter: Biquad, step: number) => Biquad][] = [
      [SHAPE_BY_LOG_FC, (f, step) => ({ ...f, fcHz: f.fcHz * Math.exp(step) })],
      [SHAPE_BY_LOG_Q, (f, step) => ({ ...f, q: f.q * Math.exp(step) })],
      [SHAPE_BY_GAIN, (f, step) => ({ ...f, gainDb: f.gainDb + step })],
    ];
    for (const filter of FILTERS) {
      for (const [block, move] of moves) {
        for (const f of FREQUENCIES_HZ) {
          const numeric =
            (biquadResponseDb(move(filter, h), [f], RATE_HZ)[0]! -
              biquadResponseDb(move(filter, -h), [f], RATE_HZ)[0]!) /
            (2 * h);
          // Central differences are good to ~1e-6 of the slope's scale.
          expect(Math.abs(fromShape(filter, f, block) - numeric)).toBeLessThan(
            1e-5 * (1 + Math.abs(numeric)),
          );
        }
      }
    }
  });
});
