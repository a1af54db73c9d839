import { describe, expect, it } from "vitest";
import { type Biquad, biquadResponseDb } from "./biquad.js";
import { eqResponseDb } from "./eqResponse.js";

const CHAIN: Biquad[] = [
  { type: "low-shelf", fcHz: 105, gainDb: 4, q: 0.7 },
  { type: "peaking", fcHz: 1500, gainDb: -5, q: 3 },
  { type: "high-shelf", fcHz: 10_000, gainDb: -3, q: 0.7 },
];
const FREQUENCIES = [20, 105, 1000, 1500, 4000, 10_000, 20_000];

describe("eqResponseDb", () => {
  it("equals the sum of each filter's biquadResponseDb, at 44.1 and 48 kHz", () => {
    for (const sampleRateHz of [44_100, 48_000]) {
      const summed = eqResponseDb(CHAIN, FREQUENCIES, sampleRateHz);
      const separately = CHAIN.map((filter) => biquadResponseDb(filter, FREQUENCIES, sampleRateHz));
      summed.forEach((value, i) => {
        const expected = separately.reduce((sum, curve) => sum + curve[i]!, 0);
        expect(value).toBeCloseTo(expected, 10);
      });
    }
  });

  it("an empty chain is 0 dB everywhere; a peaking filter has exactly its gain at fc", () => {
    expect(eqResponseDb([], FREQUENCIES)).toEqual(FREQUENCIES.map(() => 0));
    const [atFc] = eqResponseDb([{ type: "peaking", fcHz: 2073, gainDb: 1.6, q: 2.16 }], [2073]);
    expect(atFc).toBeCloseTo(1.6, 10);
  });
});
