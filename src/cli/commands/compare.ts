import type { Command } from "commander";
import { type Normalization, compareCurves, comparisonChart, comparisonCsv } from "../../index.js";
import { readCurveInputs } from "../io/index.js";
import { usageError } from "../errors.js";
import { checkPlotOutput, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";
import {
  type TargetFlags,
  addChannelOption,
  addTargetOptions,
  channelFromFlag,
  noteTo,
  targetFromFlags,
} from "../readCurve.js";

interface CompareFlags extends TargetFlags {
  normalize: string;
  smooth?: string;
  baseline?: string;
  plot?: string;
  force?: boolean;
  csv?: boolean;
  drivers?: boolean;
  channel?: string;
}

export function registerCompare(program: Command, output: CliOutput): void {
  addChannelOption(
    addTargetOptions(
      program
        .command("compare")
        .description(
          "overlay measurements and designs with a target and their deviation from it, each with its preference rating",
        )
        .argument(
          "<curves...>",
          "measurement files (.csv, .txt, .frd …), folders of them, squig.link phone_book.json files, design files (.json, .yaml) or built-in design names",
        ),
    ),
  )
    .option(
      "--normalize <how>",
      "500 (or any Hz: 0 dB there), avg (300–3000 Hz mean), or loudness",
      "500",
    )
    .option(
      "--smooth <fraction>",
      "fractional-octave smoothing for display, e.g. 1/12 (ratings use the raw curves)",
    )
    .option("--baseline <curve>", "show every curve relative to this one (one of the inputs)")
    .option("--plot <file>", "draw the comparison to an .svg or .png file")
    .option("--force", "allow --plot to replace an existing file")
    .option("--csv", "print every curve on a common 1/48-octave grid as CSV")
    .option("--drivers", "also draw each driver's share of a multi-driver design (dotted)")
    .action(async (inputs: string[], flags: CompareFlags) => {
      // Every flag is checked, and the output file too, before anything is read or computed.
      const force = flags.force ?? false;
      if (flags.plot !== undefined) await checkPlotOutput(flags.plot, force);
      const normalization = parseNormalization(flags.normalize);
      const smoothingFraction =
        flags.smooth === undefined ? undefined : parseFraction(flags.smooth);
      const channel = channelFromFlag(flags.channel);
      if (flags.baseline !== undefined && !inputs.includes(flags.baseline)) {
        throw usageError(
          `--baseline ${flags.baseline}: give one of the compared curves (${inputs.join(", ")})`,
        );
      }
      const note = noteTo(output.err);
      const target = await targetFromFlags(flags, note);
      const { entries, skipped } = await readCurveInputs(inputs, {
        frequencies: target.curve.frequencyHz,
        ...(channel === undefined ? {} : { channel }),
        onNote: note,
      });
      for (const { source, reason } of skipped) note(`skipped ${source}: ${reason}`);
      for (const entry of entries) for (const warning of entry.warnings) note(warning.message);
      if (entries.length === 0) {
        throw usageError(
          `${inputs.join(", ")}: nothing to compare (${skipped.length} skipped); give measurement files, designs, a folder of measurements or a phone_book.json with its L/R files`,
        );
      }
      const baselineIndex =
        flags.baseline === undefined
          ? undefined
          : entries.findIndex((entry) => entry.input === flags.baseline);
      const comparison = compareCurves(
        entries.map((entry) => ({
          label: entry.sources.length === 1 ? entry.sources[0]! : entry.name,
          curve: entry.curve,
          shares: flags.drivers ? entry.shares : [],
        })),
        {
          target: target.curve,
          normalization,
          ...(smoothingFraction === undefined ? {} : { smoothingFraction }),
          ...(baselineIndex === undefined || baselineIndex < 0 ? {} : { baseline: baselineIndex }),
        },
      );

      if (flags.csv) {
        output.out(comparisonCsv(comparison));
      } else {
        const lines = [
          `Against ${target.curve.name ?? flags.target} (in-ear preference rating; ratings use the raw curves):`,
          ...comparison.curves.map(
            ({ name, rating }) =>
              `  ${name.padEnd(40)} ${rating === undefined ? "no rating (does not cover 20 Hz–10 kHz)" : `PPR ${rating.toFixed(2)}`}`,
          ),
          "Ratings are informative only unless the measurements come from a GRAS-type coupler (see tympan score).",
        ];
        output.out(`${lines.join("\n")}\n`);
      }
      if (flags.plot !== undefined)
        await writeChart(flags.plot, comparisonChart(comparison), force);
    });
}

function parseNormalization(text: string): Normalization {
  if (text === "avg" || text === "midband") return "midband";
  if (text === "loudness") return "loudness";
  const hz = Number(text);
  if (text.trim() !== "" && Number.isFinite(hz) && hz > 0) return { at: hz };
  throw usageError(`--normalize ${text}: give a frequency in Hz (e.g. 500), avg, or loudness`);
}

function parseFraction(text: string): number {
  const match = /^\s*1\s*\/\s*(\d+)\s*$/.exec(text);
  const denominator = match ? Number(match[1]) : NaN;
  if (!(denominator >= 1 && denominator <= 48)) {
    throw usageError(`--smooth ${text}: give a fraction of an octave from 1/1 to 1/48, e.g. 1/12`);
  }
  return 1 / denominator;
}
