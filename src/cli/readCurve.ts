import type { Command } from "commander";
import type { RatingTarget } from "../analysis/preferenceRating.js";
import { adjustableTarget } from "../targets/adjustableTarget.js";
import type { Curve } from "../core/curve.js";
import { isDesignInput, isUnknownName, loadDesign, unknownNameError } from "./loadDesign.js";
import { readMeasurementFile } from "../io/measurementFile.js";
import { simulate } from "../simulate/simulate.js";
import { harmanInEar2019v2 } from "../targets/harmanInEar2019v2.js";
import { harmanInEar2019v2WithoutBass } from "../targets/harmanInEar2019v2WithoutBass.js";
import { inFile, usageError } from "./errors.js";

/** Built-in targets by name, with the id the preference model knows them by. */
export const BUILT_IN_TARGETS: Readonly<
  Record<string, { readonly curve: Curve; readonly id: RatingTarget }>
> = {
  "harman-in-ear-2019v2": { curve: harmanInEar2019v2, id: "harman-in-ear-2019v2" },
  // The preference model was fitted with the full target: a rating against this one is informative.
  "harman-in-ear-2019v2-without-bass": { curve: harmanInEar2019v2WithoutBass, id: "other" },
};

/** Receives what a reader did without being asked (see readMeasurementFile). */
export type NoteSink = (message: string) => void;

/** A target by built-in name or file. */
export async function readTarget(
  nameOrFile: string,
  onNote?: NoteSink,
  column?: string,
): Promise<{ curve: Curve; builtIn: boolean }> {
  const builtIn = BUILT_IN_TARGETS[nameOrFile];
  if (builtIn && column !== undefined) {
    throw usageError(
      `${nameOrFile} is a built-in target with one curve; a column (${column}) can only be read from a target file`,
    );
  }
  if (builtIn) return { curve: builtIn.curve, builtIn: true };
  const options = { ...(onNote ? { onNote } : {}), ...(column !== undefined ? { column } : {}) };
  return { curve: await readMeasurementFile(nameOrFile, options), builtIn: false };
}

/**
 * A measurement file as it is, or a design (a built-in name, or .json, .yaml) simulated at `frequencies` and read at its
 * drum probe (else its first acoustic probe): a simulated design is a curve like any other.
 */
export async function readCurve(
  input: string,
  frequencies: readonly number[],
  column?: string,
  onNote?: NoteSink,
): Promise<{ curve: Curve; isDesign: boolean; shares: Curve[] }> {
  if (await isUnknownName(input))
    throw unknownNameError(input, "a measurement file or a .json/.yaml design file");
  if (await isDesignInput(input)) {
    const { design, name } = await loadDesign(input);
    const result = inFile(input, () => simulate(design, { frequencies }));
    const acoustic = Object.entries(result.probes).filter(
      ([, probe]) => probe.domain === "acoustic",
    );
    const chosen = acoustic.find(([id]) => id === "drum") ?? acoustic[0];
    if (chosen === undefined) {
      throw usageError(
        `${input}: the design has no acoustic probe to read; add one, e.g. { "id": "drum", "node": "drum" }`,
      );
    }
    const asCurve = ([id, probe]: [string, { db: number[] }]): Curve => ({
      kind: "response",
      frequencyHz: result.frequencyHz,
      values: probe.db,
      name: `${name} (${id})`,
    });
    // Per-driver shares of the chosen probe ("drum/woofer"), when the design asks for them.
    const shares = acoustic.filter(([id]) => id.startsWith(`${chosen[0]}/`)).map(asCurve);
    return { curve: asCurve(chosen), isDesign: true, shares };
  }
  return {
    curve: await readMeasurementFile(input, {
      ...(column !== undefined ? { column } : {}),
      ...(onNote ? { onNote } : {}),
    }),
    isDesign: false,
    shares: [],
  };
}

export interface TargetFlags {
  target: string;
  bass?: string;
  earGain?: string;
  treble?: string;
  tilt?: string;
}

/** A note sink printing to standard error, as `tympan: note: …`. */
export function noteTo(err: (text: string) => void): NoteSink {
  return (message) => err(`tympan: note: ${message}\n`);
}

/** The target options every rating command shares: a target and the graph tools' tone controls. */
export function addTargetOptions(command: Command): Command {
  return command
    .option(
      "--target <name|file>",
      `a built-in target (${Object.keys(BUILT_IN_TARGETS).join(", ")}) or a file`,
      "harman-in-ear-2019v2",
    )
    .option(
      "--bass <dB>",
      "adjust the target: low shelf at 105 Hz, Q 0.707 (e.g. 4 for the bass-lovers' segment)",
    )
    .option("--ear-gain <dB>", "adjust the target: peak at 2750 Hz, Q 1")
    .option("--treble <dB>", "adjust the target: high shelf at 2500 Hz, Q 0.42")
    .option("--tilt <dB/octave>", "adjust the target: tilt pivoting at 1 kHz");
}

/**
 * The target the flags describe, and how the preference model knows it: an adjusted or user-supplied
 * target is "other", so a rating against it is informative only.
 */
export async function targetFromFlags(
  flags: TargetFlags,
  onNote?: NoteSink,
  column?: string,
): Promise<{ curve: Curve; id: RatingTarget }> {
  const { curve: base, builtIn } = await readTarget(flags.target, onNote, column);
  const control = (flag: string, text: string | undefined) => {
    if (text === undefined) return 0;
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value))
      throw usageError(`--${flag}: "${text}" is not a number of dB`);
    return value;
  };
  const adjustments = {
    bassDb: control("bass", flags.bass),
    earGainDb: control("ear-gain", flags.earGain),
    trebleDb: control("treble", flags.treble),
    tiltDbPerOctave: control("tilt", flags.tilt),
  };
  const adjusted = Object.values(adjustments).some((value) => value !== 0);
  const curve = adjusted ? adjustableTarget({ ...adjustments, base }) : base;
  const id = !adjusted && builtIn ? BUILT_IN_TARGETS[flags.target]!.id : "other";
  return { curve, id };
}
