/** `tympan eq`: presets as EqualizerAPO, GraphicEQ, CSV and JSON; targets, --toward, plots, errors. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEqualizerApo } from "../src/eq/equalizerApo.js";
import { tympan } from "./support/cli.js";
import { AKG_N400, itWithSharedData, sharedDataFile } from "./support/sharedData.js";

const AUTOEQ_RESULT = sharedDataFile("autoeq-results/AKG N400.csv");
const FILTER_LINE = /^Filter \d+: ON (PK|LSC|HSC) Fc \d+(\.\d)? Hz Gain -?\d+\.\d dB Q \d+\.\d\d$/;

describe("tympan eq", () => {
  itWithSharedData(
    "prints an EqualizerAPO preset: its figures as # comments, Preamp, then 10 filters (shelves as LSC/HSC)",
    async () => {
      const { code, out, err } = await tympan(
        "eq",
        AUTOEQ_RESULT,
        "--column",
        "raw",
        "--target",
        AUTOEQ_RESULT,
        "--target-column",
        "target",
        "--sample-rate",
        "44100",
      );
      expect(err).toBe("");
      expect(code).toBe(0);
      const all = out.trimEnd().split("\n");
      const comments = all.filter((line) => line.startsWith("# "));
      expect(comments.join("\n")).toMatch(
        /^# residual \d+\.\d\d dB RMS \(before EQ \d+\.\d\d dB\)/,
      );
      expect(comments.join("\n")).toMatch(/# cancellation index \d+\.\d\d/);
      expect(comments.join("\n")).toMatch(
        /# max boost -?\d+\.\d dB, above 10 kHz -?\d+\.\d dB; preamp -?\d+\.\d dB/,
      );
      expect(comments.join("\n")).toMatch(/# weighed: 20 Hz–6 kHz point by point/);
      const lines = all.filter((line) => !line.startsWith("#"));
      expect(lines).toHaveLength(11);
      expect(lines[0]).toMatch(/^Preamp: -?\d+\.\d dB$/);
      for (const line of lines.slice(1)) expect(line).toMatch(FILTER_LINE);
      expect(lines[1]).toContain("ON LSC Fc 105 Hz");
      expect(lines[2]).toContain("ON HSC Fc 10000 Hz");
      const preset = parseEqualizerApo(out);
      expect(preset.filters).toHaveLength(10);
      expect(preset.preampDb).toBeLessThanOrEqual(0);
    },
  );

  itWithSharedData(
    "--format json: filters, preamp, residual before/after and the predicted preference after EQ",
    async () => {
      const { code, out } = await tympan("eq", AKG_N400, "--format", "json", "--rig", "gras");
      expect(code).toBe(0);
      const result = JSON.parse(out);
      expect(result.filters).toHaveLength(10);
      expect(result.target).toBe("Harman in-ear 2019 v2");
      // The preamp leaves 0.2 dB of headroom below the summed EQ's peak.
      expect(result.preampDb).toBeCloseTo(
        Math.min(0, -Math.ceil((result.maxEqDb + 0.2) * 10 - 1e-9) / 10),
        10,
      );
      expect(result.cancellationIndex).toBeGreaterThanOrEqual(1);
      expect(result.cancellationIndex).toBeLessThan(1.5);
      expect(result.trebleMaxEqDb).toBeLessThanOrEqual(0);
      expect(result.weighedBand).toMatchObject({ fullWeightToHz: 6000, pointByPointToHz: 10_000 });
      // The level a listener hears after the preamp: the EQ's mean over 20 Hz–10 kHz plus the preamp.
      expect(result.levelAfterPreampDb).toBeLessThanOrEqual(result.preampDb + result.maxEqDb);
      expect(result.levelAfterPreampDb).toBeGreaterThan(-6);
      expect(result.residual.band).toBe("20 Hz–10 kHz, level-matched");
      expect(result.maxEqDb).toBeLessThanOrEqual(6);
      expect(result.residual.afterRmsDb).toBeLessThan(result.residual.beforeRmsDb / 3);
      // The golden rating before EQ; toward Harman itself the rating rises.
      expect(result.preferenceRating.before).toBeCloseTo(89.14, 2);
      expect(result.preferenceRating.after).toBeGreaterThan(95);
      expect(result.preferenceRating.valid).toBe(true);
    },
  );

  it("fits a built-in design; --preset graphic-10 keeps the ten octave bands at Q 1.41", async () => {
    const { code, out } = await tympan("eq", "single-dd", "--preset", "graphic-10");
    expect(code).toBe(0);
    const preset = parseEqualizerApo(out);
    expect(preset.filters.map((filter) => filter.fcHz)).toEqual([
      31.3, 62.5, 125, 250, 500, 1000, 2000, 4000, 8000, 16_000,
    ]);
    for (const filter of preset.filters) {
      expect(filter.q).toBe(1.41);
      expect(Math.abs(filter.gainDb)).toBeLessThanOrEqual(12);
    }
  });

  it("a design is weighed as a simulation: point by point with full weight up to 10 kHz", async () => {
    const { code, out } = await tympan("eq", "planar", "--format", "json");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.weighedBand).toMatchObject({ fullWeightToHz: 10_000, pointByPointToHz: 10_000 });
    expect(result.weighedBand.description).toContain("simulated design");
    // Issue 15's first fit left 0.74× the error before EQ on this design (its error sits at 6–10 kHz).
    expect(result.residual.afterRmsDb).toBeLessThan(0.5 * result.residual.beforeRmsDb);
  });

  it("--format graphic prints one GraphicEQ line of 127 bands; --format csv the curves", async () => {
    const graphic = await tympan("eq", "single-dd", "--format", "graphic", "--filters", "6");
    expect(graphic.code).toBe(0);
    expect(graphic.out).toMatch(/^GraphicEQ: 20 -?\d+\.\d; 21 /);
    expect(graphic.out.trim().split("; ")).toHaveLength(127);
    const csv = await tympan("eq", "single-dd", "--format", "csv", "--filters", "6");
    const rows = csv.out.trim().split("\n");
    expect(rows[0]).toBe("frequency_hz,measurement_db,target_db,eq_db,equalized_db");
    expect(rows).toHaveLength(1 + 695);
  });

  it("--toward equalises one design to sound like another; --plot draws, never overwriting", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-eq-"));
    const plot = join(folder, "eq.svg");
    const first = await tympan(
      "eq",
      "single-ba",
      "--toward",
      "single-dd",
      "--format",
      "json",
      "--plot",
      plot,
    );
    expect(first.code).toBe(0);
    const result = JSON.parse(first.out);
    expect(result.target).toContain("single-dd");
    expect(result.residual.afterRmsDb).toBeLessThan(result.residual.beforeRmsDb / 2);
    expect(existsSync(plot)).toBe(true);
    expect(readFileSync(plot, "utf8")).toContain("<svg");
    const again = await tympan("eq", "single-ba", "--toward", "single-dd", "--plot", plot);
    expect(again.code).toBe(2);
  });

  it("bad flags exit 2 with a message saying what to do, never a stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [["--preset", "walkman"], /--preset walkman: unknown device; choose one of parametric/],
      [["--preset", "spotify", "--filters", "8"], /fixed set of 6 filters/],
      [["--filters", "0"], /--filters 0: give a whole number of filters from 1 to 30/],
      [
        ["--filters", "abc"],
        /--filters "abc" is not a number: give a number of filters from 1 to 30/,
      ],
      [["--filters", "2.5"], /--filters 2.5: give a whole number of filters from 1 to 30/],
      [["--filters", "31"], /--filters 31: give a whole number of filters from 1 to 30/],
      [["--max-boost", "-1"], /--max-boost -1: give a number of dB from 0 to 30/],
      [["--max-boost", "abc"], /--max-boost "abc" is not a number: give a number of dB/],
      [["--max-boost", "1e300"], /--max-boost 1e\+300: give a number of dB from 0 to 30/],
      [["--max-boost", ""], /--max-boost "" is not a number/],
      [["--sample-rate", "abc"], /--sample-rate "abc" is not a number: give a number of Hz/],
      [["--sample-rate", "Infinity"], /--sample-rate "Infinity" is not a number/],
      [["--sample-rate", "-48000"], /--sample-rate -48000: .* from 20021 to 768000 Hz/],
      // Nyquist below the preset's 10 kHz shelf: the flag and the range, not the slots' paths.
      [
        ["--sample-rate", "8000"],
        /--sample-rate 8000: the parametric preset places filters up to 10000 Hz, so give a sample rate from 20021 to 768000 Hz/,
      ],
      [["--sample-rate", "1e12"], /--sample-rate 1000000000000: .* from 20021 to 768000 Hz/],
      // graphic-10 has a band at 16 kHz.
      [
        ["--preset", "graphic-10", "--sample-rate", "22050"],
        /--sample-rate 22050: the graphic-10 preset places filters up to 16000 Hz/,
      ],
      [["--format", "xml"], /--format xml: choose one of apo, graphic, csv, json/],
      [["--rig", "kemar"], /--rig kemar: choose one of gras/],
      [
        ["--target", "harman-in-ear-2019v2", "--toward", "single-ba"],
        /either --target or --toward/,
      ],
      [["--plot", "eq.pdf"], /must end in \.svg or \.png/],
    ];
    for (const [flags, message] of cases) {
      const { code, err } = await tympan("eq", "single-dd", ...flags);
      expect(code, flags.join(" ")).toBe(2);
      expect(err).toMatch(message);
      expect(err).not.toContain("    at ");
      expect(err).not.toMatch(/NaN|Infinity dB|slots\./);
    }
  });

  it("a measurement that does not cover 20 Hz–10 kHz is named, exit 2", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tympan-eq-"));
    const short = join(folder, "short.csv");
    writeFileSync(short, "frequency,raw\n100,0\n1000,1\n5000,2\n");
    const { code, err } = await tympan("eq", short);
    expect(code).toBe(2);
    expect(err).toContain(short);
    expect(err).toContain("20 Hz–10 kHz");
  });
});
