import { preferenceRating } from "../analysis/preferenceRating.js";
import { sensitivity } from "../analysis/sensitivity.js";
import { targetDeviation } from "../analysis/targetDeviation.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { interpolateLogFrequency } from "../analysis/interpolate.js";
import type { ChartOptions } from "../plot/chart.js";
import { simulate } from "../simulate/simulate.js";
import type { SimulationResult } from "../simulate/result.js";
import { harmanInEar2019v2 } from "../targets/harmanInEar2019v2.js";
import { DRIVE_VOLTAGE } from "./kit.js";
import { REFERENCE_DESIGNS, type ReferenceDesign } from "./referenceDesigns.js";
import { SEAL_SCENARIOS, sealLossDb, withSeal } from "../source/sealScenarios.js";

/*
 * The reference designs side by side: the figures a buyer's guide would tabulate and the charts that
 * compare the configurations. Plain data in, plain data out; the report command writes it.
 */

export const COMPARISON_FREQUENCIES_HZ = Array.from(
  logFrequencies({ fromHz: 20, toHz: 20_000, points: 480 }),
);

export interface DesignFigures {
  readonly name: string;
  readonly summary: string;
  readonly result: SimulationResult;
  readonly sensitivityDbPerMilliwatt: number;
  readonly sensitivityDbPerVolt: number;
  readonly impedanceAt1kHzOhm: number;
  readonly minimumImpedanceOhm: number;
  readonly worstDeviationDb: number;
  readonly worstDeviationAtHz: number;
  readonly preferenceRating: number;
  readonly brokenSealLossAt50HzDb: number;
}

/** Simulates one reference design and computes its spec-sheet and tuning figures. */
export function designFigures(entry: ReferenceDesign): DesignFigures {
  const frequencies = [...COMPARISON_FREQUENCIES_HZ, 1000].sort((a, b) => a - b);
  const result = simulate(entry.design, { frequencies: [...new Set(frequencies)] });
  const drum = {
    kind: "response" as const,
    frequencyHz: result.frequencyHz,
    values: result.probes.drum!.db,
  };
  const deviation = targetDeviation(drum, harmanInEar2019v2);
  const spec = sensitivity(result, "drum", DRIVE_VOLTAGE);
  return {
    name: entry.name,
    summary: entry.summary,
    result,
    sensitivityDbPerMilliwatt: spec.dbSplPerMilliwatt,
    sensitivityDbPerVolt: spec.dbSplPerVolt,
    impedanceAt1kHzOhm: spec.impedanceOhm,
    minimumImpedanceOhm: Math.min(...result.inputImpedance!.magnitudeOhm),
    worstDeviationDb: deviation.worstDb,
    worstDeviationAtHz: deviation.worstAtHz,
    preferenceRating: preferenceRating(drum, harmanInEar2019v2).ppr,
    brokenSealLossAt50HzDb: sealLossDb(entry.design, 50),
  };
}

export function allDesignFigures(): DesignFigures[] {
  return REFERENCE_DESIGNS.map(designFigures);
}

/** SPL at the drum for 1 mW at 1 kHz-level alignment: every design at 0 dB at 1 kHz, with the target. */
export function responseChart(figures: readonly DesignFigures[]): ChartOptions {
  const grid = COMPARISON_FREQUENCIES_HZ;
  const aligned = (values: readonly number[], frequencyHz: readonly number[]) => {
    const curve = { kind: "response" as const, frequencyHz, values };
    const [at1k] = interpolateLogFrequency(curve, [1000]);
    return interpolateLogFrequency(curve, grid).map((value) => value - at1k!);
  };
  return {
    title: "Reference designs: response at the 711 drum",
    subtitle: "each set to 0 dB at 1 kHz; dashed: Harman in-ear 2019 v2",
    panels: [
      {
        yLabel: "Level re 1 kHz",
        yUnit: "dB",
        yMinSpan: 30,
        series: [
          ...figures.map((entry) => ({
            name: entry.name,
            xHz: grid,
            y: aligned(entry.result.probes.drum!.db, entry.result.frequencyHz),
          })),
          {
            name: "Harman in-ear 2019 v2",
            xHz: grid,
            y: aligned(harmanInEar2019v2.values, harmanInEar2019v2.frequencyHz),
            dash: "dashed",
            color: "#444444",
          },
        ],
      },
    ],
    notes: ["IEC 60318-4 (711) ear simulator: standardised for 100 Hz–10 kHz."],
  };
}

export function impedanceChart(figures: readonly DesignFigures[]): ChartOptions {
  return {
    title: "Reference designs: electrical impedance",
    panels: [
      {
        yLabel: "|Z|",
        yUnit: "Ω",
        yScale: "log",
        series: figures.map((entry) => ({
          name: entry.name,
          xHz: entry.result.frequencyHz,
          y: entry.result.inputImpedance!.magnitudeOhm,
        })),
      },
    ],
  };
}

/** The seal scenario: the vented single DD against the sealed single BA and planar, sealed and broken. */
export function sealChart(): ChartOptions {
  const grid = COMPARISON_FREQUENCIES_HZ.filter((f) => f <= 2000);
  const series = ["single-dd", "single-ba", "planar"].flatMap((name) => {
    const design = REFERENCE_DESIGNS.find((entry) => entry.name === name)!.design;
    const sealed = simulate(design, { frequencies: grid }).probes.drum!.db;
    const broken = simulate(withSeal(design, SEAL_SCENARIOS.broken), { frequencies: grid }).probes
      .drum!.db;
    return [
      { name: `${name}, sealed`, xHz: grid, y: sealed },
      { name: `${name}, broken seal`, xHz: grid, y: broken, dash: "dashed" as const },
    ];
  });
  return {
    title: "What a broken ear-tip seal does",
    subtitle: SEAL_SCENARIOS.broken.description,
    xRangeHz: [20, 2000],
    panels: [{ yLabel: "SPL at the drum, 1 V", yUnit: "dB re 20 µPa", yMinSpan: 40, series }],
  };
}
