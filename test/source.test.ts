/** `tympan source`: one preset in detail, every preset compared, a custom source, plots and errors. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tympan } from "./support/cli.js";

describe("tympan source", () => {
  it("shows the phone driving quad-ba: drive, headroom, an audible hiss, the damping", async () => {
    const { code, out } = await tympan("source", "quad-ba", "--source", "phone");
    expect(code).toBe(0);
    expect(out).toContain("271 mV rms");
    expect(out).toContain("voltage limits first");
    expect(out).toContain("audible hiss in quiet passages");
    expect(out).toMatch(/shape changes by 0\.55 dB/);
    expect(out).toContain("ISO 389-2");
  });

  it("compares every preset when no source is given", async () => {
    const { code, out } = await tympan("source", "planar");
    expect(code).toBe(0);
    for (const name of ["phone", "usb-dongle", "portable-dac-amp", "desktop-amp"])
      expect(out).toContain(name);
    // 0.903 V for 110 dB SPL is beyond the phone's 0.5 V.
    expect(out).toMatch(/phone\s+5 Ω\s+0\.5 V\s+15 µV\(A\)\s+−6\.\d dB \(voltage\)/);
  });

  it("takes a custom source; a 10 Ω source reshapes hybrid-1dd-7ba by ≈ 2 dB (JSON)", async () => {
    const { code, out } = await tympan(
      "source",
      "hybrid-1dd-7ba",
      "--output-impedance",
      "10",
      "--noise",
      "3",
      "--max-voltage",
      "1",
      "--json",
    );
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.sources).toHaveLength(1);
    expect(result.sources[0].damping.spreadDb).toBeCloseTo(1.98, 2);
    expect(result.sources[0].drive.currentHeadroomDb).toBeUndefined();
  });

  it("lets flags replace a preset's figures, and checks the level", async () => {
    const louder = JSON.parse(
      (await tympan("source", "quad-ba", "--source", "phone", "--noise", "30", "--json")).out,
    );
    expect(louder.sources[0].source.noiseMicrovoltsA).toBe(30);
    expect(louder.sources[0].hiss.marginDb).toBeCloseTo(5.16 + 6.02, 1);
    const quieter = JSON.parse(
      (await tympan("source", "quad-ba", "--source", "phone", "--level", "100", "--json")).out,
    );
    expect(quieter.sources[0].drive.voltageVrms).toBeCloseTo(0.271 / Math.sqrt(10), 3);
  });

  it("refuses an incomplete custom source, an unknown preset and a bad number, exit 2", async () => {
    const partial = await tympan("source", "quad-ba", "--output-impedance", "10");
    expect(partial.code).toBe(2);
    expect(partial.err).toContain("missing: --noise, --max-voltage");
    const unknown = await tympan("source", "quad-ba", "--source", "walkman");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("usb-dongle");
    const negative = await tympan("source", "quad-ba", "--source", "phone", "--noise", "-1");
    expect(negative.code).toBe(2);
    expect(negative.err).toContain("--noise -1");
  });

  it("draws the plot and will not overwrite it without --force", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tympan-source-")), "source.svg");
    expect((await tympan("source", "quad-ba", "--source", "phone", "--plot", file)).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const again = await tympan("source", "quad-ba", "--source", "phone", "--plot", file);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    // Refused before any work: nothing computed, nothing printed.
    expect(again.out).toBe("");
  });
});
