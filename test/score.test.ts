/** `tympan score`: the golden preference rating through the CLI, designs, validity notes, errors. */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";
import { AKG_N400, itWithSharedData } from "./support/sharedData.js";

describe("tympan score", () => {
  itWithSharedData(
    "rates the golden measurement PPR 89.14, SD 0.925, slope −0.105, AME 0.679 (valid on a GRAS rig)",
    async () => {
      const { code, out } = await tympan("score", AKG_N400, "--rig", "gras", "--json");
      expect(code).toBe(0);
      const rating = JSON.parse(out);
      expect(rating.ppr).toBeCloseTo(89.14, 2);
      expect(rating.sd).toBeCloseTo(0.925, 3);
      expect(rating.slope).toBeCloseTo(-0.105, 3);
      expect(rating.ame).toBeCloseTo(0.679, 3);
      expect(rating.valid).toBe(true);
      expect(rating.target).toBe("Harman in-ear 2019 v2");
    },
  );

  itWithSharedData(
    "says beside the score that it is informative only when the rig is unknown",
    async () => {
      const { code, out } = await tympan("score", AKG_N400);
      expect(code).toBe(0);
      expect(out).toMatch(/preference rating\s+89\.14/);
      expect(out).toContain("Informative only");
      expect(out).toContain("dB/octave");
    },
  );

  it("scores a design from its drum probe, as a simulation", async () => {
    const { code, out } = await tympan("score", "examples/case-d.json", "--json");
    expect(code).toBe(0);
    const rating = JSON.parse(out);
    expect(Number.isFinite(rating.ppr)).toBe(true);
    expect(rating.rig).toBe("simulated");
    expect(rating.valid).toBe(false);
    expect(rating.measurement).toContain("(drum)");
  });

  itWithSharedData(
    "a target file is informative only; a bad measurement names the file and line, exit 2",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "tympan-score-"));
      const flat = join(folder, "flat.csv");
      writeFileSync(flat, "frequency,raw\n10,0\n30000,0\n");
      const withFile = await tympan("score", AKG_N400, "--target", flat, "--rig", "gras", "--json");
      expect(withFile.code).toBe(0);
      expect(JSON.parse(withFile.out).valid).toBe(false);
      const bad = join(folder, "bad.csv");
      writeFileSync(bad, "frequency,raw\n20,1\n30,abc\n");
      const broken = await tympan("score", bad);
      expect(broken.code).toBe(2);
      expect(broken.err).toContain(bad);
      expect(broken.err).toContain("line 3");
      expect(broken.err).not.toContain("line[3]");
      expect((await tympan("score", AKG_N400, "--model", "on-ear")).code).toBe(2);
    },
  );
});

describe("tympan score against an adjusted target", () => {
  itWithSharedData("--bass 6 changes the rating and makes it informative only", async () => {
    const plain = JSON.parse((await tympan("score", AKG_N400, "--rig", "gras", "--json")).out);
    const adjusted = JSON.parse(
      (await tympan("score", AKG_N400, "--rig", "gras", "--bass", "6", "--json")).out,
    );
    expect(adjusted.ppr).toBeLessThan(plain.ppr);
    expect(adjusted.valid).toBe(false);
    expect(adjusted.target).toContain("bass +6 dB");
    expect((await tympan("score", AKG_N400, "--tilt", "steep")).code).toBe(2);
  });

  itWithSharedData(
    "rates against Harman in-ear 2019 v2 without bass by name, as informative only",
    async () => {
      const full = JSON.parse((await tympan("score", AKG_N400, "--rig", "gras", "--json")).out);
      const { code, out } = await tympan(
        "score",
        AKG_N400,
        "--target",
        "harman-in-ear-2019v2-without-bass",
        "--rig",
        "gras",
        "--json",
      );
      expect(code).toBe(0);
      const rating = JSON.parse(out);
      expect(rating.target).toBe("Harman in-ear 2019 v2 without bass");
      expect(rating.valid).toBe(false);
      // A different target: a different error curve, so a different rating.
      expect(rating.ppr).not.toBeCloseTo(full.ppr, 1);
      expect(Number.isFinite(rating.ppr)).toBe(true);
    },
  );
});
