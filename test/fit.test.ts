/** `tympan fit`: the response under each fit and tip, a chosen subset, plots and errors. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";

describe("tympan fit", () => {
  it("tabulates every fit for single-dd: the broken seal costs 22.6 dB at 50 Hz", async () => {
    const { code, out } = await tympan("fit", "single-dd");
    expect(code).toBe(0);
    expect(out).toMatch(/broken-seal\s+−24\.6\s+−22\.6/);
    expect(out).toMatch(/deep-seal\s+0\.0/);
    expect(out).toContain("foam-tip: a foam tip");
    expect(out).toContain("100 Hz–10 kHz");
  });

  it("takes a subset with --fit and gives JSON", async () => {
    const { code, out } = await tympan(
      "fit",
      "single-ba",
      "--fit",
      "deep-seal,broken-seal",
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.fits.map((fit: { name: string }) => fit.name)).toEqual([
      "deep-seal",
      "broken-seal",
    ]);
    const at50 = result.frequencyHz.indexOf(50);
    expect(result.fits[0].db[at50] - result.fits[1].db[at50]).toBeCloseTo(36.4, 1);
  });

  it("refuses an unknown fit and a design without a tip bore for tip variants, exit 2", async () => {
    const unknown = await tympan("fit", "single-dd", "--fit", "loose");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("shallow-fit");
    const noTip = await tympan("fit", "examples/case-a.json", "--fit", "foam-tip");
    expect(noTip.code).toBe(2);
    expect(noTip.err).toContain('"tipBore"');
    const sealOnly = await tympan("fit", "examples/case-a.json", "--fit", "broken-seal");
    expect(sealOnly.code).toBe(0);
  });

  it('takes the tip bore a design marks with a top-level "tipBore" key', async () => {
    const designs = JSON.parse((await tympan("designs", "--json")).out) as {
      name: string;
      design: { elements: { id: string }[] };
    }[];
    const quadBa = designs.find((entry) => entry.name === "quad-ba")!.design;
    const renamed = {
      ...quadBa,
      tipBore: "stem",
      elements: quadBa.elements.map((e) => (e.id === "tipBore" ? { ...e, id: "stem" } : e)),
    };
    const file = join(mkdtempSync(join(tmpdir(), "tympan-fit-")), "renamed.json");
    writeFileSync(file, JSON.stringify(renamed));
    const marked = await tympan("fit", file, "--fit", "wide-bore-tip", "--json");
    const stock = await tympan("fit", "quad-ba", "--fit", "wide-bore-tip", "--json");
    expect(marked.code).toBe(0);
    expect(JSON.parse(marked.out).fits[0].db).toEqual(JSON.parse(stock.out).fits[0].db);
    const unmarked = await tympan("fit", "examples/case-a.json", "--fit", "foam-tip");
    expect(unmarked.err).toMatch(/add "tipBore": "<id of the tube between nozzle and ear>"/);
  });

  it("refuses to overwrite --plot before computing or printing anything", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tympan-fit-")), "fit.svg");
    writeFileSync(file, "mine");
    const refused = await tympan("fit", "single-dd", "--plot", file);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe("");
    expect(refused.err).toMatch(/^tympan: --plot: .*fit\.svg already exists; pass --force/);
    expect(readFileSync(file, "utf8")).toBe("mine");
  });

  it("draws the plot", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tympan-fit-")), "fit.png");
    expect((await tympan("fit", "single-dd", "--plot", file)).code).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});
