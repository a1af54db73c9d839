import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { preferenceRating } from "./preferenceRating.js";
import { rankCurves, rankingCsv } from "./rankCurves.js";

function curve(dB: (f: number) => number, fromHz = 10): Curve {
  const frequencyHz = Array.from(
    { length: 300 },
    (_, i) => fromHz * (22_000 / fromHz) ** (i / 299),
  );
  return { kind: "response", frequencyHz, values: frequencyHz.map(dB) };
}
const target = curve((f) => 90 - 2 * Math.log2(f / 1000));
const entry = (name: string, c: Curve) => ({ name, curve: c, sources: [`${name}.csv`] });
/** The target plus a 1/3-octave-wide bump of `dB` at 3 kHz: the bigger the bump, the lower the rating. */
const bumped = (dB: number) =>
  curve((f) => 90 - 2 * Math.log2(f / 1000) + dB * Math.exp(-((Math.log2(f / 3000) * 3) ** 2)));

describe("rankCurves(entries, target)", () => {
  it("sorts by preference rating, highest first, and numbers the ranks", () => {
    const entries = [entry("big", bumped(8)), entry("none", bumped(0)), entry("small", bumped(2))];
    const { ranking, skipped } = rankCurves(entries, target);
    expect(ranking.map((row) => [row.rank, row.name])).toEqual([
      [1, "none"],
      [2, "small"],
      [3, "big"],
    ]);
    expect(ranking[2]!.rating).toEqual(preferenceRating(bumped(8), target));
    expect(skipped).toEqual([]);
  });

  it("keeps the input order on ties and skips what cannot be rated, with the reason", () => {
    const { ranking, skipped } = rankCurves(
      [
        entry("b", bumped(1)),
        entry(
          "short",
          curve(() => 80, 200),
        ),
        entry("a", bumped(1)),
        { name: "z", curve: { ...bumped(0), kind: "impedance" }, sources: ["z L.txt", "z R.txt"] },
      ],
      target,
    );
    expect(ranking.map((row) => row.name)).toEqual(["b", "a"]);
    expect(skipped.map((row) => row.source)).toEqual(["short.csv", "z L.txt + z R.txt"]);
    expect(skipped[0]!.reason).not.toContain("\n");
  });
});

describe("rankingCsv(ranking)", () => {
  it("one row per device with ppr to 0.01 dB and names that cannot run as formulas", () => {
    const { ranking } = rankCurves([entry("=1+1", bumped(0)), entry('A, "B"', bumped(3))], target);
    const lines = rankingCsv(ranking).split("\n");
    expect(lines[0]).toBe("rank,name,ppr,sd,slope,ame");
    expect(lines[1]).toMatch(/^1,'=1\+1,\d+\.\d\d,\d+\.\d{3},-?\d+\.\d{3},\d+\.\d{3}$/);
    expect(lines[2]).toMatch(/^2,"A, ""B""",/);
    expect(lines[3]).toBe("");
  });
});
