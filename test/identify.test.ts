/** `tympan identify`: three ZMA files of a simulated receiver in, its two-port table out. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logFrequencies } from "../src/core/frequencyGrid.js";
import { parseTwoPortCsv } from "../src/index.js";
import { parseKnownLoad } from "../src/identify/knownLoads.js";
import type { ComplexSeries } from "../src/core/complexValue.js";
import { tympan } from "./support/cli.js";
import {
  SYNTHETIC_RECEIVER,
  receiverTruth,
  simulatedInputImpedance,
} from "./support/syntheticReceiver.js";

const GRID = Array.from(logFrequencies({ fromHz: 100, toHz: 10_000, points: 25 }));
const LOADS = ["0.4cc", "2cc", "711"];

/** A ZMA file (frequency, |Z|, phase in degrees) at full double precision. */
function zma(impedance: ComplexSeries, grid: readonly number[]): string {
  const rows = grid.map((f, k) => {
    const re = impedance.re[k]!;
    const im = impedance.im[k]!;
    return `${f}\t${Math.hypot(re, im)}\t${(Math.atan2(im, re) * 180) / Math.PI}`;
  });
  return `; simulated receiver\n${rows.join("\n")}\n`;
}

function worstRelativeError(actual: ComplexSeries, expected: ComplexSeries): number {
  return Math.max(
    ...expected.re.map(
      (re, k) =>
        Math.hypot(actual.re[k]! - re, actual.im[k]! - expected.im[k]!) /
        Math.hypot(re, expected.im[k]!),
    ),
  );
}

function writeMeasurements(folder: string): string[] {
  return LOADS.map((text) => {
    const path = join(folder, `zin-${text}.zma`);
    const impedance = simulatedInputImpedance(SYNTHETIC_RECEIVER, parseKnownLoad(text), GRID);
    writeFileSync(path, zma(impedance, GRID));
    return path;
  });
}

describe("tympan identify", () => {
  it("recovers the simulated receiver's Ze, T and Za from three ZMA files and writes the table", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-identify-"));
    const files = writeMeasurements(folder);
    const out = join(folder, "receiver.csv");
    const {
      code,
      out: printed,
      err,
    } = await tympan("identify", ...files, "--loads", LOADS.join(","), "--out", out);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(printed).toContain("25 frequencies, 100–10000 Hz");
    expect(printed).toContain("p_s (dB)");
    expect(printed).toContain("Polarity (the sign of T) is not measured");
    expect(printed).toContain(`Wrote ${out}.`);
    const table = parseTwoPortCsv(readFileSync(out, "utf8"), out);
    const truth = receiverTruth(SYNTHETIC_RECEIVER, GRID);
    expect(table.frequencyHz).toEqual(GRID);
    // Magnitude/phase text costs a few ulps per value; identification amplifies that ~1e5 at 100 Hz.
    expect(worstRelativeError(table.ze, truth.ze)).toBeLessThan(1e-9);
    expect(worstRelativeError(table.transduction, truth.transduction)).toBeLessThan(1e-8);
    expect(worstRelativeError(table.za, truth.za)).toBeLessThan(1e-8);

    const again = await tympan("identify", ...files, "--loads", LOADS.join(","), "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("already exists; pass --force");
    expect(again.out).toBe(""); // refused before identifying or printing anything
    const forced = await tympan(
      "identify",
      ...files,
      "--loads",
      LOADS.join(","),
      "--out",
      out,
      "--force",
    );
    expect(forced.code).toBe(0);
  });

  it("prints the summary without writing when --out is not given", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-identify-"));
    const { code, out } = await tympan(
      "identify",
      ...writeMeasurements(folder),
      "--loads",
      "0.4cc,2cc,711",
    );
    expect(code).toBe(0);
    expect(out).toContain("Pass --out receiver.csv to save the table.");
  });

  it("exits 2 with clear messages on bad input", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-identify-"));
    const files = writeMeasurements(folder);
    const noPhase = join(folder, "no-phase.zma");
    writeFileSync(noPhase, "100\t120\n1000\t130\n10000\t400\n");
    const missingPhase = await tympan(
      "identify",
      noPhase,
      files[1]!,
      files[2]!,
      "--loads",
      "0.4cc,2cc,711",
    );
    expect(missingPhase.code).toBe(2);
    expect(missingPhase.err).toContain(`${noPhase}: the file has no phase column`);

    const twoLoads = await tympan("identify", ...files, "--loads", "0.4cc,2cc");
    expect(twoLoads.code).toBe(2);
    expect(twoLoads.err).toContain("give exactly three loads");

    const unknown = await tympan("identify", ...files, "--loads", "0.4cc,2cc,ear");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('"ear" is not a known load');

    const same = await tympan("identify", ...files, "--loads", "2cc,2cc,711");
    expect(same.code).toBe(2);
    expect(same.err).toContain("at 100 Hz loads A and B have the same impedance");

    const missing = await tympan(
      "identify",
      join(folder, "nope.zma"),
      files[1]!,
      files[2]!,
      "--loads",
      "0.4cc,2cc,711",
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.zma: no such file");
  });
});
