import type { Command } from "commander";
import type { Design } from "../../design/design.js";
import { logFrequencies } from "../../core/frequencyGrid.js";
import {
  FIT_SCENARIOS,
  FIT_SCENARIO_NAMES,
  type FitScenario,
  fitScenario,
  withFit,
} from "../../source/fitScenarios.js";
import type { ChartOptions } from "../../plot/chart.js";
import { simulate } from "../../simulate/simulate.js";
import { inFile, usageError } from "../errors.js";
import { loadDesign } from "../loadDesign.js";
import { checkPlotPath, writeChart } from "../plotFile.js";
import type { CliOutput } from "../program.js";
import { formatHz, signedDb } from "./spec.js";

interface FitFlags {
  fit?: string;
  json?: boolean;
  plot?: string;
  force?: boolean;
}

/** The frequencies the table shows. */
const TABLE_HZ = [20, 50, 100, 200, 1000, 5000, 8000, 10000];
const GRID_HZ = [
  ...new Set([...logFrequencies({ fromHz: 20, toHz: 20_000, points: 400 }), ...TABLE_HZ]),
].sort((a, b) => a - b);

export function registerFit(program: Command, output: CliOutput): void {
  program
    .command("fit")
    .description(
      "the response at the eardrum under each fit (deep seal, shallow fit, broken seal) and ear-tip variant (foam, bore width and length)",
    )
    .argument("<design>", "a built-in design name or a design file (.json, .yaml)")
    .option(
      "--fit <names>",
      `comma-separated, from: ${FIT_SCENARIO_NAMES.join(", ")} (default: all)`,
    )
    .option("--json", "print every response as JSON")
    .option("--plot <file>", "draw the responses to an .svg or .png file")
    .option("--force", "allow --plot to replace an existing file")
    .action(async (input: string, flags: FitFlags) => {
      if (flags.plot !== undefined) checkPlotPath(flags.plot);
      const scenarios = parseFits(flags.fit);
      const { design, name } = await loadDesign(input);
      const fitted = scenarios.map((scenario) => {
        const db = inFile(input, () => {
          const result = simulate(withFit(design as Design, scenario), { frequencies: GRID_HZ });
          const drum = result.probes.drum;
          if (drum === undefined)
            throw usageError(`${input}: fit reads the "drum" probe; the design has none`);
          return drum.db;
        });
        return { scenario, db };
      });
      // Changes are relative to the deep seal (the design as tuned).
      const reference = inFile(
        input,
        () => simulate(design, { frequencies: GRID_HZ }).probes.drum?.db,
      );
      if (reference === undefined)
        throw usageError(`${input}: fit reads the "drum" probe; the design has none`);
      if (flags.json) {
        output.out(
          `${JSON.stringify({
            design: name,
            frequencyHz: GRID_HZ,
            fits: fitted.map(({ scenario, db }) => ({ ...scenario, db })),
          })}\n`,
        );
      } else {
        const at = (values: number[], hz: number) => values[GRID_HZ.indexOf(hz)]!;
        const lines = [
          `${name}: level at the eardrum under each fit, change from the deep seal (dB)`,
          `  ${"fit".padEnd(16)}${TABLE_HZ.map((hz) => formatHz(hz).padStart(9)).join("")}`,
          ...fitted.map(
            ({ scenario, db }) =>
              `  ${scenario.name.padEnd(16)}${TABLE_HZ.map((hz) => signedDb(at(db, hz) - at(reference, hz)).padStart(9)).join("")}`,
          ),
          `  (deep seal at 1 kHz: ${at(reference, 1000).toFixed(1)} dB SPL per volt)`,
          "",
          ...fitted.map(({ scenario }) => `  ${scenario.name}: ${scenario.description}`),
          "",
          "The IEC 60318-4 ear simulator is standardised for 100 Hz–10 kHz; below and above, the lumped model extrapolates.",
        ];
        output.out(`${lines.join("\n")}\n`);
      }
      if (flags.plot !== undefined) {
        const chart = fitChart(name, fitted);
        await writeChart(flags.plot, chart, flags.force ?? false);
      }
    });
}

function parseFits(text: string | undefined): FitScenario[] {
  if (text === undefined) return FIT_SCENARIO_NAMES.map((name) => FIT_SCENARIOS[name]);
  const names = text.split(",").map((part) => part.trim());
  return names.map((name) => {
    const scenario = fitScenario(name);
    if (scenario === undefined)
      throw usageError(`--fit ${name}: no such fit; choose from ${FIT_SCENARIO_NAMES.join(", ")}`);
    return scenario;
  });
}

function fitChart(
  name: string,
  fitted: readonly { scenario: FitScenario; db: number[] }[],
): ChartOptions {
  return {
    title: `${name}: fit and ear tips`,
    subtitle: "SPL at the eardrum (711) for 1 V",
    panels: [
      {
        yLabel: "SPL at the drum, 1 V",
        yUnit: "dB re 20 µPa",
        yMinSpan: 40,
        series: fitted.map(({ scenario, db }) => ({
          name: scenario.name,
          xHz: GRID_HZ,
          y: db,
          ...(scenario.kind === "tip" ? { dash: "dashed" as const } : {}),
        })),
      },
    ],
    bands: [],
    notes: ["Solid: how well the stock tip seals. Dashed: other ear tips, well seated."],
  };
}
