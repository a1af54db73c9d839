import {
  type Curve,
  type Issue,
  TympanError,
  type MeasurementChannelOptions,
  tryParseMeasurementChannel,
} from "../../index.js";
import { readUserTextFile } from "./userTextFile.js";

/** Options of readMeasurementFile: the reader's (column, channel, kind, name) and a note sink. */
export interface ReadMeasurementFileOptions extends MeasurementChannelOptions {
  /**
   * Receives what the reader did without being asked (sorted rows, the channel or columns it read),
   * as a message starting with the file name, and as the Issue itself.
   */
  readonly onNote?: (message: string, issue: Issue) => void;
}

/**
 * Reads a measurement file (REW, FRD/ZMA, squig.link, AutoEq CSV, CSV/TSV) into a curve. Text is
 * UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark; errors name the file.
 * The file name is the default `source` (messages, the kind from .zma/.frd, the curve's name).
 * A stereo file ("Frequency,Left,Right") is read by `channel` (default left, with a note).
 * What the reader did without being asked (sorted rows, columns it left unread) goes to `onNote`,
 * each message starting with the file name.
 */
export async function readMeasurementFile(
  path: string,
  options: ReadMeasurementFileOptions = {},
): Promise<Curve> {
  const { onNote, ...parseOptions } = options;
  const source = options.source ?? path;
  const text = await readUserTextFile(path, "a measurement file (.csv, .txt, .frd or .zma)");
  const result = tryParseMeasurementChannel(text, { ...parseOptions, source });
  if (!result.ok) throw new TympanError(result.issues, source);
  for (const warning of result.warnings ?? []) onNote?.(`${source}: ${warning.message}`, warning);
  return result.value;
}
