import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_DESIGNS, TympanError } from "../../index.js";
import { isDesignInput, isUnknownName, loadDesign } from "./designInput.js";

const BUILT_IN = REFERENCE_DESIGNS[0]!.name;

describe("loadDesign", () => {
  it("takes a built-in design by name, labelled with the design's own name", async () => {
    const loaded = await loadDesign(BUILT_IN);
    expect(loaded.builtIn).toBe(true);
    expect(loaded.design).toBe(REFERENCE_DESIGNS[0]!.design);
    expect(loaded.source).toBe(BUILT_IN);
  });

  it("reads a design file, named by the file when the design has no name", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "tympan-design-")), "d.json");
    writeFileSync(path, JSON.stringify({ tympan: 1, elements: [], probes: [] }));
    const loaded = await loadDesign(path);
    expect(loaded).toMatchObject({ builtIn: false, name: path, source: path });
  });

  it("lists the built-in names for a name that is neither a file nor a design", async () => {
    await expect(loadDesign("single-dee")).rejects.toThrow(TympanError);
    await expect(loadDesign("single-dee")).rejects.toThrow(
      new RegExp(`no such file and no built-in design of that name; built-in designs: ${BUILT_IN}`),
    );
  });

  it("says a missing design file does not exist", async () => {
    await expect(loadDesign("nope.json")).rejects.toThrow(/nope.json: no such file/);
  });
});

describe("isDesignInput, isUnknownName", () => {
  it("tells designs (by extension or built-in name) from measurements and typos", async () => {
    expect(await isDesignInput("x.yaml")).toBe(true);
    expect(await isDesignInput(BUILT_IN)).toBe(true);
    expect(await isDesignInput("x.zma")).toBe(false);
    expect(await isUnknownName("single-dee")).toBe(true);
    expect(await isUnknownName(BUILT_IN)).toBe(false);
    expect(await isUnknownName("x.zma")).toBe(false);
  });
});
