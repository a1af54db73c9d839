import type { Command } from "commander";
import {
  type Channel,
  type Curve,
  type Issue,
  type RatedTarget,
  BUILT_IN_TARGETS,
  CHANNELS,
  DEFAULT_TARGET_NAME,
  adjustTarget,
} from "../index.js";
import { readCurveInput, readTargetInput } from "./io/index.js";
import { usageError } from "./errors.js";

/** Receives what a reader did without being asked (see readMeasurementFile). */
export type NoteSink = (message: string, issue?: Issue) => void;

/**
 * A measurement file as it is, or a design (a built-in name, or .json, .yaml) simulated at
 * `frequencies` and read at its drum probe (else its first acoustic probe): readCurveInput.
 */
export async function readCurve(
  input: string,
  frequencies: readonly number[],
  column?: string,
  onNote?: NoteSink,
  channel?: Channel,
): Promise<{ curve: Curve; isDesign: boolean; shares: readonly Curve[] }> {
  return readCurveInput(input, {
    frequencies,
    ...(column === undefined ? {} : { column }),
    ...(channel === undefined ? {} : { channel }),
    ...(onNote === undefined ? {} : { onNote }),
  });
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
      `a built-in target (${Object.keys(BUILT_IN_TARGETS).join(", ")}) or a file (an AutoEq result is read by its target column)`,
      DEFAULT_TARGET_NAME,
    )
    .option(
      "--bass <dB>",
      "adjust the target: low shelf at 105 Hz, Q 0.707 (e.g. 4 for the bass-lovers' segment)",
    )
    .option("--ear-gain <dB>", "adjust the target: peak at 2750 Hz, Q 1")
    .option("--treble <dB>", "adjust the target: high shelf at 2500 Hz, Q 0.42")
    .option("--tilt <dB/octave>", "adjust the target: tilt pivoting at 1 kHz");
}

/** The --channel option: which channel of a stereo file ("Frequency,Left,Right") to read. */
export function addChannelOption(command: Command): Command {
  return command.option(
    "--channel <channel>",
    `the channel of a stereo measurement (Frequency,Left,Right): ${CHANNELS.join(", ")} (default left, with a note)`,
  );
}

/** The channel --channel names, or undefined when not given. */
export function channelFromFlag(text: string | undefined): Channel | undefined {
  if (text === undefined) return undefined;
  const channel = CHANNELS.find((name) => name === text.trim().toLowerCase());
  if (channel === undefined) {
    throw usageError(`--channel ${text}: choose one of ${CHANNELS.join(", ")}`);
  }
  return channel;
}

/**
 * The target the flags describe, and how the preference model knows it: an adjusted or user-supplied
 * target is "other", so a rating against it is informative only.
 */
export async function targetFromFlags(
  flags: TargetFlags,
  onNote?: NoteSink,
  column?: string,
): Promise<RatedTarget> {
  const base = await readTargetInput(flags.target, {
    ...(column === undefined ? {} : { column }),
    ...(onNote === undefined ? {} : { onNote }),
  });
  const control = (flag: string, text: string | undefined, limit: number, unit: string) => {
    if (text === undefined) return 0;
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value))
      throw usageError(`--${flag}: "${text}" is not a number of ${unit}`);
    if (Math.abs(value) > limit)
      throw usageError(
        `--${flag}: ${text} ${unit} is beyond ±${limit} ${unit}; give a smaller adjustment`,
      );
    return value;
  };
  const { gainDb, tiltDbPerOctave } = TARGET_CONTROL_LIMITS;
  return adjustTarget(
    { curve: base.curve, id: base.id },
    {
      bassDb: control("bass", flags.bass, gainDb, "dB"),
      earGainDb: control("ear-gain", flags.earGain, gainDb, "dB"),
      trebleDb: control("treble", flags.treble, gainDb, "dB"),
      tiltDbPerOctave: control("tilt", flags.tilt, tiltDbPerOctave, "dB/octave"),
    },
  );
}

/**
 * How far the target's controls may go. The web app's sliders span ±12 dB and ±3 dB/octave; the
 * command line allows well beyond for experiments but refuses what no target is (±1e9 dB overflowed
 * the filters into NaN ratings): ±40 dB lifts a shelf past any listener preference reported
 * (Olive 2022's segments ask for −2 to +6 dB of bass), ±6 dB/octave tilts 20 Hz–20 kHz by ±60 dB.
 */
const TARGET_CONTROL_LIMITS = { gainDb: 40, tiltDbPerOctave: 6 } as const;
