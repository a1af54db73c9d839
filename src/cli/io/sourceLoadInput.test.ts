import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceLoad } from "./sourceLoadInput.js";

const folder = mkdtempSync(join(tmpdir(), "tympan-load-"));
const zma = join(folder, "iem.zma");
writeFileSync(zma, "10 32 0\n1000 32 0\n20000 32 0\n");

describe("readSourceLoad", () => {
  it("simulates a built-in design", async () => {
    const load = await readSourceLoad("quad-ba");
    expect(load.responseKnown).toBe(true);
    expect(load.frequencyHz).toContain(1000);
  });

  it("reads an impedance file with its sensitivity (32 Ω, 100 dB/mW → 114.95 dB/V)", async () => {
    const load = await readSourceLoad(zma, { sensitivity: "100 dB/mW" });
    const at1k = load.frequencyHz.indexOf(1000);
    expect(20 * Math.log10(load.drumPaPerVolt[at1k]! / 20e-6)).toBeCloseTo(114.949, 3);
    expect(load.responseKnown).toBe(false);
  });

  it("says a missing file does not exist before asking for --sensitivity", async () => {
    await expect(readSourceLoad(join(folder, "nope.zma"))).rejects.toThrow(
      /nope.zma: no such file/,
    );
  });

  it("asks for --sensitivity for a measurement, names a bad figure, refuses it on a design", async () => {
    await expect(readSourceLoad(zma)).rejects.toThrow(/give its sensitivity at 1 kHz/);
    await expect(readSourceLoad(zma, { sensitivity: "100 dB/W" })).rejects.toThrow(
      /--sensitivity: 100 dB\/W: give dB SPL per mW or per V/,
    );
    await expect(readSourceLoad("quad-ba", { sensitivity: "100 dB/mW" })).rejects.toThrow(
      /quad-ba is a design/,
    );
    await expect(readSourceLoad("quad-bb")).rejects.toThrow(/built-in designs: .*quad-ba/);
  });
});
