import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_DESIGNS, TympanError } from "../../index.js";
import { loadReportEntries, reportDesignInputs } from "./reportDesigns.js";

function folder(files: Record<string, string>): string {
  const path = mkdtempSync(join(tmpdir(), "tympan-report-inputs-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

describe("reportDesignInputs(inputs)", () => {
  it("is every reference design without inputs; a folder's designs in name order otherwise", async () => {
    expect(await reportDesignInputs([])).toEqual(REFERENCE_DESIGNS.map((d) => d.name));
    const dir = folder({ "b.yaml": "", "a.json": "{}", "notes.md": "" });
    expect(await reportDesignInputs(["single-dd", dir])).toEqual([
      "single-dd",
      join(dir, "a.json"),
      join(dir, "b.yaml"),
    ]);
  });

  it("names an input that is nothing, and a folder without designs", async () => {
    await expect(reportDesignInputs(["nothing-here"])).rejects.toThrow(
      /nothing-here: no such file or folder/,
    );
    await expect(reportDesignInputs([folder({ "x.md": "" })])).rejects.toThrow(
      /holds no \.json or \.yaml/,
    );
  });
});

describe("loadReportEntries(files)", () => {
  it("simulates every design, titled by its name, on the report's grid", async () => {
    const [entry] = await loadReportEntries(["single-dd"]);
    expect(entry!.stem).toBe("single-dd");
    expect(entry!.result.frequencyHz).toContain(1000);
    expect(entry!.result.probes.drum?.db.every(Number.isFinite)).toBe(true);
  });

  it("reports every bad design together, each problem naming its file", async () => {
    const dir = folder({ "a.json": "{ not json", "b.json": '{ "elements": 3 }' });
    const error = await loadReportEntries([
      join(dir, "a.json"),
      "single-dd",
      join(dir, "b.json"),
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TympanError);
    const messages = (error as TympanError).issues.map((issue) => issue.message);
    expect(messages.some((m) => m.startsWith(join(dir, "a.json")))).toBe(true);
    expect(messages.some((m) => m.startsWith(join(dir, "b.json")))).toBe(true);
  });
});
