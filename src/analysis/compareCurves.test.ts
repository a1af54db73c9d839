import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { TympanError } from "../core/issues.js";
import { COMPARE_GRID_HZ, compareCurves, comparisonCsv } from "./compareCurves.js";
import { preferenceRating } from "./preferenceRating.js";

/** A response of `dB(f)` on 200 log-spaced points from 10 Hz to 22 kHz. */
function curve(name: string, dB: (f: number) => number, fromHz = 10): Curve {
  const frequencyHz = Array.from(
    { length: 200 },
    (_, i) => fromHz * (22_000 / fromHz) ** (i / 199),
  );
  return { kind: "response", frequencyHz, values: frequencyHz.map(dB), name };
}

const flat = curve("Flat", () => 90);
/** 6 dB per octave about 500 Hz: linear in log frequency, so log interpolation reproduces it exactly. */
const tiltDb = (f: number) => 6 * Math.log2(f / 500);
const tilted = curve("Tilted", (f) => 80 + tiltDb(f));
const target = curve("Flat target", () => 70);

describe("compareCurves(inputs, { target })", () => {
  it("puts every curve on the 1/48-octave grid from 20 Hz to 20 kHz, 0 dB at 500 Hz by default", () => {
    const comparison = compareCurves(
      [
        { label: "flat.csv", curve: flat },
        { label: "tilted.csv", curve: tilted },
      ],
      { target },
    );
    expect(comparison.grid).toBe(COMPARE_GRID_HZ);
    expect(comparison.grid).toHaveLength(481);
    expect(comparison.grid[0]).toBeCloseTo(20, 9);
    expect(comparison.grid[480]).toBeCloseTo(20_000, 6);
    // 480 steps over log2(1000) octaves: 1/48 octave each.
    expect(Math.log2(comparison.grid[1]! / comparison.grid[0]!)).toBeCloseTo(
      Math.log2(1000) / 480,
      12,
    );
    const [a, b] = comparison.curves;
    expect(a!.levelDb.every((v) => Math.abs(v) < 1e-9)).toBe(true);
    comparison.grid.forEach((f, i) => {
      expect(b!.levelDb[i]).toBeCloseTo(tiltDb(f), 9);
      expect(b!.deviationDb[i]).toBeCloseTo(tiltDb(f), 9);
    });
    expect(comparison.target.levelDb.every((v) => Math.abs(v) < 1e-9)).toBe(true);
    expect(comparison.description).toBe("normalised to 0 dB at 500 Hz");
  });

  it("rates the raw curves against the target; a curve short of 20 Hz is shown unrated", () => {
    const short = curve("Short", () => 85, 100);
    const comparison = compareCurves(
      [
        { label: "tilted.csv", curve: tilted },
        { label: "short.csv", curve: short },
      ],
      { target, smoothingFraction: 1 / 3 },
    );
    const expected = preferenceRating(tilted, target).ppr;
    expect(comparison.ratings).toEqual([expected, undefined]);
    expect(comparison.curves[0]!.legend).toBe(`Tilted (PPR ${expected.toFixed(1)})`);
    expect(comparison.curves[1]!.legend).toBe("Short");
    expect(comparison.description).toBe("normalised to 0 dB at 500 Hz, 1/3-octave smoothing");
  });

  it("with a baseline shows every curve relative to it, but the deviation stays against the target", () => {
    const comparison = compareCurves(
      [
        { label: "flat.csv", curve: flat },
        { label: "tilted.csv", curve: tilted },
      ],
      { target, baseline: 1, normalization: "midband" },
    );
    const [a, b] = comparison.curves;
    expect(b!.levelDb.every((v) => v === 0)).toBe(true);
    // Midband normalisation levels the tilt's 300–3000 Hz log mean, 6·log2(√(300·3000)/500) dB.
    const midbandDb = 6 * Math.log2(Math.sqrt(300 * 3000) / 500);
    comparison.grid.forEach((f, i) => {
      expect(a!.levelDb[i]).toBeCloseTo(-(tiltDb(f) - midbandDb), 6);
      expect(b!.deviationDb[i]).toBeCloseTo(tiltDb(f) - midbandDb, 6);
    });
    expect(comparison.baseline).toBe(1);
  });

  it("moves a design's driver shares by the design's own normalisation offset", () => {
    const share = curve("woofer", () => 84);
    const comparison = compareCurves([{ label: "design", curve: flat, shares: [share] }], {
      target,
    });
    // The design sits at 90 dB and is moved to 0 dB; its 84 dB share moves with it to −6 dB.
    const [moved] = comparison.curves[0]!.shares;
    expect(moved!.name).toBe("woofer");
    expect(moved!.levelDb.every((v) => Math.abs(v + 6) < 1e-9)).toBe(true);
  });

  it("refuses an impedance, naming the input, and a baseline that is not one of the curves", () => {
    const impedance: Curve = { ...flat, kind: "impedance" };
    const error = (() => {
      try {
        compareCurves([{ label: "z.zma", curve: impedance }], { target });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TympanError);
    expect((error as TympanError).source).toBe("z.zma");
    expect((error as TympanError).issues[0].code).toBe("not-a-response");
    expect(() => compareCurves([{ label: "a", curve: flat }], { target, baseline: 1 })).toThrow(
      /baseline/,
    );
  });
});

describe("comparisonCsv(comparison)", () => {
  it("writes the grid, each curve and the target, with hostile names as inert fields", () => {
    const hostile = { ...flat, name: '=HYPERLINK("http://x","y")' };
    const comparison = compareCurves([{ label: "x.csv", curve: hostile }], {
      target: { ...target, name: "<script>, target" },
    });
    const lines = comparisonCsv(comparison).trimEnd().split("\n");
    expect(lines).toHaveLength(482);
    const rating = comparison.ratings[0]!.toFixed(1);
    expect(lines[0]).toBe(
      `frequency_hz,"'=HYPERLINK(""http://x"",""y"") (PPR ${rating})","<script>, target"`,
    );
    expect(lines[1]).toBe("20.00,0.000,0.000");
  });
});
