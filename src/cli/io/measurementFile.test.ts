import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TympanError } from "../../index.js";
import { readMeasurementFile } from "./measurementFile.js";
import { itWithSharedData, sharedDataFile } from "../../../test/support/sharedData.js";

async function rejection(promise: Promise<unknown>): Promise<TympanError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TympanError);
  return error as TympanError;
}

describe("readMeasurementFile(path)", () => {
  itWithSharedData("reads the AutoEq measurement of the AKG N400", async () => {
    const curve = await readMeasurementFile(sharedDataFile("measurements/AKG N400.csv"));
    expect(curve.name).toBe("AKG N400");
    expect(curve.frequencyHz).toHaveLength(695);
    expect(curve.values[0]).toBe(6.65);
  });

  itWithSharedData("passes options on: the target column of an AutoEq result", async () => {
    const curve = await readMeasurementFile(sharedDataFile("autoeq-results/AKG N400.csv"), {
      column: "target",
    });
    expect(curve.values[0]).toBe(4.95);
  });

  it("takes the kind from a .zma extension", async () => {
    const path = fileURLToPath(
      new URL("../../../test/fixtures/measurements/driver.zma", import.meta.url),
    );
    expect((await readMeasurementFile(path)).kind).toBe("impedance");
  });

  it("strips a UTF-8 byte-order mark and reads UTF-16 with its mark", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-measurement-"));
    const utf8 = join(folder, "bom.csv");
    writeFileSync(utf8, "\uFEFFfrequency,raw\n20,1\n30,2\n", "utf8");
    expect((await readMeasurementFile(utf8)).frequencyHz).toEqual([20, 30]);
    const utf16 = join(folder, "windows.txt");
    writeFileSync(utf16, Buffer.from("\uFEFF20\t1\r\n30\t2\r\n", "utf16le"));
    expect((await readMeasurementFile(utf16)).values).toEqual([1, 2]);
  });

  it("names the file when it is missing, a folder, or malformed", async () => {
    const missing = await rejection(readMeasurementFile("no/such/file.csv"));
    expect(missing.message).toMatch(/^no\/such\/file\.csv: no such file/);
    const folder = await rejection(readMeasurementFile(tmpdir()));
    expect(folder.message).toContain("is a folder");
    const dir = mkdtempSync(join(tmpdir(), "tympan-measurement-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "frequency,raw\n20,1\nxx\n30,2\n");
    const malformed = await rejection(readMeasurementFile(bad));
    expect(malformed.source).toBe(bad);
    expect(malformed.issues[0]?.path).toEqual(["line", 3]);
  });
});
