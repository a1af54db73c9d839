/** `tympan convert`: what it writes reads back, and scores the same. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";
import { AKG_N400, itWithSharedData } from "./support/sharedData.js";

describe("tympan convert", () => {
  for (const [format, extension] of [
    ["csv", "csv"],
    ["rew", "txt"],
    ["squig", "txt"],
  ] as const) {
    itWithSharedData(
      `--to ${format} writes a file that scores exactly like the original`,
      async () => {
        const out = join(mkdtempSync(join(tmpdir(), "tympan-convert-")), `n400.${extension}`);
        expect((await tympan("convert", AKG_N400, "--to", format, "--out", out)).code).toBe(0);
        const original = JSON.parse((await tympan("score", AKG_N400, "--json")).out);
        const converted = JSON.parse((await tympan("score", out, "--json")).out);
        expect(converted.ppr).toBeCloseTo(original.ppr, 6);
        expect((await tympan("convert", AKG_N400, "--to", format, "--out", out)).code).toBe(2);
      },
    );
  }

  it("rejects unknown formats, including names of object properties", async () => {
    for (const format of ["xml", "toString", "constructor"]) {
      const { code, err } = await tympan("convert", AKG_N400, "--to", format);
      expect(code).toBe(2);
      expect(err).toContain("choose one of csv, rew, squig");
    }
  });

  it("says on standard error which column of a multi-column file it read, and reads the asked one silently", async () => {
    const result = "test/fixtures/measurements/autoeq-result.csv";
    const picked = await tympan("convert", result, "--to", "csv");
    expect(picked.code).toBe(0);
    expect(picked.err).toContain(`tympan: note: ${result}: read the column "raw"`);
    const asked = await tympan("convert", result, "--to", "csv", "--column", "target");
    expect(asked.code).toBe(0);
    expect(asked.err).toBe("");
  });
});
