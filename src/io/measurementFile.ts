import type { Curve } from "../core/curve.js";
import { TympanError } from "../core/issues.js";
import {
  type ParseMeasurementOptions,
  tryParseMeasurement,
} from "../measurements/parseMeasurement.js";
import { readUserTextFile } from "./userTextFile.js";

/**
 * Reads a measurement file (REW, FRD/ZMA, squig.link, AutoEq CSV, CSV/TSV) into a curve. Text is
 * UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark; errors name the file.
 * The file name is the default `source` (messages, the kind from .zma/.frd, the curve's name).
 * What the reader did without being asked (sorted rows, columns it left unread) goes to `onNote`,
 * each message starting with the file name.
 */
export async function readMeasurementFile(
  path: string,
  options: ParseMeasurementOptions & { readonly onNote?: (message: string) => void } = {},
): Promise<Curve> {
  const { onNote, ...parseOptions } = options;
  const source = options.source ?? path;
  const text = await readUserTextFile(path, "a measurement file (.csv, .txt, .frd or .zma)");
  const result = tryParseMeasurement(text, { ...parseOptions, source });
  if (!result.ok) throw new TympanError(result.issues, source);
  for (const warning of result.warnings ?? []) onNote?.(`${source}: ${warning.message}`);
  return result.value;
}
