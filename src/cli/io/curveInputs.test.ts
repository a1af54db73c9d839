import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Issue, logFrequencies, harmanInEar2019v2 } from "../../index.js";
import {
  isMeasurementCollection,
  readCurveInput,
  readCurveInputs,
  readTargetInput,
} from "./curveInputs.js";

const FIXTURES = fileURLToPath(new URL("../../../test/fixtures/", import.meta.url));
const frequencies = Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points: 40 }));

function folder(files: Record<string, string>): string {
  const path = mkdtempSync(join(tmpdir(), "tympan-inputs-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

describe("readCurveInput(input, { frequencies })", () => {
  it("simulates a built-in design at the frequencies and reads its drum", async () => {
    const { curve, isDesign } = await readCurveInput("single-dd", { frequencies });
    expect(isDesign).toBe(true);
    expect(curve.frequencyHz).toEqual(frequencies);
    expect(curve.name).toMatch(/\(drum\)$/);
    expect(curve.values.every(Number.isFinite)).toBe(true);
  });

  it("reads a stereo file by the channel asked for, and says which one it read when not asked", async () => {
    const path = join(folder({ "s.csv": "Frequency,Left,Right\n20,80,70\n1000,90,85\n" }), "s.csv");
    const notes: Issue[] = [];
    const left = await readCurveInput(path, {
      frequencies,
      onNote: (_, issue) => notes.push(issue),
    });
    expect(left.curve.values).toEqual([80, 90]);
    expect(notes.map((note) => [note.code, note.severity])).toEqual([["channel-chosen", "note"]]);
    const right = await readCurveInput(path, { frequencies, channel: "right" });
    expect(right.curve.values).toEqual([70, 85]);
  });

  it("names the built-in designs for a mistyped name", async () => {
    await expect(readCurveInput("single-ddd", { frequencies })).rejects.toThrow(
      /single-ddd: no such file and no built-in design of that name; built-in designs: .*single-dd/,
    );
  });
});

describe("readCurveInputs(inputs)", () => {
  it("expands a phone book and a folder into their measurements, beside single inputs", async () => {
    const book = join(FIXTURES, "rank", "squig", "phone_book.json");
    const { entries, skipped } = await readCurveInputs(
      [book, join(FIXTURES, "rank", "folder"), "single-dd"],
      { frequencies },
    );
    expect(entries.map((entry) => entry.name)).toEqual([
      "Alpha Reference",
      "Beta Tilted (tilted)",
      "Beta Mono",
      "flat-ish",
      "tilted",
      expect.stringMatching(/\(drum\)$/),
    ]);
    expect(entries[0]!.input).toBe(book);
    expect(entries[0]!.sources).toHaveLength(2);
    expect(entries[5]!.isDesign).toBe(true);
    // The phone book's missing phone and the folder's broken file.
    expect(skipped).toHaveLength(2);
  });
});

describe("isMeasurementCollection(path)", () => {
  it("is true for folders and phone books, false for designs, files and nothing", async () => {
    const path = folder({ "book.json": '[{"name":"A","phones":[]}]', "d.json": '{"elements":[]}' });
    expect(await isMeasurementCollection(path)).toBe(true);
    expect(await isMeasurementCollection(join(path, "book.json"))).toBe(true);
    expect(await isMeasurementCollection(join(path, "d.json"))).toBe(false);
    expect(await isMeasurementCollection(join(path, "none.json"))).toBe(false);
  });
});

describe("readTargetInput(nameOrFile)", () => {
  it("knows the built-in targets and refuses a column of one", async () => {
    const target = await readTargetInput("harman-in-ear-2019v2");
    expect(target.curve).toBe(harmanInEar2019v2);
    expect(target.id).toBe("harman-in-ear-2019v2");
    await expect(readTargetInput("harman-in-ear-2019v2", { column: "raw" })).rejects.toThrow(
      /built-in target with one curve/,
    );
  });

  it("reads an AutoEq result by its target column, says so, and rates it as another target", async () => {
    const path = join(
      folder({
        "result.csv":
          "frequency,raw,error,smoothed,target\n20,6.6,1.7,6.6,4.9\n1000,0.1,0.2,0.1,0\n10000,-3,1,-3,-5\n",
      }),
      "result.csv",
    );
    const notes: string[] = [];
    const target = await readTargetInput(path, { onNote: (message) => notes.push(message) });
    expect(target.curve.values).toEqual([4.9, 0, -5]);
    expect(target.id).toBe("other");
    expect(notes).toEqual([
      expect.stringMatching(/result\.csv: read its "target" column as the target/),
    ]);
    const raw = await readTargetInput(path, { column: "raw" });
    expect(raw.curve.values).toEqual([6.6, 0.1, -3]);
  });
});
