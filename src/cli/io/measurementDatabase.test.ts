import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  readMeasurementDatabase,
  readMeasurementFolder,
  readPhoneBook,
} from "./measurementDatabase.js";
import { readMeasurementFile } from "./measurementFile.js";

const FIXTURES = fileURLToPath(new URL("../../../test/fixtures/rank/", import.meta.url));

describe("readPhoneBook", () => {
  it("averages L and R, uses a lone channel with a warning and skips a phone without files", async () => {
    const { entries, skipped } = await readPhoneBook(join(FIXTURES, "squig", "phone_book.json"));
    expect(entries.map((entry) => entry.name)).toEqual([
      "Alpha Reference",
      "Beta Tilted (tilted)",
      "Beta Mono",
    ]);
    const [alpha, , mono] = entries;
    // L is target + 76 dB, R target + 74 dB: the amplitude mean is target + 75 + 20·log10(cosh(ln10/20)).
    const left = await readMeasurementFile(join(FIXTURES, "squig", "Alpha Reference L.txt"));
    const expected = (left.values[0] as number) - 1 + 20 * Math.log10(Math.cosh(Math.LN10 / 20));
    expect(alpha?.curve.values[0]).toBeCloseTo(expected, 9);
    expect(alpha?.sources).toHaveLength(2);
    expect(mono?.sources).toHaveLength(1);
    expect(mono?.warnings[0]?.message).toMatch(/only the left channel/);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toMatch(/Beta Ghost: neither "Ghost L.txt" nor "Ghost R.txt"/);
  });

  it("reads one channel's files alone when a channel is asked for", async () => {
    const book = join(FIXTURES, "squig", "phone_book.json");
    const right = await readPhoneBook(book, { channel: "right" });
    const alphaRight = await readMeasurementFile(join(FIXTURES, "squig", "Alpha Reference R.txt"));
    const alpha = right.entries.find((entry) => entry.name === "Alpha Reference");
    expect(alpha?.curve.values).toEqual(alphaRight.values);
    expect(alpha?.sources).toEqual([join(FIXTURES, "squig", "Alpha Reference R.txt")]);
    // Beta Mono has no R file: with the right channel asked for it is skipped, not read as left.
    expect(right.entries.map((entry) => entry.name)).not.toContain("Beta Mono");
    const left = await readPhoneBook(book, { channel: "left" });
    const mono = left.entries.find((entry) => entry.name === "Beta Mono");
    expect(mono?.warnings.some((w) => w.code === "single-channel")).toBe(false);
  });

  it("a channel over a folder reads stereo files by it and mono files as they are", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-stereo-"));
    writeFileSync(join(folder, "stereo.csv"), "Frequency,Left,Right\n20,80,70\n1000,90,85\n");
    writeFileSync(join(folder, "mono.csv"), "frequency,raw\n20,60\n1000,61\n");
    const { entries, skipped } = await readMeasurementFolder(folder, { channel: "right" });
    expect(skipped).toEqual([]);
    expect(entries.map((entry) => [entry.name, entry.curve.values])).toEqual([
      ["mono", [60, 61]],
      ["stereo", [70, 85]],
    ]);
  });

  it("names the file when the phone book is not JSON", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-book-"));
    const book = join(folder, "phone_book.json");
    writeFileSync(book, "[{");
    await expect(readPhoneBook(book)).rejects.toThrow(/phone_book\.json: is not valid JSON/);
  });
});

describe("readMeasurementFolder", () => {
  it("reads .csv/.txt/.frd files in name order, skips a broken one with its reason, ignores others", async () => {
    const { entries, skipped } = await readMeasurementFolder(join(FIXTURES, "folder"));
    expect(entries.map((entry) => entry.name)).toEqual(["flat-ish", "tilted"]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.source).toMatch(/broken\.csv$/);
    expect(skipped[0]?.reason).toMatch(/line 3/);
  });
});

describe("channel imbalance in a phone book", () => {
  it("notes a pair whose channels differ by more than 2 dB, and not a matched pair", async () => {
    const { entries } = await readMeasurementDatabase(`${FIXTURES}squig/phone_book.json`);
    const tilted = entries.find((entry) => entry.name.startsWith("Beta Tilted"))!;
    const reference = entries.find((entry) => entry.name.startsWith("Alpha Reference"))!;
    expect(tilted.warnings.map((warning) => warning.code)).toContain("channel-imbalance");
    expect(reference.warnings.map((warning) => warning.code)).not.toContain("channel-imbalance");
  });
});
