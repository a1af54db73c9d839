import type { Command } from "commander";
import type { Curve } from "../../core/curve.js";
import { interpolateLogFrequency } from "../../analysis/interpolate.js";
import { type Normalization, normalize } from "../../analysis/normalize.js";
import { preferenceRating } from "../../analysis/preferenceRating.js";
import { smoothFractionalOctave } from "../../analysis/smoothFractionalOctave.js";
import { TympanError } from "../../core/issues.js";
import { logFrequencies } from "../../core/frequencyGrid.js";
import type { SeriesOptions } from "../../plot/chart.js";
import { inFile, usageError } from "../errors.js";
import { csvField } from "../formatResult.js";
import { checkPlotPath, writeChart } from "../plotFile.js";
import type { CliOutput } from "../program.js";
import {
  type TargetFlags,
  addTargetOptions,
  noteTo,
  readCurve,
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
}

/** The common grid of the comparison: 1/48 octave from 20 Hz to 20 kHz (481 points). */
const GRID_HZ = Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points: 481 }));

export function registerCompare(program: Command, output: CliOutput): void {
  addTargetOptions(
    program
      .command("compare")
      .description(
        "overlay measurements and designs with a target and their deviation from it, each with its preference rating",
      )
      .argument(
        "<curves...>",
        "measurement files (.csv, .txt, .frd …), design files (.json, .yaml) or built-in design names",
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
    .option("--drivers", "also draw each driver's share of a multi-driver design (dashed)")
    .action(async (inputs: string[], flags: CompareFlags) => {
      if (flags.plot !== undefined) checkPlotPath(flags.plot);
      const normalization = parseNormalization(flags.normalize);
      const fraction = flags.smooth === undefined ? undefined : parseFraction(flags.smooth);
      if (flags.baseline !== undefined && !inputs.includes(flags.baseline)) {
        throw usageError(
          `--baseline ${flags.baseline}: give one of the compared curves (${inputs.join(", ")})`,
        );
      }
      const note = noteTo(output.err);
      const { curve: target } = await targetFromFlags(flags, note);
      const curves: { input: string; curve: Curve; rating: number | undefined }[] = [];
      const shares: { of: number; curve: Curve }[] = [];
      for (const input of inputs) {
        const { curve, shares: driverShares } = await readCurve(
          input,
          target.frequencyHz,
          undefined,
          note,
        );
        if (flags.drivers)
          for (const share of driverShares) shares.push({ of: curves.length, curve: share });
        if (curve.kind !== "response")
          throw usageError(`${input} is an impedance curve; compare takes frequency responses`);
        let rating: number | undefined;
        try {
          rating = preferenceRating(curve, target).ppr;
        } catch (error) {
          if (!(error instanceof TympanError)) throw error;
          rating = undefined; // e.g. a curve that does not cover 20 Hz–10 kHz: shown without a rating
        }
        curves.push({ input, curve, rating });
      }
      // Display: normalise (and smooth) each curve, then put everything on one grid.
      const prepare = (curve: Curve) => {
        const smoothed = fraction === undefined ? curve : smoothFractionalOctave(curve, fraction);
        return keepName(normalize(smoothed, normalization), curve);
      };
      const shown = curves.map(({ input, curve }) => {
        return inFile(input, () => interpolateLogFrequency(prepare(curve), GRID_HZ));
      });
      // A driver's share moves with its design: shifted by the design's own normalisation offset.
      const sharesShown = shares.map(({ of, curve }) => {
        const parent = curves[of]!.curve;
        const smooth = (c: Curve) =>
          fraction === undefined ? c : smoothFractionalOctave(c, fraction);
        const offset =
          normalize(smooth(parent), normalization).values[0]! - smooth(parent).values[0]!;
        return interpolateLogFrequency(smooth(curve), GRID_HZ).map((value) => value + offset);
      });
      const targetShown = interpolateLogFrequency(normalize(target, normalization), GRID_HZ);
      const baselineIndex = flags.baseline === undefined ? -1 : inputs.indexOf(flags.baseline);
      const baseline = baselineIndex >= 0 ? shown[baselineIndex]! : undefined;
      const relative = (values: number[]) =>
        baseline ? values.map((v, i) => v - baseline[i]!) : values;
      const labels = curves.map(
        ({ input, curve, rating }) =>
          `${curve.name ?? input}${rating === undefined ? "" : ` (PPR ${rating.toFixed(1)})`}`,
      );

      if (flags.csv) {
        const header = ["frequency_hz", ...labels, target.name ?? "target"].map(csvField).join(",");
        const columns = [...shown.map(relative), relative(targetShown)];
        const rows = GRID_HZ.map((f, i) =>
          [f.toFixed(2), ...columns.map((c) => c[i]!.toFixed(3))].join(","),
        );
        output.out(`${[header, ...rows].join("\n")}\n`);
      } else {
        const lines = [
          `Against ${target.name ?? flags.target} (in-ear preference rating; ratings use the raw curves):`,
        ];
        curves.forEach(({ input, curve, rating }) => {
          lines.push(
            `  ${(curve.name ?? input).padEnd(40)} ${rating === undefined ? "no rating (does not cover 20 Hz–10 kHz)" : `PPR ${rating.toFixed(2)}`}`,
          );
        });
        lines.push(
          "Ratings are informative only unless the measurements come from a GRAS-type coupler (see tympan score).",
        );
        output.out(`${lines.join("\n")}\n`);
      }

      if (flags.plot !== undefined) {
        const series: SeriesOptions[] = shown.map((values, k) => ({
          name: labels[k]!,
          xHz: GRID_HZ,
          y: relative(values),
        }));
        shares.forEach(({ curve }, k) => {
          series.push({
            name: curve.name ?? "driver",
            xHz: GRID_HZ,
            y: relative(sharesShown[k]!),
            dash: "dotted",
          });
        });
        series.push({
          name: target.name ?? "target",
          xHz: GRID_HZ,
          y: relative(targetShown),
          dash: "dashed",
          color: "#666666",
        });
        const deviation: SeriesOptions[] = shown.map((values, k) => ({
          name: labels[k]!,
          xHz: GRID_HZ,
          y: values.map((v, i) => v - targetShown[i]!),
        }));
        const chart = {
          title: baseline ? `Relative to ${labels[baselineIndex]}` : "Frequency response",
          subtitle: `normalised ${describeNormalization(normalization)}${fraction === undefined ? "" : `, 1/${Math.round(1 / fraction)}-octave smoothing`}`,
          panels: [
            { yLabel: "Level", yUnit: "dB", yMinSpan: 30, series },
            {
              yLabel: "Deviation from target",
              yUnit: "dB",
              yMinSpan: 10,
              heightRatio: 0.6,
              series: deviation,
            },
          ],
        };
        await writeChart(flags.plot, chart, flags.force ?? false);
      }
    });
}

/** Smoothing and normalising drop nothing but phase; keep the original name for the legend. */
function keepName(curve: Curve, original: Curve): Curve {
  return original.name === undefined ? curve : { ...curve, name: original.name };
}

function parseNormalization(text: string): Normalization {
  if (text === "avg" || text === "midband") return "midband";
  if (text === "loudness") return "loudness";
  const hz = Number(text);
  if (text.trim() !== "" && Number.isFinite(hz) && hz > 0) return { at: hz };
  throw usageError(`--normalize ${text}: give a frequency in Hz (e.g. 500), avg, or loudness`);
}

function describeNormalization(normalization: Normalization): string {
  if (normalization === "midband") return "to the 300–3000 Hz mean";
  if (normalization === "loudness") return "by loudness";
  return `to 0 dB at ${normalization.at} Hz`;
}

function parseFraction(text: string): number {
  const match = /^\s*1\s*\/\s*(\d+)\s*$/.exec(text);
  const denominator = match ? Number(match[1]) : NaN;
  if (!(denominator >= 1 && denominator <= 48)) {
    throw usageError(`--smooth ${text}: give a fraction of an octave from 1/1 to 1/48, e.g. 1/12`);
  }
  return 1 / denominator;
}
