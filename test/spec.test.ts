/** `tympan spec`: a design's spec sheet, a measured impedance with a sensitivity, and bad input. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";

describe("tympan spec", () => {
  it("prints quad-ba's spec sheet: 113.0 dB SPL/mW, 121.3 dB SPL/V, 113.4 Ω", async () => {
    const { code, out } = await tympan("spec", "quad-ba");
    expect(code).toBe(0);
    expect(out).toContain("113.0 dB SPL/mW, 121.3 dB SPL/V at 1 kHz");
    expect(out).toContain("113.4 Ω at 1 kHz");
    expect(out).toMatch(/impedance range\s+59\.0 Ω/);
  });

  it("gives JSON that agrees with the text", async () => {
    const sheet = JSON.parse((await tympan("spec", "planar", "--json")).out);
    expect(sheet.sensitivityDbSplPerMilliwatt).toBeCloseTo(95.9, 1);
    expect(sheet.maximumImpedanceOhm / sheet.minimumImpedanceOhm).toBeLessThan(1.01);
  });

  it("reads a measured impedance with a sensitivity (closed form: 32 Ω, 100 dB/mW → 114.9 dB/V)", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-spec-"));
    const zma = join(folder, "iem.zma");
    writeFileSync(zma, "10 32 0\n1000 32 0\n20000 32 0\n");
    const { code, out, err } = await tympan("spec", zma, "--sensitivity", "100 dB/mW");
    expect(code).toBe(0);
    expect(out).toContain("100.0 dB SPL/mW, 114.9 dB SPL/V");
    // The assumptions are notes, on standard error, each as `tympan: <file>: note: …`.
    expect(err).toMatch(
      /^tympan: note: no frequency response given: .*flat at the 1 kHz sensitivity/m,
    );
  });

  it("says an impedance file alone has no measured frequency response, instead of inventing one", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-spec-"));
    const zma = join(folder, "iem.zma");
    writeFileSync(zma, "10 32 0\n1000 32 0\n20000 32 0\n");
    const { out } = await tympan("spec", zma, "--sensitivity", "100 dB/mW");
    expect(out).toMatch(/frequency response {2}not measured/);
    expect(out).not.toMatch(/below .* to above/);
    const json = JSON.parse(
      (await tympan("spec", zma, "--sensitivity", "100 dB/mW", "--json")).out,
    );
    expect(json.responseKnown).toBe(false);
    expect(json.notes.map((note: { code: string }) => note.code)).toContain(
      "response-not-measured",
    );
  });

  it("says a missing impedance file does not exist, rather than asking for --sensitivity", async () => {
    const missing = await tympan("spec", "nope.zma");
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^tympan: nope\.zma: no such file/);
    expect(missing.err).not.toContain("--sensitivity");
  });

  it("says what is missing or wrong, exit 2", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-spec-"));
    const zma = join(folder, "iem.zma");
    writeFileSync(zma, "10 32 0\n1000 32 0\n20000 32 0\n");
    const noSensitivity = await tympan("spec", zma);
    expect(noSensitivity.code).toBe(2);
    expect(noSensitivity.err).toContain("--sensitivity");
    const badUnit = await tympan("spec", zma, "--sensitivity", "100 dB/W");
    expect(badUnit.code).toBe(2);
    expect(badUnit.err).toContain('"110 dB/mW"');
    const onDesign = await tympan("spec", "quad-ba", "--sensitivity", "100 dB/mW");
    expect(onDesign.code).toBe(2);
    const typo = await tympan("spec", "quad-bb");
    expect(typo.code).toBe(2);
    expect(typo.err).toContain("quad-ba");
  });
});
