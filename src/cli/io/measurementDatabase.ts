/**
 * Collections of measurements: a folder of measurement files, or a squig.link / CrinGraph database —
 * `phone_book.json` (brands → phones → files) with `<file> L.txt` and `<file> R.txt` beside it
 * (docs/measurements.md §1). The structure, as CrinGraph reads it:
 *
 *   [{ "name": "Brand", "phones": [
 *       "Model",                                            // name and file are the same
 *       { "name": "Model", "file": "Model File" },
 *       { "name": "Model", "file": ["File A", "File B"], "suffix": ["(A)", "(B)"] } ] }]
 *
 * Other keys (price, reviewScore, amazon, …) are ignored. Left and right are averaged in amplitude,
 * 20·log10(mean of 10^(dB/20)) (docs/measurements.md §2), on the frequencies both channels cover. Files that
 * cannot be read are skipped and reported, never fatal: one bad file must not hide a whole database.
 */
import { access, readFile, readdir } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import {
  type Channel,
  type Curve,
  type Issue,
  type PhoneBookFile,
  type SkippedMeasurement,
  TympanError,
  combineChannels,
  formatIssues,
  phoneBookFiles,
} from "../../index.js";
import { readMeasurementFile } from "./measurementFile.js";

export type { PhoneBookFile, SkippedMeasurement };

/** One measured device, ready to score. */
export interface DatabaseEntry {
  /** Display name: the file name in a folder, "Brand Model [variant]" in a phone book. */
  readonly name: string;
  readonly curve: Curve;
  /** The files the curve was read from (one, or L and R). */
  readonly sources: readonly string[];
  /** Things worth telling the user, e.g. that only one channel was found. */
  readonly warnings: readonly Issue[];
}

export interface MeasurementDatabase {
  readonly entries: readonly DatabaseEntry[];
  readonly skipped: readonly SkippedMeasurement[];
}

/** The extensions read from a folder of measurements. */
export const MEASUREMENT_EXTENSIONS: readonly string[] = [".csv", ".txt", ".frd"];

/**
 * Reads `path` as a phone book when it is a .json file, otherwise as a folder of measurement files.
 *
 * @throws TympanError when the folder or phone book itself cannot be read (not for single files).
 */
export async function readMeasurementDatabase(
  path: string,
  options: DatabaseOptions = {},
): Promise<MeasurementDatabase> {
  return extname(path).toLowerCase() === ".json"
    ? readPhoneBook(path, options)
    : readMeasurementFolder(path, options);
}

/** How a collection is read. */
export interface DatabaseOptions {
  /**
   * Which channel: in a phone book the `<file> L.txt` or `<file> R.txt` alone, or their average (the
   * default); in a folder, the column of each stereo file ("Frequency,Left,Right"; files with one
   * curve are read as they are).
   */
  readonly channel?: Channel;
}

/** Every .csv, .txt and .frd file directly in `folder`, in name order; unreadable files are skipped. */
export async function readMeasurementFolder(
  folder: string,
  options: DatabaseOptions = {},
): Promise<MeasurementDatabase> {
  let names: string[];
  try {
    const dirents = await readdir(folder, { withFileTypes: true });
    names = dirents
      .filter((d) => d.isFile() && MEASUREMENT_EXTENSIONS.includes(extname(d.name).toLowerCase()))
      .map((d) => d.name)
      .sort((a, b) => a.localeCompare(b));
  } catch (error) {
    throw new TympanError(
      [
        {
          severity: "error",
          code: "unreadable-folder",
          path: [],
          message: `cannot list the folder (${errorCode(error)}); give a folder of measurement files or a phone_book.json`,
        },
      ],
      folder,
    );
  }
  const entries: DatabaseEntry[] = [];
  const skipped: SkippedMeasurement[] = [];
  for (const name of names) {
    const source = join(folder, name);
    try {
      const notes: Issue[] = [];
      const curve = await readStereoAware(source, options.channel, notes);
      entries.push({ name: curve.name ?? name, curve, sources: [source], warnings: notes });
    } catch (error) {
      skipped.push({ source, reason: reasonOf(error) });
    }
  }
  return { entries, skipped };
}

