import type { Command } from "commander";
import {
  DEFAULT_TARGET_NAME,
  OPTIMIZE_DEFAULTS,
  type OptimizeResult,
  type TuningFigures,
  optimizeChart,
  optimizeDesign,
} from "../../index.js";
import { checkOutputPath, loadDesign, readTargetInput } from "../io/index.js";
import { inFile, issueLines, usageError } from "../errors.js";
import { writeOutputFile } from "../outputFile.js";
import { checkPlotOutput, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";
import { bandFlag, compactNumber, finiteFlag, integerFlag, positiveFlag } from "./tuningFlags.js";

interface OptimizeFlags {
  free: string[];
  target: string;
  objective: string;
  band: string;
  minImpedance?: string;
  sensitivity?: string;
  snap: boolean;
  seed: string;
  evaluations?: string;
  out?: string;
  plot?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `tympan optimize`: tunes the named parameters of a design towards a target (global then local
 * search), snaps them to orderable values and re-optimises the rest; prints before/after.
 */
export function registerOptimize(program: Command, output: CliOutput): void {
  program
    .command("optimize")
    .description(
      "tune a design's parameters towards a target with parts you can order (E24/E12, stock dampers and tubing)",
    )
    .argument("<design>", "design file (.json, .yaml) or a built-in design name (tympan designs)")
    .option(
      "--free <id.parameter[=min:max]>",
      "a parameter to tune (repeatable), bounds in SI as in the design file, e.g. Cmid.capacitance=1e-7:1e-6",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--target <name|file>", "target curve: a built-in name or a file", DEFAULT_TARGET_NAME)
    .option(
      "--objective <rating|rms>",
      "rating: the in-ear preference rating at the drum; rms: the level-matched error in --band",
      OPTIMIZE_DEFAULTS.objective,
    )
    .option("--band <from:to>", "band of the RMS error, Hz", "20:10000")
    .option("--min-impedance <ohm>", "keep |Z| at least this over 20 Hz–20 kHz")
    .option("--sensitivity <dB/mW>", "keep the sensitivity at 1 kHz at least this (dB SPL/mW)")
    .option("--no-snap", "keep the continuous optimum (do not snap to orderable values)")
    .option(
      "--seed <n>",
      "seed of the global search (same seed, same result)",
      String(OPTIMIZE_DEFAULTS.seed),
    )
    .option(
      "--evaluations <n>",
      "evaluations for the global and local search (default 120 + 180 per parameter)",
    )
    .option("--out <tuned.json>", "write the tuned design")
    .option("--plot <file>", "draw the response before and after (.svg or .png)")
    .option("--force", "allow --out and --plot to replace existing files")
    .option("--json", "print the result as JSON")
    .action(async (designPath: string, flags: OptimizeFlags) => {
      if (flags.free.length === 0) {
        throw usageError(
          "--free: name at least one parameter to tune, e.g. --free Rmid.resistance",
        );
      }
      if (flags.objective !== "rating" && flags.objective !== "rms") {
        throw usageError(`--objective ${flags.objective}: choose rating or rms`);
      }
      const objective = flags.objective;
      const bandHz = bandFlag(flags.band, "--band");
      const seed = integerFlag(flags.seed, "--seed", 0, 2 ** 32 - 1);
      const evaluations =
        flags.evaluations === undefined
          ? undefined
          : integerFlag(flags.evaluations, "--evaluations", 20, 1_000_000);
      const minImpedanceOhm =
        flags.minImpedance === undefined
          ? undefined
          : positiveFlag(flags.minImpedance, "--min-impedance", "Ω");
      const minSensitivityDbPerMw =
        flags.sensitivity === undefined
          ? undefined
          : finiteFlag(flags.sensitivity, "--sensitivity", "dB SPL/mW");
      const force = flags.force ?? false;
      if (flags.out !== undefined) await checkOutputPath(flags.out, force, "--out");
      if (flags.plot !== undefined) await checkPlotOutput(flags.plot, force);
      const target = await readTargetInput(flags.target, {
        onNote: (message) => output.err(`tympan: note: ${message}\n`),
      });
      const { design, name } = await loadDesign(designPath);
      const isTerminal = process.stderr.isTTY === true;
      const began = Date.now();
      const result = inFile(designPath, () =>
        optimizeDesign(design, {
          free: flags.free,
          target,
          objective,
          bandHz,
          snap: flags.snap,
          seed,
          ...(evaluations === undefined ? {} : { evaluations }),
          ...(minImpedanceOhm === undefined ? {} : { minImpedanceOhm }),
          ...(minSensitivityDbPerMw === undefined ? {} : { minSensitivityDbPerMw }),
          onProgress: (progress) => {
            if (isTerminal)
              output.err(
                `\roptimize: ${progress.stage} search, ${progress.evaluations} evaluations, best ${costText(objective, progress.bestCost)}   `,
              );
          },
        }),
      );
      const seconds = (Date.now() - began) / 1000;
      output.err(
        `${isTerminal ? "\r" : ""}optimize: ${result.evaluations.total} evaluations (global ${result.evaluations.global}, local ${result.evaluations.local}, snapping ${result.evaluations.snap}) in ${seconds.toFixed(1)} s\n`,
      );
      if (result.warnings.length > 0) output.err(issueLines(result.warnings, designPath));
      if (flags.out !== undefined)
        await writeOutputFile(flags.out, `${JSON.stringify(result.design, null, 2)}\n`, force);
      if (flags.plot !== undefined)
        await writeChart(
          flags.plot,
          optimizeChart(result, `${name}: tuned towards ${flags.target}`),
          force,
        );
      if (flags.json) {
        output.out(`${JSON.stringify(result)}\n`);
        return;
      }
      output.out(`${summary(result, flags.out).join("\n")}\n`);
    });
}

function costText(objective: "rating" | "rms", cost: number): string {
  return objective === "rating" ? `rating ${(-cost).toFixed(2)}` : `error ${cost.toFixed(3)} dB`;
}

function figuresLine(label: string, figures: TuningFigures, bandText: string): string {
  const extras = [
    figures.minImpedanceOhm === undefined ? "" : `|Z| min ${figures.minImpedanceOhm.toFixed(1)} Ω`,
    figures.sensitivityDbPerMw === undefined
      ? ""
      : `${figures.sensitivityDbPerMw.toFixed(1)} dB/mW at 1 kHz`,
  ].filter((text) => text !== "");
  return `${label.padEnd(22)} rating ${figures.rating.toFixed(1).padStart(5)}   error ${figures.rmsErrorDb.toFixed(2)} dB rms ${bandText}${extras.length > 0 ? `   ${extras.join(", ")}` : ""}`;
}

function summary(result: OptimizeResult, out: string | undefined): string[] {
  const bandText = `(${result.bandHz[0]}–${result.bandHz[1]} Hz)`;
  const lines = [
    figuresLine("before", result.before, bandText),
    ...(result.snapped ? [figuresLine("continuous optimum", result.continuous, bandText)] : []),
    figuresLine(result.snapped ? "after (orderable)" : "after", result.after, bandText),
    "",
    `${"parameter".padEnd(28)} ${"before".padStart(11)} ${"optimum".padStart(11)} ${"chosen".padStart(11)}  unit      ${result.snapped ? "from" : ""}`,
  ];
  for (const value of result.values) {
    lines.push(
      `${`${value.elementId}.${value.parameter}`.padEnd(28)} ${compactNumber(value.before).padStart(11)} ${compactNumber(value.continuous).padStart(11)} ${compactNumber(value.after).padStart(11)}  ${value.unit.padEnd(9)} ${result.snapped ? value.snappedTo : ""}`.trimEnd(),
    );
  }
  lines.push(
    "",
    "Ratings are informative only: the preference model is defined for GRAS measurements, this is a simulation.",
    out === undefined ? "Pass --out tuned.json to write the tuned design." : `Wrote ${out}.`,
  );
  return lines;
}
