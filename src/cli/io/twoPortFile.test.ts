import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type TwoPortTable, formatTwoPortCsv, simulate } from "../../index.js";
import { readDesignFile } from "./designFile.js";
import { readTwoPortFile } from "./twoPortFile.js";

const TABLE: TwoPortTable = {
  frequencyHz: [100, 1000.5, 1e4],
  ze: { re: [100.1, 101.3, 140.7], im: [6.283185307179586, 62.9, -1e-3] },
  transduction: { re: [5e5, 4.9e5, 1 / 3], im: [0, -1e4, 2e-7] },
  za: { re: [1e6, 2e6, 3e6], im: [-1.1e9, -1.1e8, 1.1e7] },
};

describe("readTwoPortFile", () => {
  it("reads what formatTwoPortCsv wrote and names a missing file", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-two-port-"));
    const path = join(folder, "rx.csv");
    writeFileSync(path, formatTwoPortCsv(TABLE));
    expect(await readTwoPortFile(path)).toEqual(TABLE);
    await expect(readTwoPortFile(join(folder, "missing.csv"))).rejects.toThrow(
      /missing\.csv: no such file/,
    );
  });
});

describe("readDesignFile with a measuredReceiver table file", () => {
  const receiver = (extra: Record<string, unknown>) => ({
    tympan: 1,
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["plus", "0"], voltage: 1 },
      { id: "rx", type: "measuredReceiver", nodes: ["plus", "0", "out"], ...extra },
      { id: "cc2", type: "acousticVolume", nodes: ["out", "0"], volume: 2e-6 },
    ],
    probes: [{ id: "out", node: "out" }],
  });

  it("inlines the table from a path relative to the design file, and the design simulates", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-two-port-design-"));
    writeFileSync(join(folder, "rx.csv"), formatTwoPortCsv(TABLE));
    const path = join(folder, "design.json");
    writeFileSync(path, JSON.stringify(receiver({ file: "rx.csv" })));
    const design = (await readDesignFile(path)) as { elements: Record<string, unknown>[] };
    expect(design.elements[1]).toEqual({
      id: "rx",
      type: "measuredReceiver",
      nodes: ["plus", "0", "out"],
      ...TABLE,
    });
    expect(simulate(design, { frequencies: [1000] }).probes.out!.db[0]).toBeGreaterThan(0);
  });

  it("names the design, element and table file when the reference is wrong", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-two-port-design-"));
    const path = join(folder, "design.json");
    writeFileSync(path, JSON.stringify(receiver({ file: "missing.csv" })));
    await expect(readDesignFile(path)).rejects.toThrow(/missing\.csv: no such file/);
    writeFileSync(path, JSON.stringify(receiver({ file: "rx.csv", ...TABLE })));
    await expect(readDesignFile(path)).rejects.toThrow(
      /design\.json: elements\[1\]\.file: element "rx" \(measuredReceiver\): give the table either as "file" or inline/,
    );
  });
});
