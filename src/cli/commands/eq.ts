import type { Command } from "commander";
import {
  type Curve,
  type ParametricEqFit,
  type RatingContext,
  type SeriesOptions,
  DEVICE_PRESETS,
  eqConstraintsFor,
  eqPreferenceRating,
  fitParametricEq,
  formatEqFitCsv,
  formatEqSummaryComments,
  formatEqualizerApo,
  formatGraphicEq,
  harmanInEar2019v2,
  summarizeEqFit,
} from "../../index.js";
import { inFile, usageError } from "../errors.js";
import { checkPlotOutput, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";
import {
  type NoteSink,
  type TargetFlags,
  addTargetOptions,
  noteTo,
  readCurve,
  targetFromFlags,
} from "../readCurve.js";

type RatingRig = RatingContext["rig"];

interface EqFlags extends TargetFlags {
  column?: string;
  targetColumn?: string;
  toward?: string;
  towardColumn?: string;
  preset: string;
  filters?: string;
  maxBoost?: string;
  sampleRate: string;
  format: string;
  rig?: string;
  plot?: string;
  force?: boolean;
}

const FORMATS = ["apo", "graphic", "csv", "json"] as const;
const RIGS: readonly RatingRig[] = ["gras", "711", "simulated", "unknown"];
type Format = (typeof FORMATS)[number];

export function registerEq(program: Command, output: CliOutput): void {
  addTargetOptions(
    program
      .command("eq")
      .description(
        "fit a parametric EQ (RBJ biquads) that brings a measurement or design to a target or to another headphone",
      )
      .argument(
        "<measurement|design>",
        "a measurement file (.csv, .txt, .frd …), a design file (.json, .yaml) or a built-in design name",
      ),
  )
    .option("--column <name>", "the column to read from a multi-column measurement (e.g. raw)")
    .option(
      "--target-column <name>",
      "the column to read from a multi-column target file (e.g. target, in an AutoEq result)",
    )
    .option(
      "--toward <measurement|design>",
      "equalise toward another headphone instead of a target (its measurement or design)",
    )
    .option("--toward-column <name>", "the column to read from the --toward file")
    .option(
      "--preset <device>",
      `what the EQ offers: ${DEVICE_PRESETS.map((preset) => preset.id).join(", ")}`,
      "parametric",
    )
    .option(
      "--filters <N>",
      "number of filters of the parametric preset (2 shelves + N−2 peaking; default 10)",
    )
    .option(
      "--max-boost <dB>",
      "maximum of the summed EQ curve anywhere 20 Hz–20 kHz (default 6); the preamp is −(that maximum)",
    )
    .option("--sample-rate <Hz>", "sample rate the filters are designed for", "48000")
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "apo")
    .option(
      "--rig <rig>",
      `where the measurement was made, for the rating's validity: ${RIGS.join(", ")}`,
    )
    .option("--plot <file>", "draw before, EQ and after against the target (.svg or .png)")
    .option("--force", "allow --plot to replace an existing file")
    .action(async (input: string, flags: EqFlags, command: Command) => {
      const format = parseFormat(flags.format);
      if (flags.rig !== undefined && !RIGS.includes(flags.rig as RatingRig)) {
        throw usageError(`--rig ${flags.rig}: choose one of ${RIGS.join(", ")}`);
      }
      if (flags.plot !== undefined) await checkPlotOutput(flags.plot, flags.force ?? false);
      const sampleRateHz = numberFlag("sample-rate", flags.sampleRate, "Hz, e.g. 48000");
      const constraints = constraintsFromFlags(flags, sampleRateHz);
      if (flags.toward !== undefined && command.getOptionValueSource("target") === "cli") {
        throw usageError("give either --target or --toward, not both");
      }
      const note = noteTo(output.err);
      const { target, targetLabel } = await readEqTarget(flags, note);
      const { curve: measurement, isDesign } = await readCurve(
        input,
        target.frequencyHz,
        flags.column,
        note,
      );
      const fit = inFile(input, () =>
        fitParametricEq(measurement, target, {
          constraints,
          sampleRateHz,
          source: isDesign ? "simulation" : "measurement",
        }),
      );
      const summary = summarizeEqFit(fit);
      const preampDb = summary.preampDb;
      const name = measurement.name ?? input;
      if (format === "apo") {
        output.out(
          `${formatEqSummaryComments(summary)}\n${formatEqualizerApo({ preampDb, filters: fit.filters })}`,
        );
      } else if (format === "graphic") {
        output.out(formatGraphicEq(fit.filters, sampleRateHz));
      } else if (format === "csv") {
        output.out(formatEqFitCsv(fit));
      } else {
        const rig = (flags.rig as RatingRig | undefined) ?? (isDesign ? "simulated" : "unknown");
        output.out(
          `${JSON.stringify({
            measurement: name,
            target: targetLabel,
            preset: flags.preset,
            sampleRateHz,
            maxBoostLimitDb: constraints.maxBoostDb,
            preampDb,
            levelAfterPreampDb: summary.levelAfterPreampDb,
            maxEqDb: summary.maxEqDb,
            trebleMaxEqDb: summary.trebleMaxEqDb,
            cancellationIndex: summary.cancellationIndex,
            weighedBand: summary.weighedBand,
            filters: fit.filters.map((filter) => ({ ...filter })),
            residual: summary.residual,
            preferenceRating: eqPreferenceRating(fit, harmanInEar2019v2, rig),
          })}\n`,
        );
      }
      if (flags.plot !== undefined) {
        await writeEqPlot(flags.plot, fit, { name, targetLabel, preampDb }, flags.force ?? false);
      }
    });
}

