/** `tympan rank`: a squig.link database and a folder, ranked by PPR, with notes and errors. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { preferenceRating } from "../src/analysis/preferenceRating.js";
import { averageChannels } from "../src/analysis/averageChannels.js";
import { readMeasurementFile } from "../src/cli/io/measurementFile.js";
import { harmanInEar2019v2 } from "../src/targets/harmanInEar2019v2.js";
import { tympan } from "./support/cli.js";

const tympanRank = (...argv: string[]) => tympan("rank", ...argv);

const FIXTURES = fileURLToPath(new URL("./fixtures/rank/", import.meta.url));
const PHONE_BOOK = join(FIXTURES, "squig", "phone_book.json");
const FOLDER = join(FIXTURES, "folder");

describe("tympan rank", () => {
  it("ranks a phone book by PPR, highest first, and says the scores are informative only", async () => {
    const { code, out, err } = await tympanRank(PHONE_BOOK);
    expect(code).toBe(0);
    const names = ["Alpha Reference", "Beta Mono", "Beta Tilted (tilted)"];
    const positions = names.map((name) => out.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(out).toMatch(/Rank\s+Name\s+PPR\s+SD\s+Slope\s+AME/);
    expect(out).toContain("Informative only");
    expect(err).toMatch(/note: skipped .*Ghost L\.txt: Beta Ghost: neither/);
    expect(err).toMatch(/note: Beta Mono: only the left channel/);
  });

  it("scores the L/R amplitude average, in JSON, and --rig gras makes the scores valid", async () => {
    const { code, out } = await tympanRank(PHONE_BOOK, "--json", "--rig", "gras");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.valid).toBe(true);
    expect(result.ranking.map((row: { rank: number }) => row.rank)).toEqual([1, 2, 3]);
    const ppr = result.ranking.map((row: { ppr: number }) => row.ppr);
    expect(ppr).toEqual([...ppr].sort((a, b) => b - a));
    const tilted = result.ranking.find((row: { name: string }) =>
      row.name.startsWith("Beta Tilted"),
    );
    const left = await readMeasurementFile(join(FIXTURES, "squig", "Beta Tilted L.txt"));
    const right = await readMeasurementFile(join(FIXTURES, "squig", "Beta Tilted R.txt"));
    const average = preferenceRating(averageChannels(left, right), harmanInEar2019v2);
    expect(tilted.ppr).toBeCloseTo(average.ppr, 9);
    const leftOnly = preferenceRating(left, harmanInEar2019v2);
    expect(leftOnly.slopePerOctave).toBeCloseTo(-1, 1);
    expect(Math.abs(tilted.ppr - leftOnly.ppr)).toBeGreaterThan(0.1);
    expect(result.skipped).toHaveLength(1);
  });

  it("ranks a folder, skipping the broken file with a note naming it and the line", async () => {
    const { code, out, err } = await tympanRank(FOLDER, "--csv");
    expect(code).toBe(0);
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe("rank,name,ppr,sd,slope,ame");
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual([
      "1,flat-ish",
      "2,tilted",
    ]);
    // The target itself, sampled on every 8th AutoEq grid point: close to the 100.08 maximum.
    expect(Number(lines[1]?.split(",")[2])).toBeGreaterThan(99.5);
    expect(err).toMatch(/note: skipped .*broken\.csv: .*line 3/);
    expect(err).toContain("Informative only");
    expect(err).not.toContain("notes.md");
  });

  it("exits 2 when nothing could be read, and on a missing folder or phone book", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-rank-"));
    writeFileSync(join(folder, "bad.csv"), "frequency,raw\n20,abc\n");
    const none = await tympanRank(folder);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/skipped .*bad\.csv/);
    expect(none.err).toMatch(/no measurement could be scored/);
    expect((await tympanRank(join(folder, "missing"))).code).toBe(2);
    expect((await tympanRank(join(folder, "phone_book.json"))).code).toBe(2);
    expect((await tympanRank(folder, "--rig", "bench")).code).toBe(2);
  });

  it("ranks designs (built-in names and files) alongside measurements, as curves like any other", async () => {
    const { code, out } = await tympan(
      "rank",
      "single-dd",
      "planar",
      "examples/case-d.json",
      "--rig",
      "simulated",
      "--json",
    );
    expect(code).toBe(0);
    const { ranking } = JSON.parse(out) as {
      ranking: { rank: number; name: string; ppr: number }[];
    };
    expect(ranking.map((row) => row.name)).toEqual([
      "planar (drum)",
      "single-dd (drum)",
      "Case D: case C with a 1500 Ω damper (drum)",
    ]);
    // The same figures `tympan score` gives each of them.
    const single = JSON.parse((await tympan("score", "single-dd", "--json")).out);
    expect(ranking[1]?.ppr).toBe(single.ppr);
  });
});
