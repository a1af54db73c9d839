/** `tympan compare`: ratings in the listing, CSV on a common grid, baseline, plot, bad arguments. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { tympan } from "./support/cli.js";
import { AKG_N400, itWithSharedData } from "./support/sharedData.js";

describe("tympan compare", () => {
  itWithSharedData("lists each curve with its preference rating against the target", async () => {
    const { code, out } = await tympan("compare", AKG_N400, "examples/case-d.json");
    expect(code).toBe(0);
    expect(out).toMatch(/AKG N400\s+PPR 89\.14/);
    expect(out).toMatch(/Case D.*\(drum\)\s+PPR \d+\.\d\d/);
  });

  itWithSharedData(
    "--csv puts every curve and the target on one grid, normalised to 0 dB at 500 Hz",
    async () => {
      const { code, out } = await tympan("compare", AKG_N400, "--csv");
      expect(code).toBe(0);
      const lines = out.trim().split("\n");
      expect(lines[0]).toBe("frequency_hz,AKG N400 (PPR 89.1),Harman in-ear 2019 v2");
      expect(lines).toHaveLength(482);
      const near500 = lines
        .slice(1)
        .map((line) => line.split(",").map(Number))
        .reduce((best, row) =>
          Math.abs(Math.log(row[0]! / 500)) < Math.abs(Math.log(best[0]! / 500)) ? row : best,
        );
      expect(Math.abs(near500[1]!)).toBeLessThan(0.1);
      expect(Math.abs(near500[2]!)).toBeLessThan(0.1);
    },
  );

  itWithSharedData(
    "--baseline shows curves relative to one of them: that one reads 0 dB everywhere",
    async () => {
      const { code, out } = await tympan(
        "compare",
        AKG_N400,
        "examples/case-d.json",
        "--baseline",
        AKG_N400,
        "--csv",
      );
      expect(code).toBe(0);
      const rows = out
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",").map(Number));
      expect(rows.every((row) => row[1] === 0)).toBe(true);
    },
  );

  itWithSharedData("--plot writes a PNG; bad options are usage errors", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-compare-"));
    const png = join(folder, "c.png");
    expect((await tympan("compare", AKG_N400, "--smooth", "1/12", "--plot", png)).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    for (const argv of [
      ["--smooth", "12"],
      ["--normalize", "loud"],
      ["--baseline", "other.csv"],
      ["--plot", join(folder, "c.jpg")],
    ]) {
      const { code, err } = await tympan("compare", AKG_N400, ...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(err).toMatch(/^tympan: /);
    }
  });
});
