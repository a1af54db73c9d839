/**
 * What the rating commands take as a curve, read from the file system: a measurement file, a design
 * (a built-in name, or a .json/.yaml file, simulated and read at its drum), a folder of measurements
 * or a squig.link phone_book.json; and a target, built in or from a file. The browser-safe parts are
 * the reader (measurements/, analysis/measurementChannel), designCurve and the phone book's parser.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import {
  designCurve,
  type RatedTarget,
  type Curve,
  type Issue,
  TympanError,
  inSource,
  type Channel,
  type SkippedMeasurement,
  isPhoneBookText,
  simulate,
  builtInTarget,
  BUILT_IN_TARGETS,
} from "../../index.js";
import {
  isDesignInput,
  isUnknownName,
  loadDesign,
  pathExists,
  unknownNameError,
} from "./designInput.js";
import { readMeasurementDatabase } from "./measurementDatabase.js";
import { readMeasurementFile } from "./measurementFile.js";

/** Receives what a reader did without being asked: a message starting with the file, and the Issue. */
export type NoteSink = (message: string, issue: Issue) => void;

export interface CurveInputOptions {
  /** The frequencies a design is simulated at (a measurement keeps its own). */
  readonly frequencies: readonly number[];
  /** The column of a multi-column measurement file, e.g. "raw" of an AutoEq result. */
  readonly column?: string;
  /** The channel of a stereo measurement file ("Frequency,Left,Right"); default left, with a note. */
  readonly channel?: Channel;
  readonly onNote?: NoteSink;
}

/** One curve read from an input. */
export interface CurveInput {
  readonly curve: Curve;
  /** True for a simulated design (its rig is "simulated"). */
  readonly isDesign: boolean;
  /** Per-driver shares of a design's probe (none for a measurement). */
  readonly shares: readonly Curve[];
}

/**
 * A measurement file as the reader reads it, or a design (a built-in name, or .json/.yaml) simulated
 * at `frequencies` and read at its drum probe (designCurve): a simulated design is a curve like any
 * other. A mistyped name lists the built-in designs.
 *
 * @throws TympanError naming the input when it cannot be read, simulated or has no acoustic probe.
 */
export async function readCurveInput(
  input: string,
  options: CurveInputOptions,
): Promise<CurveInput> {
  if (await isUnknownName(input))
    throw unknownNameError(input, "a measurement file or a .json/.yaml design file");
  if (await isDesignInput(input)) {
    const { design, name } = await loadDesign(input);
    const result = inSource(input, () => simulate(design, { frequencies: options.frequencies }));
    const { curve, shares } = inSource(input, () => designCurve(result, name));
    return { curve, isDesign: true, shares };
  }
  const curve = await readMeasurementFile(input, {
    ...(options.column === undefined ? {} : { column: options.column }),
    ...(options.channel === undefined ? {} : { channel: options.channel }),
    ...(options.onNote === undefined ? {} : { onNote: options.onNote }),
  });
  return { curve, isDesign: false, shares: [] };
}

/** One curve of a list of inputs, with where it came from. */
export interface CurveEntry extends CurveInput {
  /** The input (argument) it came from: a file, a design name, a folder or a phone book. */
  readonly input: string;
  /** Display name: the curve's name, "Brand Model" in a phone book. */
  readonly name: string;
  /** The files the curve was read from (one, or L and R). */
  readonly sources: readonly string[];
  /** What is worth telling the user about this entry (a lone channel, unequal channels). */
  readonly warnings: readonly Issue[];
}

/**
 * Every curve of `inputs`, in order: a folder or a phone book gives every measurement in it (files
 * that cannot be read are skipped with the reason, never fatal); any other input is one measurement
 * or design (readCurveInput; a problem there is fatal). `column` applies to single files only.
 */
export async function readCurveInputs(
  inputs: readonly string[],
  options: CurveInputOptions,
): Promise<{ entries: CurveEntry[]; skipped: SkippedMeasurement[] }> {
  const entries: CurveEntry[] = [];
  const skipped: SkippedMeasurement[] = [];
  for (const input of inputs) {
    if (await isMeasurementCollection(input)) {
      const database = await readMeasurementDatabase(
        input,
        options.channel === undefined ? {} : { channel: options.channel },
      );
      for (const entry of database.entries)
        entries.push({ ...entry, input, isDesign: false, shares: [] });
      skipped.push(...database.skipped);
      continue;
    }
    const read = await readCurveInput(input, options);
    entries.push({
      ...read,
      input,
      name: read.curve.name ?? input,
      sources: [input],
      warnings: [],
    });
  }
  return { entries, skipped };
}

/**
 * True when `path` is a collection of measurements: a folder, or a .json file holding an array (a
 * phone book lists brands; a design is an object).
 */
export async function isMeasurementCollection(path: string): Promise<boolean> {
  try {
    if ((await stat(path)).isDirectory()) return true;
  } catch {
    return false; // Nothing there: the reader it goes to next says so.
  }
  if (extname(path).toLowerCase() !== ".json") return false;
  try {
    return isPhoneBookText(await readFile(path, "utf8"));
  } catch {
    return false; // An unreadable file is reported by the reader it goes to next.
  }
}

/** The column of an AutoEq result that holds the target it was equalised to. */
const TARGET_COLUMN = "target";

/**
 * A target by built-in name (BUILT_IN_TARGETS) or from a measurement file. A file with a "target"
 * column (an AutoEq result) is read by that column, with a note saying so, unless `column` names
 * another. A file target is rated as "other" (informative).
 *
 * @throws TympanError when a column is asked of a built-in target, or the file cannot be read.
 */
export async function readTargetInput(
  nameOrFile: string,
  options: { readonly column?: string; readonly onNote?: NoteSink } = {},
): Promise<RatedTarget & { readonly builtIn: boolean }> {
  const builtIn = builtInTarget(nameOrFile);
  if (builtIn !== undefined && options.column !== undefined) {
    throw new TympanError([
      {
        severity: "error",
        code: "unknown-column",
        path: ["column"],
        message: `${nameOrFile} is a built-in target with one curve; a column (${options.column}) can only be read from a target file`,
      },
    ]);
  }
  if (builtIn !== undefined) return { ...builtIn, builtIn: true };
  if (extname(nameOrFile) === "" && !(await pathExists(nameOrFile))) {
    // A bare word is a mistyped built-in name more often than a missing file: list the names.
    throw new TympanError([
      {
        severity: "error",
        code: "unknown-input",
        path: ["--target"],
        message: `${nameOrFile}: no built-in target of that name and no such file; built-in targets: ${Object.keys(BUILT_IN_TARGETS).join(", ")} (or give a measurement file)`,
      },
    ]);
  }
  const sink = options.onNote;
  // The reader's generic note ("read in preference to raw") said as what it means for a target.
  const onNote: NoteSink | undefined =
    sink &&
    ((message, issue) => {
      if (issue.code !== "preferred-column") return sink(message, issue);
      const text = `${nameOrFile}: read its "${TARGET_COLUMN}" column as the target (an AutoEq result holds the target beside the headphone's "raw" curve; name another column to read that one)`;
      sink(text, { ...issue, message: text });
    });
  const curve = await readMeasurementFile(nameOrFile, {
    preferColumn: TARGET_COLUMN,
    ...(options.column === undefined ? {} : { column: options.column }),
    ...(onNote === undefined ? {} : { onNote }),
  });
  return { curve, id: "other", builtIn: false };
}
