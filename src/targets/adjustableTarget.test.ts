import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "../analysis/interpolate.js";
import { TympanError } from "../core/issues.js";
import { adjustableTarget } from "./adjustableTarget.js";
import { harmanInEar2019v2 } from "./harmanInEar2019v2.js";

const FLAT: Curve = {
  kind: "response",
  name: "flat",
  frequencyHz: [20, 100, 1000, 2000, 2750, 4000, 20_000],
  values: [0, 0, 0, 0, 0, 0, 0],
};

function at(curve: Curve, ...frequenciesHz: number[]): number[] {
  return interpolateLogFrequency(curve, frequenciesHz);
}

describe("adjustableTarget", () => {
  it("with every control at 0 equals the Harman in-ear 2019 v2 base, name included", () => {
    const target = adjustableTarget();
    expect(target.values).toEqual(harmanInEar2019v2.values);
    expect(target.frequencyHz).toEqual(harmanInEar2019v2.frequencyHz);
    expect(target.name).toBe("Harman in-ear 2019 v2");
  });

  it("+6 dB bass adds ≈ +6 dB at 20 Hz and ≈ 0 at 1 kHz, and says so in the name", () => {
    const target = adjustableTarget({ bassDb: 6 });
    const base = at(harmanInEar2019v2, 20, 1000);
    const [at20, at1k] = at(target, 20, 1000);
    expect((at20 as number) - (base[0] as number)).toBeCloseTo(6, 0);
    expect(Math.abs((at20 as number) - (base[0] as number) - 6)).toBeLessThan(0.2);
    expect(Math.abs((at1k as number) - (base[1] as number))).toBeLessThan(0.05);
    expect(target.name).toBe("Harman in-ear 2019 v2, bass +6 dB");
  });

  it("tilt −1 dB/oct gives −1 dB at 2 kHz relative to 1 kHz (and −2 at 4 kHz) on a flat base", () => {
    const target = adjustableTarget({ tiltDbPerOctave: -1, base: FLAT });
    const [at1k, at2k, at4k] = at(target, 1000, 2000, 4000);
    expect(at1k).toBeCloseTo(0, 12);
    expect(at2k).toBeCloseTo(-1, 12);
    expect(at4k).toBeCloseTo(-2, 12);
    expect(target.name).toBe("flat, tilt −1 dB/oct");
  });

  it("ear gain peaks at 2750 Hz and treble shelves the top end", () => {
    const [peak] = at(adjustableTarget({ earGainDb: 3, base: FLAT }), 2750);
    expect(peak).toBeCloseTo(3, 9);
    const [low, top] = at(adjustableTarget({ trebleDb: -4, base: FLAT }), 20, 20_000);
    expect(Math.abs(low as number)).toBeLessThan(0.05);
    expect(top).toBeLessThan(-3.5);
  });

  it("rejects a non-finite control and an impedance base, reporting both", () => {
    const impedance: Curve = { ...FLAT, kind: "impedance" };
    try {
      adjustableTarget({ bassDb: Number.NaN, base: impedance });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TympanError);
      expect((error as TympanError).issues.map((issue) => issue.code)).toEqual([
        "target-needs-response",
        "invalid-target-control",
      ]);
    }
  });
});
