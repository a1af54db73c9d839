import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputPath } from "./outputPath.js";

describe("checkOutputPath", () => {
  const dir = mkdtempSync(join(tmpdir(), "tympan-out-"));
  const file = join(dir, "plot.svg");
  writeFileSync(file, "<svg/>");

  it("lets a new file through, and an existing one only with force", async () => {
    await expect(checkOutputPath(join(dir, "new.svg"), false, "--plot")).resolves.toBeUndefined();
    await expect(checkOutputPath(file, true, "--plot")).resolves.toBeUndefined();
    await expect(checkOutputPath(file, false, "--plot")).rejects.toThrow(
      /--plot: .*plot.svg already exists; pass --force/,
    );
  });

  it("refuses a folder even with force", async () => {
    await expect(checkOutputPath(dir, true, "--out")).rejects.toThrow(/--out: .* is a folder/);
  });

  it("refuses a path through a file, naming the flag, before any work", async () => {
    await expect(checkOutputPath(join(file, "p.svg"), true, "--plot")).rejects.toThrow(
      /--plot: .*plot\.svg\/p\.svg cannot be written: part of its path is a file/,
    );
  });
});
