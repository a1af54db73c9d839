/**
 * Issue 15's properties of a natural preset, on every reference design (fitted to Harman in-ear
 * 2019 v2) and every measurement in the shared data and test/fixtures/eq (fitted to AutoEq's own
 * target column, beside AutoEq's published preset): filters that do not fight (cancellation index),
 * no treble boost above 10 kHz, a preamp from the summed response with headroom; and against AutoEq,
 * a residual at most 0.5× its own (the issue's goal; its bar is 0.8×) with a cancellation index,
 * treble gain and preamp no worse than the issue's margins.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  itWithSharedData,
  readSharedCurve,
  sharedDataFile,
} from "../../test/support/sharedData.js";
import { REFERENCE_DESIGNS, harmanInEar2019v2, parseMeasurement, simulate } from "../index.js";
import type { Curve } from "../core/curve.js";
import type { Biquad } from "./biquad.js";
import {
  cancellationIndex,
  levelAfterPreampDb,
  presetPreampDb,
  trebleBoostDb,
} from "./eqMetrics.js";
import { eqResidual } from "./eqResidual.js";
import { parseEqualizerApo } from "./equalizerApo.js";
import { fitParametricEq } from "./fitParametricEq.js";

const AT_44K1 = { sampleRateHz: 44_100 };

/** The natural-preset properties that hold whatever the comparison. */
function expectNatural(filters: readonly Biquad[], sampleRateHz: number): void {
  // Below AutoEq's own presets in issue 15 (1.2–2.4); 1.8 on the planar design, 1.0–1.3 on most.
  expect(cancellationIndex(filters, sampleRateHz)).toBeLessThan(1.85);
  expect(trebleBoostDb(filters, sampleRateHz)).toBeLessThanOrEqual(0.05);
  expect(presetPreampDb(filters, sampleRateHz)).toBeLessThanOrEqual(0);
}

describe("natural presets: every reference design toward Harman in-ear 2019 v2", () => {
  for (const { name, design } of REFERENCE_DESIGNS) {
    it(`${name}: residual at most 0.5× the error before EQ (weighed as a simulation), filters that do not fight, level kept`, () => {
      const result = simulate(design, { frequencies: harmanInEar2019v2.frequencyHz });
      const curve: Curve = {
        kind: "response",
        frequencyHz: result.frequencyHz,
        values: result.probes.drum!.db,
      };
      const fit = fitParametricEq(curve, harmanInEar2019v2, { source: "simulation" });
      // The planar design's error sits largely between 6 and 10 kHz: weighed as a measurement it
      // kept 0.74× of it; the ear model holds to 10 kHz, so a design is weighed fully there.
      expect(fit.after.rmsDb).toBeLessThanOrEqual(0.5 * fit.before.rmsDb);
      expectNatural(fit.filters, fit.sampleRateHz);
      // No sinking of the whole EQ to dodge a preamp: the level after the preamp stays within the
      // boost limit of 0 dB (issue 15's first fit sank single-ba's EQ mean to about −9 dB).
      expect(levelAfterPreampDb(fit.filters, fit.sampleRateHz)).toBeGreaterThan(-6.5);
    });
  }
});

/**
 * AutoEq's published presets, measured here (residual RMS 20 Hz–10 kHz level-matched, cancellation
 * index, the summed EQ's maximum above 10 kHz, preamp, level after the preamp; 44.1 kHz): the bars of
 * issue 15 are these numbers plus its margins.
 */
const AUTOEQ_FIGURES = {
  "AKG N400": { rmsDb: 0.5384, ci: 1.207, trebleDb: 1.793, preampDb: -2.0, levelDb: -2.846 },
  "Moondrop Blessing 2": {
    rmsDb: 0.6209,
    ci: 1.843,
    trebleDb: -1.478,
    preampDb: -4.9,
    levelDb: -3.802,
  },
  "Moondrop Chu": { rmsDb: 0.5834, ci: 1.503, trebleDb: -0.198, preampDb: -3.5, levelDb: -2.789 },
} as const;

/** A fit within issue 15's bars against AutoEq's figures, and at its residual goal (≤ 0.5×). */
function expectWithinBars(
  fit: { filters: readonly Biquad[] },
  ours: number,
  theirs: (typeof AUTOEQ_FIGURES)[keyof typeof AUTOEQ_FIGURES],
): void {
  expect(ours).toBeLessThanOrEqual(0.5 * theirs.rmsDb);
  expect(cancellationIndex(fit.filters, 44_100)).toBeLessThanOrEqual(theirs.ci + 0.15);
  expect(trebleBoostDb(fit.filters, 44_100)).toBeLessThanOrEqual(theirs.trebleDb + 1);
  expect(presetPreampDb(fit.filters, 44_100)).toBeGreaterThanOrEqual(theirs.preampDb - 1);
  // The preamp alone can be dodged by a preset of cuts (no preamp, as quiet): the level after the
  // preamp (the EQ's mean over 20 Hz–10 kHz plus the preamp) is what the listener hears.
  expect(levelAfterPreampDb(fit.filters, 44_100)).toBeGreaterThanOrEqual(theirs.levelDb - 1);
  expectNatural(fit.filters, 44_100);
}