/**
 * A squig.link / CrinGraph database: every phone in `phoneBookPath`, each the amplitude average of
 * `<file> L.txt` and `<file> R.txt` beside the book (one channel alone, with a warning, when the other
 * is missing). Phones whose files are missing or unreadable are skipped.
 *
 * @throws TympanError when the phone book cannot be read or is not an array of brands.
 */
export async function readPhoneBook(
  phoneBookPath: string,
  options: DatabaseOptions = {},
): Promise<MeasurementDatabase> {
  let book: unknown;
  try {
    book = JSON.parse(await readFile(phoneBookPath, "utf8"));
  } catch (error) {
    const message =
      error instanceof SyntaxError
        ? `is not valid JSON (${error.message})`
        : `cannot be read (${errorCode(error)}); give the path of a phone_book.json or a folder of measurements`;
    throw new TympanError(
      [{ severity: "error", code: "unreadable-phone-book", path: [], message }],
      phoneBookPath,
    );
  }
  const folder = dirname(phoneBookPath);
  const { files, skipped: badEntries } = phoneBookFiles(book, phoneBookPath);
  const entries: DatabaseEntry[] = [];
  const skipped: SkippedMeasurement[] = [...badEntries];
  for (const { name, file } of files) {
    const channels: { side: "left" | "right"; path: string }[] = [];
    for (const [side, letter] of [
      ["left", "L"],
      ["right", "R"],
    ] as const) {
      if (options.channel === (side === "left" ? "right" : "left")) continue;
      const path = join(folder, `${file} ${letter}.txt`);
      if (await exists(path)) channels.push({ side, path });
    }
    if (channels.length === 0) {
      skipped.push({
        source: join(folder, `${file} L.txt`),
        reason: `${name}: neither "${file} L.txt" nor "${file} R.txt" is beside the phone book`,
      });
      continue;
    }
    try {
      const curves: Curve[] = [];
      const warnings: Issue[] = [];
      for (const channel of channels) {
        curves.push(
          await readMeasurementFile(channel.path, { name, onNote: collectInto(warnings) }),
        );
      }
      const sources = channels.map((channel) => channel.path);
      const only = channels.length === 1 ? channels[0] : undefined;
      if (only !== undefined && options.channel !== only.side) {
        warnings.push({
          severity: "note",
          code: "single-channel",
          path: [],
          message: `${name}: only the ${only.side} channel (${only.path}) was found; it is used alone`,
        });
      }
      const left = curves[channels.findIndex((channel) => channel.side === "left")];
      const right = curves[channels.findIndex((channel) => channel.side === "right")];
      const combined = combineChannels(name, { left, right });
      warnings.push(...combined.warnings);
      entries.push({ name, curve: combined.curve, sources, warnings });
    } catch (error) {
      skipped.push({ source: channels.map((c) => c.path).join(" + "), reason: reasonOf(error) });
    }
  }
  return { entries, skipped };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** A person-readable reason: the issues of a TympanError (without its file name), else the message. */
function reasonOf(error: unknown): string {
  if (error instanceof TympanError) return formatIssues(error.issues).replaceAll("\n", "; ");
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A file of a folder by the channel asked for when it is stereo; a file with one curve as it is (a
 * channel choice over a folder must not reject its mono files).
 */
async function readStereoAware(
  source: string,
  channel: Channel | undefined,
  notes: Issue[],
): Promise<Curve> {
  const onNote = collectInto(notes);
  if (channel === undefined) return readMeasurementFile(source, { onNote });
  try {
    return await readMeasurementFile(source, { channel, onNote });
  } catch (error) {
    const mono =
      error instanceof TympanError &&
      error.issues.every((issue) => issue.code === "unknown-channel");
    if (!mono) throw error;
    return readMeasurementFile(source, { onNote });
  }
}

/** A reader's notes kept as warnings of the entry they belong to. */
function collectInto(warnings: Issue[]): (message: string, issue: Issue) => void {
  return (message, issue) => {
    warnings.push({ ...issue, message });
  };
}