/** The target: --toward's curve, a column of a target file, or the built-in/adjusted target. */
async function readEqTarget(
  flags: EqFlags,
  note: NoteSink,
): Promise<{ target: Curve; targetLabel: string }> {
  if (flags.toward !== undefined) {
    const { curve } = await readCurve(
      flags.toward,
      harmanInEar2019v2.frequencyHz,
      flags.towardColumn,
      note,
    );
    return { target: curve, targetLabel: curve.name ?? flags.toward };
  }
  const { curve } = await targetFromFlags(flags, note, flags.targetColumn);
  const targetLabel =
    flags.targetColumn === undefined
      ? (curve.name ?? flags.target)
      : `${flags.target} (${flags.targetColumn})`;
  return { target: curve, targetLabel };
}

/**
 * The slots and boost limit from --preset, --filters and --max-boost, checked with the sample rate
 * by the library (ranges); here only that each flag is a number at all, named with what was typed.
 */
function constraintsFromFlags(flags: EqFlags, sampleRateHz: number) {
  return eqConstraintsFor({
    preset: flags.preset,
    sampleRateHz,
    ...(flags.filters === undefined
      ? {}
      : { filterCount: numberFlag("filters", flags.filters, "filters from 1 to 30, e.g. 10") }),
    ...(flags.maxBoost === undefined
      ? {}
      : { maxBoostDb: numberFlag("max-boost", flags.maxBoost, "dB, e.g. 6") }),
  });
}

function parseFormat(text: string): Format {
  if ((FORMATS as readonly string[]).includes(text)) return text as Format;
  throw usageError(`--format ${text}: choose one of ${FORMATS.join(", ")}`);
}

/** A flag's text as a finite number, or a usage error naming the flag and what was typed. */
function numberFlag(flag: string, text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw usageError(`--${flag} ${JSON.stringify(text)} is not a number: give a number of ${what}`);
  }
  return value;
}

async function writeEqPlot(
  path: string,
  fit: ParametricEqFit,
  labels: { name: string; targetLabel: string; preampDb: number },
  force: boolean,
): Promise<void> {
  const x = fit.frequencyHz;
  const shift = (values: readonly number[], offset: number) => values.map((v) => v - offset);
  const series: SeriesOptions[] = [
    {
      name: `before (${fit.before.rmsDb.toFixed(2)} dB RMS)`,
      xHz: x,
      y: shift(fit.measurementDb, fit.before.levelOffsetDb),
    },
    {
      name: `after EQ (${fit.after.rmsDb.toFixed(2)} dB RMS)`,
      xHz: x,
      y: shift(
        fit.measurementDb.map((value, i) => value + fit.eqDb[i]!),
        fit.after.levelOffsetDb,
      ),
    },
    { name: labels.targetLabel, xHz: x, y: fit.targetDb, dash: "dashed", color: "#666666" },
  ];
  const chart = {
    title: `EQ: ${labels.name}`,
    subtitle: `toward ${labels.targetLabel}; ${fit.filters.length} filters, preamp ${labels.preampDb.toFixed(1)} dB; RMS 20 Hz–10 kHz, level-matched`,
    panels: [
      { yLabel: "Level", yUnit: "dB", yMinSpan: 30, series },
      {
        yLabel: "EQ",
        yUnit: "dB",
        yMinSpan: 12,
        heightRatio: 0.5,
        series: [{ name: "EQ curve (sum of the filters)", xHz: x, y: fit.eqDb }],
      },
    ],
  };
  await writeChart(path, chart, force);
}
