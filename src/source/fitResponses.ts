import { logFrequencies } from "../core/frequencyGrid.js";
import { formatHz, signedDb } from "../core/format.js";
import { TympanError } from "../core/issues.js";
import { type Design, validateDesign } from "../design/design.js";
import type { ChartOptions } from "../plot/chart.js";
import { simulate } from "../simulate/simulate.js";
import {
  FIT_SCENARIOS,
  FIT_SCENARIO_NAMES,
  type FitScenario,
  fitScenario,
  withFit,
} from "./fitScenarios.js";

/** The frequencies the fit table shows (Hz). */
export const FIT_TABLE_HZ: readonly number[] = [20, 50, 100, 200, 1000, 5000, 8000, 10000];

/** 400 log-spaced points over 20 Hz–20 kHz plus the table's frequencies, exactly. */
const FIT_GRID_HZ: readonly number[] = [
  ...new Set([...logFrequencies({ fromHz: 20, toHz: 20_000, points: 400 }), ...FIT_TABLE_HZ]),
].sort((a, b) => a - b);

/** The drum level of a design under each fit, beside the design as tuned (the deep seal). */
export interface FitResponses {
  readonly name: string;
  /** 20 Hz–20 kHz, including every FIT_TABLE_HZ frequency. */
  readonly frequencyHz: readonly number[];
  /** dB SPL at the drum for 1 V, the design as tuned. */
  readonly referenceDb: readonly number[];
  readonly fits: readonly { readonly scenario: FitScenario; readonly db: readonly number[] }[];
}

function fitIssue(message: string, path: (string | number)[] = []): TympanError {
  return new TympanError([{ severity: "error", code: "fit-not-applicable", path, message }]);
}

/**
 * The fit scenarios named in a comma-separated list ("deep-seal,foam-tip"), or all of them
 * (FIT_SCENARIO_NAMES) when `names` is undefined. An unknown name is a TympanError (path "--fit")
 * listing the known ones.
 */
export function fitScenariosByName(names?: string): FitScenario[] {
  if (names === undefined) return FIT_SCENARIO_NAMES.map((name) => FIT_SCENARIOS[name]);
  return names.split(",").map((part) => {
    const name = part.trim();
    const scenario = fitScenario(name);
    if (scenario === undefined) {
      throw new TympanError([
        {
          severity: "error",
          code: "usage",
          path: ["--fit"],
          message: `${name}: no such fit; choose from ${FIT_SCENARIO_NAMES.join(", ")}`,
        },
      ]);
    }
    return scenario;
  });
}

/**
 * The level at the drum (the design's "drum" probe, dB SPL for its drive) under each scenario
 * (withFit), and as tuned, on 20 Hz–20 kHz. Throws a TympanError when the design is invalid, has no
 * "drum" probe, or a scenario does not apply (no ear711, no tip bore: see withFit).
 */
export function fitResponses(
  design: unknown,
  name: string,
  scenarios: readonly FitScenario[],
): FitResponses {
  const validated = validateDesign(design);
  if (!validated.ok) throw new TympanError(validated.issues);
  const drumDb = (fitted: Design) => {
    const drum = simulate(fitted, { frequencies: FIT_GRID_HZ }).probes.drum;
    if (drum === undefined) {
      throw fitIssue(`fit reads the "drum" probe; ${name} has none (add a probe with id "drum")`, [
        "probes",
      ]);
    }
    return drum.db;
  };
  const referenceDb = drumDb(validated.value);
  return {
    name,
    frequencyHz: FIT_GRID_HZ,
    referenceDb,
    fits: scenarios.map((scenario) => ({
      scenario,
      db: drumDb(withFit(validated.value, scenario)),
    })),
  };
}

/**
 * The fit table `tympan fit` prints: per scenario the change from the deep seal (dB) at each of
 * FIT_TABLE_HZ, the deep seal's level at 1 kHz, each scenario's description, and where the ear
 * simulator's model is an extrapolation.
 */
export function formatFitTable(responses: FitResponses): string {
  const at = (values: readonly number[], hz: number) => values[responses.frequencyHz.indexOf(hz)]!;
  const reference = responses.referenceDb;
  const lines = [
    `${responses.name}: level at the eardrum under each fit, change from the deep seal (dB)`,
    `  ${"fit".padEnd(16)}${FIT_TABLE_HZ.map((hz) => formatHz(hz).padStart(9)).join("")}`,
    ...responses.fits.map(
      ({ scenario, db }) =>
        `  ${scenario.name.padEnd(16)}${FIT_TABLE_HZ.map((hz) => signedDb(at(db, hz) - at(reference, hz)).padStart(9)).join("")}`,
    ),
    `  (deep seal at 1 kHz: ${at(reference, 1000).toFixed(1)} dB SPL per volt)`,
    "",
    ...responses.fits.map(({ scenario }) => `  ${scenario.name}: ${scenario.description}`),
    "",
    "The IEC 60318-4 ear simulator is standardised for 100 Hz–10 kHz; below and above, the lumped model extrapolates.",
  ];
  return `${lines.join("\n")}\n`;
}

/** The JSON `tympan fit --json` prints: the design's name, the frequencies, each fit with its dB. */
export function fitResponsesJson(responses: FitResponses): object {
  return {
    design: responses.name,
    frequencyHz: responses.frequencyHz,
    fits: responses.fits.map(({ scenario, db }) => ({ ...scenario, db })),
  };
}

/**
 * The chart `tympan fit --plot` draws: the drum level under each fit, seal scenarios solid and ear-tip
 * variants dashed.
 */
export function fitChart(responses: FitResponses): ChartOptions {
  return {
    title: `${responses.name}: fit and ear tips`,
    subtitle: "SPL at the eardrum (711) for 1 V",
    panels: [
      {
        yLabel: "SPL at the drum, 1 V",
        yUnit: "dB re 20 µPa",
        yMinSpan: 40,
        series: responses.fits.map(({ scenario, db }) => ({
          name: scenario.name,
          xHz: responses.frequencyHz,
          y: db,
          ...(scenario.kind === "tip" ? { dash: "dashed" as const } : {}),
        })),
      },
    ],
    bands: [],
    notes: ["Solid: how well the stock tip seals. Dashed: other ear tips, well seated."],
  };
}
