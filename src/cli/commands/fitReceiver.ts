import type { Command } from "commander";
import {
  type FittedValue,
  LOAD_CHAIN_SYNTAX,
  type LoadChain,
  type ReceiverFit,
  RECEIVER_FIT_DEFAULTS,
  TympanError,
  describeLoadChain,
  fitReceiver,
  parseLoadChain,
  receiverFitChart,
  receiverFitDesign,
} from "../../index.js";
import { checkOutputPath, readMeasurementFile } from "../io/index.js";
import { inFile, issueLines, usageError } from "../errors.js";
import { writeOutputFile } from "../outputFile.js";
import { checkPlotOutput, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";

interface FitReceiverFlags {
  drive?: string;
  load: string;
  response: string[];
  motors: string;
  vent?: boolean;
  seriesCapacitor?: boolean;
  starts: string;
  seed: string;
  secondLoad: string;
  out?: string;
  plot?: string;
  force?: boolean;
  json?: boolean;
  envelope?: boolean;
}

/**
 * `tympan fit-receiver`: a balanced-armature receiver fitted to its datasheet (response at a stated
 * drive and |Z|), printed with its uncertainty and how far equally good fits disagree in a second
 * load; `--out` writes a design that runs it.
 */
export function registerFitReceiver(program: Command, output: CliOutput): void {
  program
    .command("fit-receiver")
    .description(
      "fit a balanced-armature receiver to its datasheet: 711 response at a stated drive and |Z|",
    )
    .argument(
      "<response>",
      "response file (SPL in dB re 20 µPa at --drive), e.g. a datasheet's 711 curve",
    )
    .argument(
      "<impedance>",
      "impedance file (|Z| in Ω, with phase if measured), measured in the same load",
    )
    .option("--drive <V>", "drive voltage of the response, V rms (datasheets print it)")
    .option("--load <chain>", `load of <response>: ${LOAD_CHAIN_SYNTAX}`, "fixture+711")
    .option(
      "--response <file@load>",
      "another response at the same drive in a known load (repeatable), e.g. r2.txt@damper:1500+tube:10:0.75+711",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--motors <n>", "motors in the case: 1, or 2 (dual, or woofer + tweeter)", "1")
    .option(
      "--vent",
      "fit a front–rear diaphragm vent (a datasheet whose bass falls towards 20 Hz)",
    )
    .option(
      "--series-capacitor",
      "feed the second motor (a woofer + tweeter case's tweeter) through a capacitor inside the case, fitted with the rest (needs --motors 2)",
    )
    .option(
      "--starts <n>",
      "starting points of the multi-start",
      String(RECEIVER_FIT_DEFAULTS.starts),
    )
    .option(
      "--seed <n>",
      "seed of the starting points (same seed, same fit)",
      String(RECEIVER_FIT_DEFAULTS.seed),
    )
    .option(
      "--second-load <chain>",
      "load the disagreement band is shown in",
      "damper:1500+tube:10:0.75+711",
    )
    .option(
      "--out <design.json>",
      "write a design that runs the fitted receiver (voltage source, receiver, fixture, 711, probe drum)",
    )
    .option("--plot <file>", "draw the fit, the second-load band and |Z| (.svg or .png)")
    .option("--force", "allow --out and --plot to replace existing files")
    .option(
      "--envelope",
      "also print the lowest and highest of every equally good fit explored (wider than the 5–95 % band)",
    )
    .option("--json", "print the fit as JSON")
    .action(async (responseFile: string, impedanceFile: string, flags: FitReceiverFlags) => {
      const driveVoltage =
        flags.drive === undefined ? undefined : positive(flags.drive, "--drive", "V rms, e.g. 0.1");
      const motors = choice(flags.motors, "--motors", [1, 2]) as 1 | 2;
      if (flags.seriesCapacitor && motors !== 2) {
        throw usageError(
          "--series-capacitor feeds the second motor of a two-motor case: give --motors 2 with it",
        );
      }
      const starts = integer(flags.starts, "--starts", 1, 200);
      const seed = integer(flags.seed, "--seed", 0, 2 ** 32 - 1);
      const load = chain(flags.load, "--load");
      const secondLoad = chain(flags.secondLoad, "--second-load");
      if (flags.out !== undefined) await checkOutputPath(flags.out, flags.force ?? false, "--out");
      if (flags.plot !== undefined) await checkPlotOutput(flags.plot, flags.force ?? false);
      const extra = flags.response.map((text) => {
        const at = text.lastIndexOf("@");
        if (at <= 0)
          throw usageError(`--response ${text}: write <file>@<load>, e.g. r2.txt@tube:10:0.75+711`);
        return { file: text.slice(0, at), load: chain(text.slice(at + 1), "--response") };
      });
      const notes: string[] = [];
      const onNote = (message: string) => notes.push(message);
      const responses = await Promise.all(
        [{ file: responseFile, load }, ...extra].map(async (entry) => ({
          curve: await readMeasurementFile(entry.file, { kind: "response", onNote }),
          load: entry.load,
        })),
      );
      const impedance = await readMeasurementFile(impedanceFile, { kind: "impedance", onNote });
      for (const note of notes) output.err(`tympan: note: ${note}\n`);
      const isTerminal = process.stderr.isTTY === true;
      const began = Date.now();
      const fit = inFile(responseFile, () =>
        fitReceiver(
          { responses, impedance, ...(driveVoltage === undefined ? {} : { driveVoltage }) },
          {
            motors,
            diaphragmVent: flags.vent ?? false,
            seriesCapacitor: flags.seriesCapacitor ?? false,
            starts,
            seed,
            secondLoad,
            onProgress: (progress) => {
              if (isTerminal) {
                output.err(
                  `\rfit-receiver: start ${progress.start}/${progress.starts}, best ${progress.bestRmsDb.toFixed(2)} dB rms `,
                );
              }
            },
          },
        ),
      );
      output.err(
        `${isTerminal ? "\r" : ""}fit-receiver: ${fit.starts} starts, ${fit.evaluations} evaluations, ${((Date.now() - began) / 1000).toFixed(1)} s\n`,
      );
      if (fit.warnings.length > 0) output.err(issueLines(fit.warnings, responseFile));
      if (flags.out !== undefined) {
        const name = `${baseName(responseFile)} (fitted)`;
        await writeOutputFile(
          flags.out,
          `${JSON.stringify(receiverFitDesign(fit, name), null, 2)}\n`,
          flags.force ?? false,
        );
      }
      if (flags.plot !== undefined) {
        const title = `${baseName(responseFile)}: receiver fitted to its datasheet`;
        await writeChart(flags.plot, receiverFitChart(fit, title), flags.force ?? false);
      }
      if (flags.json) {
        output.out(`${JSON.stringify(fit, null, 2)}\n`);
        return;
      }
      output.out(
        summary(
          fit,
          responses.map((response) => response.load),
          flags.out,
          flags.envelope ?? false,
        ).join("\n") + "\n",
      );
    });
}

function summary(
  fit: ReceiverFit,
  loads: readonly LoadChain[],
  out: string | undefined,
  envelope: boolean,
): string[] {
  const lines = [
    `Fitted ${fit.motorCount === 1 ? "one motor" : `${fit.motorCount} motors in parallel`}${fit.diaphragmVent ? " with a diaphragm vent" : ""}${fit.seriesCapacitance.some((value) => value !== undefined) ? ", the second fed through a series capacitor (seriesCapacitance; --out writes it as a capacitor element)" : ""} at ${fit.driveVoltage} V rms to ${loads.map(describeLoadChain).join("; ")}:`,
    `${"parameter".padEnd(28)} ${"value".padStart(11)}  ${"95 % interval".padEnd(24)} unit`,
  ];
  for (const value of fit.parameters) lines.push(parameterLine(value, fit.motorCount));
  lines.push(
    "held: values the data cannot identify (they trade exactly with others); the net stiffness is written as armatureStiffness.",
    "Residuals:",
    ...fit.residuals.responses.map(
      (response) =>
        `  response ${response.rmsDb.toFixed(2)} dB RMS, 100 Hz–10 kHz (${response.load})`,
    ),
    fit.residuals.impedanceRmsPercent === undefined
      ? "  |Z| not fitted (no usable impedance)"
      : `  |Z| ${fit.residuals.impedanceRmsPercent.toFixed(1)} % RMS, 20 Hz–10 kHz`,
    `In ${fit.secondLoad.load}, the fits the data allow (cost within the joint 99 % region; ${fit.secondLoad.samples} posterior samples, ${fit.secondLoad.effectiveSamples.toFixed(0)} effective, and ${fit.secondLoad.envelope.fits} explored fits) spread over a 5–95 % band up to ${fit.secondLoad.widestDb.toFixed(1)} dB wide (at ${Math.round(fit.secondLoad.widestAtHz)} Hz; ${fit.secondLoad.widestAbove2kHzDb.toFixed(1)} dB above 2 kHz); their envelope reaches ${fit.secondLoad.envelope.widestDb.toFixed(1)} dB. The datasheet does not pin the receiver's acoustic source impedance down; a response in a second known load (--response file@load) narrows it.`,
    ...bandLines(fit, envelope),
    out === undefined
      ? "Pass --out receiver.json to write a design that runs the fit."
      : `Wrote ${out}.`,
  );
  return lines;
}

/** Octave frequencies of the printed band, Hz. */
const BAND_TABLE_HZ = [125, 250, 500, 1000, 2000, 3000, 4000, 6000, 8000, 10_000];

/** The second-load band at octave points: best fit, 5 % and 95 % (and the envelope when asked). */
function bandLines(fit: ReceiverFit, envelope: boolean): string[] {
  const band = fit.secondLoad;
  const header = `  ${"Hz".padStart(6)} ${"best".padStart(7)} ${"5 %".padStart(7)} ${"95 %".padStart(7)}${envelope ? ` ${"lowest".padStart(7)} ${"highest".padStart(7)}` : ""}  (dB SPL at ${fit.driveVoltage} V rms)`;
  const rows = BAND_TABLE_HZ.map((hz) => {
    let k = 0;
    band.frequencyHz.forEach((f, index) => {
      if (Math.abs(Math.log(f / hz)) < Math.abs(Math.log(band.frequencyHz[k]! / hz))) k = index;
    });
    const cells = [band.bestDb[k]!, band.lowDb[k]!, band.highDb[k]!];
    if (envelope) cells.push(band.envelope.lowDb[k]!, band.envelope.highDb[k]!);
    return `  ${String(hz).padStart(6)} ${cells.map((db) => db.toFixed(1).padStart(7)).join(" ")}`;
  });
  return [header, ...rows];
}

function parameterLine(value: FittedValue, motorCount: number): string {
  const owner = value.motor !== undefined && motorCount > 1 ? `motor ${value.motor + 1} ` : "";
  const name = `${owner}${value.name}`;
  const flag = value.held ? "held" : value.atBound ? `at ${value.atBound} bound` : "";
  const interval = value.held ? "" : `${number(value.low)} – ${number(value.high)}`;
  return `${name.padEnd(28)} ${number(value.value).padStart(11)}  ${interval.padEnd(24)} ${value.unit}${flag ? `  (${flag})` : ""}`;
}

function number(value: number): string {
  return Math.abs(value) >= 1e4 || Math.abs(value) < 1e-2
    ? value.toExponential(3)
    : String(Number(value.toPrecision(4)));
}

function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]*$/, "");
}

function chain(text: string, flag: string): LoadChain {
  try {
    return parseLoadChain(text);
  } catch (error) {
    if (error instanceof TympanError) throw usageError(`${flag}: ${error.issues[0].message}`);
    throw error;
  }
}

function positive(text: string, flag: string, what: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !(value > 0)) {
    throw usageError(`${flag} ${text}: give a number > 0 (${what})`);
  }
  return value;
}

function integer(text: string, flag: string, lowest: number, highest: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < lowest || value > highest) {
    throw usageError(`${flag} ${text}: give a whole number from ${lowest} to ${highest}`);
  }
  return value;
}

function choice(text: string, flag: string, allowed: readonly number[]): number {
  const value = Number(text);
  if (!allowed.includes(value)) throw usageError(`${flag} ${text}: give ${allowed.join(" or ")}`);
  return value;
}
