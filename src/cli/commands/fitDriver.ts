import type { Command } from "commander";
import { type DriverFromImpedance, type ValueWithRange, driverFromImpedance } from "../../index.js";
import { readMeasurementFile } from "../io/index.js";
import { inFile, issueLines, usageError } from "../errors.js";
import type { CliOutput } from "../cliOutput.js";
import { positiveFlag } from "./tuningFlags.js";

interface FitDriverFlags {
  sd?: string;
  diameter?: string;
  mms?: string;
  cms?: string;
  vas?: string;
  json?: boolean;
}

/**
 * `tympan fit-driver`: a dynamic driver's Thiele–Small figures from its impedance curve, with 95 %
 * intervals; with Sd (or the diaphragm's diameter) and one of Mms, Cms or Vas, also Bl, Mms, Cms, Rms
 * and Vas (library: driverFromImpedance).
 */
export function registerFitDriver(program: Command, output: CliOutput): void {
  program
    .command("fit-driver")
    .description(
      "fit a dynamic driver's Thiele–Small figures (Re, Le, fs, Qes, Qms, Qts) to its impedance curve",
    )
    .argument("<impedance>", "impedance file (|Z| in Ω, with phase if measured), in free air")
    .option("--sd <m²>", "effective diaphragm area, m² (e.g. 5.0e-5 for a 10 mm driver)")
    .option("--diameter <mm>", "effective diaphragm diameter, mm (instead of --sd: Sd = πd²/4)")
    .option("--mms <g>", "moving mass from the datasheet, g (with --sd: gives Cms, Bl, Rms, Vas)")
    .option("--cms <mm/N>", "suspension compliance from the datasheet, mm/N (instead of --mms)")
    .option("--vas <L>", "equivalent air volume from the datasheet, litres (instead of --mms)")
    .option("--json", "print the fit as JSON")
    .action(async (impedanceFile: string, flags: FitDriverFlags) => {
      if (flags.sd !== undefined && flags.diameter !== undefined)
        throw usageError("--sd and --diameter both give the diaphragm's area: give one of them");
      const sdM2 =
        flags.sd !== undefined
          ? positiveFlag(flags.sd, "--sd", "m², e.g. 5.0e-5")
          : flags.diameter !== undefined
            ? (Math.PI / 4) * (positiveFlag(flags.diameter, "--diameter", "mm, e.g. 8") / 1000) ** 2
            : undefined;
      const suspension = [
        flags.mms === undefined ? [] : [["mmsKg", positiveFlag(flags.mms, "--mms", "g") / 1000]],
        flags.cms === undefined
          ? []
          : [["cmsMPerN", positiveFlag(flags.cms, "--cms", "mm/N") / 1000]],
        flags.vas === undefined
          ? []
          : [["vasM3", positiveFlag(flags.vas, "--vas", "litres") / 1000]],
      ].flat() as [string, number][];
      if (suspension.length > 1)
        throw usageError(
          "--mms, --cms and --vas each fix the suspension: give one of them (the others follow from fs)",
        );
      if (suspension.length === 1 && sdM2 === undefined)
        throw usageError(
          `${suspension[0]![0] === "mmsKg" ? "--mms" : suspension[0]![0] === "cmsMPerN" ? "--cms" : "--vas"} needs the diaphragm's area: give --sd <m²> or --diameter <mm> with it`,
        );
      const notes: string[] = [];
      const curve = await readMeasurementFile(impedanceFile, {
        kind: "impedance",
        onNote: (message) => notes.push(message),
      });
      for (const note of notes) output.err(`tympan: note: ${note}\n`);
      const figures =
        sdM2 !== undefined && suspension.length === 1
          ? { sdM2, ...Object.fromEntries(suspension) }
          : undefined;
      const fit = inFile(impedanceFile, () => driverFromImpedance(curve, figures));
      if (fit.impedanceFit.warnings.length > 0)
        output.err(issueLines(fit.impedanceFit.warnings, impedanceFile));
      if (flags.json) {
        output.out(`${JSON.stringify(fit, null, 2)}\n`);
        return;
      }
      output.out(`${summary(fit, sdM2).join("\n")}\n`);
    });
}

function summary(fit: DriverFromImpedance, sdM2: number | undefined): string[] {
  const f = fit.impedanceFit;
  // A singular fit leaves an interval unbounded (0 to ∞): say so rather than print the numbers.
  const range = (value: ValueWithRange, scale: number) =>
    value.low > 0 && Number.isFinite(value.high)
      ? `${number(value.low * scale)} – ${number(value.high * scale)}`
      : "not bounded";
  const row = (name: string, value: ValueWithRange, unit: string, scale = 1) =>
    `${name.padEnd(5)} ${number(value.value * scale).padStart(10)}  ${range(value, scale).padEnd(24)} ${unit}`.trimEnd();
  const fitted = (key: keyof typeof f.intervals, value: number) => ({
    value,
    low: f.intervals[key][0],
    high: f.intervals[key][1],
  });
  const lines = [
    `Thiele–Small figures from |Z| (${f.residualRmsPercent.toFixed(1)} % RMS${f.phaseRmsDeg === undefined ? "" : `, phase ${f.phaseRmsDeg.toFixed(1)}° RMS`}):`,
    `${"".padEnd(5)} ${"value".padStart(10)}  ${"95 % interval".padEnd(24)} unit`,
    row("Re", fitted("reOhm", f.reOhm), "Ω"),
    row("Le", fitted("leH", f.leH), "mH", 1000),
    row("fs", fitted("fsHz", f.fsHz), "Hz"),
    row("Qes", fitted("qes", f.qes), ""),
    row("Qms", fitted("qms", f.qms), ""),
    row("Qts", fitted("qts", f.qts), ""),
  ];
  const m = fit.mechanical;
  if (m === undefined) {
    lines.push(
      sdM2 === undefined
        ? "Mms, Cms, Bl and Vas: |Z| fixes only Mms·Cms (through fs); give --sd (or --diameter) and one of --mms, --cms, --vas from the datasheet."
        : "Mms, Cms, Bl and Vas: |Z| fixes only Mms·Cms (through fs); give one of --mms, --cms, --vas from the datasheet with --sd.",
    );
    return lines;
  }
  lines.push(
    `With Sd = ${number(sdM2! * 1e4)} cm² (docs/physics.md §5; ranges over the corners of the intervals above):`,
    row("Mms", m.mmsKg, "g", 1000),
    row("Cms", m.cmsMPerN, "mm/N", 1000),
    row("Bl", m.bl, "T·m"),
    row("Rms", m.rmsKgPerS, "kg/s"),
    row("Vas", m.vasM3, "cm³", 1e6),
  );
  return lines;
}

/** Four significant figures, without exponent for everyday magnitudes. */
function number(value: number): string {
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6
    ? String(Number(value.toPrecision(4)))
    : value.toExponential(3);
}
