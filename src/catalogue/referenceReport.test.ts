import { describe, expect, it } from "vitest";
import { SOURCE_PRESETS, SOURCE_PRESET_NAMES } from "../source/sourcePresets.js";
import { sourceAndFitClaims } from "./claims/sourceClaims.js";
import { distortionMarkdown, sourceAndFitMarkdown } from "./referenceReport.js";
import { allDistortionClaims } from "./claims/allDistortionClaims.js";
import {
  DISTORTION_CLAIM_FREQUENCIES,
  DISTORTION_CLAIM_LEVELS_DB,
  hybridClaim,
} from "./claims/distortionClaims.js";

/** The cells of a Markdown table row, trimmed. */
const cells = (row: string) =>
  row
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());

describe("sourceAndFitMarkdown(firstNumber)", () => {
  const lines = sourceAndFitMarkdown(6);

  it("has a row per source preset whose figures read back as the preset's, in the header's units", () => {
    for (const name of SOURCE_PRESET_NAMES) {
      const preset = SOURCE_PRESETS[name];
      const row = lines.find((line) => line.startsWith(`| ${name} |`));
      expect(row, name).toBeDefined();
      const [, description, ohm, volts, milliamps, microvolts, provenance] = cells(row!);
      expect(description).toBe(preset.description);
      expect(provenance).toBe(preset.provenance);
      // Ω, V rms, mA rms (the preset holds A), µV: each a plain short decimal, equal to the preset's.
      const expected = [
        preset.outputImpedanceOhm,
        preset.maxVoltageVrms,
        preset.maxCurrentArms * 1000,
        preset.noiseMicrovoltsA,
      ];
      [ohm, volts, milliamps, microvolts].forEach((cell, i) => {
        expect(cell, `${name} column ${i + 3}`).toMatch(/^\d+(?:\.\d{1,4})?$/);
        expect(Number(cell)).toBeCloseTo(expected[i]!, 9);
      });
    }
  });

  it("numbers the source-and-fit claims after the given number, one row each, saying whether each holds", () => {
    const claims = sourceAndFitClaims();
    const rows = lines.filter((line) => /^\| \d+ \|/.test(line)).map(cells);
    expect(rows.map((row) => Number(row[0]))).toEqual(claims.map((_, i) => 7 + i));
    rows.forEach((row, i) => {
      expect(row[1]).toBe(claims[i]!.claim);
      expect(row[2]).toBe(claims[i]!.holds ? "yes" : "**no**");
    });
    const shifted = sourceAndFitMarkdown(0).filter((line) => /^\| \d+ \|/.test(line));
    expect(shifted.map((line) => Number(cells(line)[0]))).toEqual(claims.map((_, i) => 1 + i));
  });
});

describe("distortionMarkdown(firstNumber, claims)", () => {
  const claims = allDistortionClaims();
  const lines = distortionMarkdown(16, claims);

  it("numbers the distortion claims after the given number, one row each, with its figures", () => {
    const rows = lines.filter((line) => /^\| \d+ \|/.test(line)).map(cells);
    expect(rows.map((row) => Number(row[0]))).toEqual(claims.map((_, i) => 17 + i));
    rows.forEach((row, i) => {
      expect(row[1]).toBe(claims[i]!.claim);
      expect(row[2]).toBe(claims[i]!.holds ? "yes" : "**no**");
      expect(row[3]).toBe(claims[i]!.summary);
    });
  });

  it("tabulates THD per design at 94 and 114 dB, one column per frequency, reading back as the claim's", () => {
    const { thdPercent } = hybridClaim().figures;
    for (const level of DISTORTION_CLAIM_LEVELS_DB) {
      const row = lines.find((line) => line.startsWith(`| ${level} dB | single-dd |`));
      expect(row, `${level} dB`).toBeDefined();
      const values = cells(row!).slice(2).map(Number);
      expect(values).toHaveLength(DISTORTION_CLAIM_FREQUENCIES.length);
      values.forEach((value, j) =>
        expect(value / thdPercent[level]!["single-dd"]![j]!).toBeCloseTo(1, 1),
      );
    }
  });
});