/** An AutoEq result: its measurement (`raw`), the target it aimed at and its published preset. */
function compareWithAutoEq(
  name: keyof typeof AUTOEQ_FIGURES,
  measurement: Curve,
  target: Curve,
  autoEq: readonly Biquad[],
): void {
  const figures = AUTOEQ_FIGURES[name];
  // AutoEq's figures are what its preset gives here (the table above is not stale).
  expect(eqResidual(measurement, target, autoEq, AT_44K1).rmsDb).toBeCloseTo(figures.rmsDb, 3);
  expect(cancellationIndex(autoEq, 44_100)).toBeCloseTo(figures.ci, 2);
  expect(trebleBoostDb(autoEq, 44_100)).toBeCloseTo(figures.trebleDb, 2);
  expect(presetPreampDb(autoEq, 44_100)).toBeCloseTo(figures.preampDb, 5);
  expect(levelAfterPreampDb(autoEq, 44_100)).toBeCloseTo(figures.levelDb, 2);
  const fit = fitParametricEq(measurement, target, AT_44K1);
  expectWithinBars(fit, eqResidual(measurement, target, fit.filters, AT_44K1).rmsDb, figures);
}

/** An AutoEq result in test/fixtures/eq. */
function fixtureResult(name: "Moondrop Blessing 2" | "Moondrop Chu") {
  const folder = new URL("../../test/fixtures/eq/", import.meta.url);
  const csv = readFileSync(new URL(`${name}.csv`, folder), "utf8");
  const preset = readFileSync(new URL(`${name} ParametricEQ.txt`, folder), "utf8");
  return {
    measurement: parseMeasurement(csv, { source: name, column: "raw" }),
    target: parseMeasurement(csv, { source: name, column: "target" }),
    autoEq: parseEqualizerApo(preset).filters,
  };
}

describe("natural presets against AutoEq's published ones (issue 15's bars and its goal)", () => {
  // Today: N400 0.43×, Blessing 2 0.27×, Chu 0.42× AutoEq's residual; cancellation 1.12, 1.41, 1.42.
  itWithSharedData("AKG N400 (shared data)", () => {
    const result = "autoeq-results/AKG N400.csv";
    const path = sharedDataFile("autoeq-results/AKG N400 ParametricEQ.txt");
    compareWithAutoEq(
      "AKG N400",
      readSharedCurve(result, "raw"),
      readSharedCurve(result, "target"),
      parseEqualizerApo(readFileSync(path, "utf8"), path).filters,
    );
  });

  for (const name of ["Moondrop Blessing 2", "Moondrop Chu"] as const) {
    it(`${name} (test/fixtures/eq)`, () => {
      const { measurement, target, autoEq } = fixtureResult(name);
      compareWithAutoEq(name, measurement, target, autoEq);
    });
  }

  it("the Moondrop Chu from a search grid one point coarser: still within the bars (the search does not hang on its start)", () => {
    // With one start the Chu's residual went from 0.47× to 0.70× AutoEq's between search grids of
    // every 5th and every 6th point; with three starts it is 0.42× and 0.43×.
    const { measurement, target } = fixtureResult("Moondrop Chu");
    const fit = fitParametricEq(measurement, target, { ...AT_44K1, searchDecimation: 6 });
    const ours = eqResidual(measurement, target, fit.filters, AT_44K1).rmsDb;
    expectWithinBars(fit, ours, AUTOEQ_FIGURES["Moondrop Chu"]);
  });

  it("is deterministic: the same curves give the same preset", () => {
    const { measurement, target } = fixtureResult("Moondrop Chu");
    const first = fitParametricEq(measurement, target, AT_44K1);
    expect(fitParametricEq(measurement, target, AT_44K1).filters).toEqual(first.filters);
  });

  itWithSharedData("the AKG N400 measurement toward Harman in-ear 2019 v2", () => {
    const fit = fitParametricEq(readSharedCurve("measurements/AKG N400.csv"), harmanInEar2019v2);
    expect(fit.after.rmsDb).toBeLessThan(fit.before.rmsDb / 3);
    expectNatural(fit.filters, fit.sampleRateHz);
  });
});

describe("cancellationIndex catches a preset whose filters cancel", () => {
  it("issue 15's N400 pairs (+3.6 dB at 2464 Hz beside −2.7 dB at 2790 Hz; +5.2 dB shelf against −7.8 dB at 9854 Hz) fail the natural bound", () => {
    const fighting: Biquad[] = [
      { type: "high-shelf", fcHz: 10_000, q: 0.7, gainDb: 5.2 },
      { type: "peaking", fcHz: 9854, q: 0.79, gainDb: -7.8 },
      { type: "peaking", fcHz: 2464, q: 1.12, gainDb: 3.6 },
      { type: "peaking", fcHz: 2790, q: 1.36, gainDb: -2.7 },
    ];
    expect(() => expectNatural(fighting, 48_000)).toThrow();
    expect(cancellationIndex(fighting)).toBeGreaterThan(1.85);
  });
});
