import type { Command } from "commander";
import {
  DEFAULT_PEAK_LEVEL_DB_SPL,
  SOURCE_PRESET_NAMES,
  type SourceFigures,
  chooseSources,
  formatSourceComparison,
  formatSourceMatch,
  matchSource,
  sourceChart,
  sourceMatchJson,
} from "../../index.js";
import { checkOutputPath, readSourceLoad } from "../io/index.js";
import { issueLines, usageError } from "../errors.js";
import { checkPlotPath, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";
import { type MeasuredFlags, addMeasuredOptions } from "./spec.js";

interface SourceFlags extends MeasuredFlags {
  source?: string;
  outputImpedance?: string;
  noise?: string;
  maxVoltage?: string;
  maxCurrent?: string;
  level: string;
  json?: boolean;
  plot?: string;
  force?: boolean;
}

export function registerSource(program: Command, output: CliOutput): void {
  addMeasuredOptions(
    program
      .command("source")
      .description(
        "how a headphone output drives a design or measured IEM: voltage, current and power for a peak level, headroom, hiss at the eardrum against the threshold of hearing, and the response change its output impedance causes",
      )
      .argument(
        "<design|impedance-file>",
        "a built-in design name, a design file (.json, .yaml), or an impedance measurement with --sensitivity",
      ),
  )
    .option(
      "--source <preset>",
      `a source preset: ${SOURCE_PRESET_NAMES.join(", ")} (none and no figures: every preset, compared)`,
    )
    .option("--output-impedance <ohm>", "the source's output impedance (Ω)")
    .option("--noise <microvolts>", "the source's noise floor, A-weighted (µV rms)")
    .option("--max-voltage <volts>", "the source's largest output voltage (V rms)")
    .option("--max-current <milliamps>", "the source's largest output current (mA rms)")
    .option(
      "--level <dB>",
      "the peak level to drive, dB SPL at the eardrum",
      String(DEFAULT_PEAK_LEVEL_DB_SPL),
    )
    .option("--json", "print the results as JSON")
    .option(
      "--plot <file>",
      "draw the response change and the hiss against the threshold (.svg or .png)",
    )
    .option("--force", "allow --plot to replace an existing file")
    .action(async (input: string, flags: SourceFlags) => {
      if (flags.plot !== undefined) {
        checkPlotPath(flags.plot);
        await checkOutputPath(flags.plot, flags.force ?? false, "--plot");
      }
      const level = parseNumber(
        "--level",
        flags.level,
        (v) => v > 0 && v < 200,
        "a level in dB SPL, e.g. 110",
      );
      const figures = figuresFromFlags(flags);
      const sources = chooseSources({ preset: flags.source, figures });
      // A preset or figures given: that one source in detail; neither: every preset compared.
      const chosen =
        flags.source !== undefined || Object.values(figures).some((v) => v !== undefined);
      const load = await readSourceLoad(input, flags);
      const matches = sources.map((source) => matchSource(load, source, level));
      if (flags.plot !== undefined) {
        await writeChart(flags.plot, sourceChart(load, matches), flags.force ?? false);
      }
      if (flags.json) output.out(`${JSON.stringify(sourceMatchJson(load, matches, level))}\n`);
      else {
        output.out(
          chosen
            ? formatSourceMatch(load, matches[0]!)
            : formatSourceComparison(load, matches, level),
        );
        output.err(issueLines(load.notes));
      }
    });
}

function parseNumber(
  flag: string,
  text: string,
  valid: (value: number) => boolean,
  what: string,
): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !valid(value))
    throw usageError(`${flag} ${text}: give ${what}`);
  return value;
}

/**
 * The largest figures a headphone output has, with room to spare; beyond them the figure is in the
 * wrong unit (volts typed as µV) and the hiss and headroom arithmetic overflows (1e300 µV of noise
 * printed "Infinity dB(A)"). Headphone outputs run from ~0.1 Ω to 120 Ω (IEC 61938's old
 * recommendation) of output impedance, a few µV to ~100 µV of noise, and up to ~30 V rms.
 */
const SOURCE_FIGURE_LIMITS = {
  outputImpedanceOhm: 10_000,
  noiseMicrovolts: 1_000_000,
  maxVoltageVrms: 1000,
  maxCurrentMa: 100_000,
} as const;

/** The source figures given as flags, each checked as a number in range and named on error. */
function figuresFromFlags(flags: SourceFlags): SourceFigures {
  const limits = SOURCE_FIGURE_LIMITS;
  const figure = (
    text: string | undefined,
    flag: string,
    valid: (value: number) => boolean,
    what: string,
  ) => (text === undefined ? undefined : parseNumber(flag, text, valid, what));
  const maxCurrentMa = figure(
    flags.maxCurrent,
    "--max-current",
    (v) => v > 0 && v <= limits.maxCurrentMa,
    `a current > 0 and ≤ ${limits.maxCurrentMa} mA rms, e.g. 100`,
  );
  return {
    outputImpedanceOhm: figure(
      flags.outputImpedance,
      "--output-impedance",
      (v) => v >= 0 && v <= limits.outputImpedanceOhm,
      `an output impedance from 0 to ${limits.outputImpedanceOhm} Ω, e.g. 10`,
    ),
    noiseMicrovoltsA: figure(
      flags.noise,
      "--noise",
      (v) => v >= 0 && v <= limits.noiseMicrovolts,
      `a noise floor from 0 to ${limits.noiseMicrovolts} µV (A-weighted), e.g. 5`,
    ),
    maxVoltageVrms: figure(
      flags.maxVoltage,
      "--max-voltage",
      (v) => v > 0 && v <= limits.maxVoltageVrms,
      `a voltage > 0 and ≤ ${limits.maxVoltageVrms} V rms, e.g. 1`,
    ),
    maxCurrentArms: maxCurrentMa === undefined ? undefined : maxCurrentMa / 1000,
  };
}
