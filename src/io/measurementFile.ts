import type { Curve } from "../analysis/curve.js";
import {
  type ParseMeasurementOptions,
  parseMeasurement,
} from "../measurements/parseMeasurement.js";
import { readUserTextFile } from "./userTextFile.js";

/**
 * Reads a measurement file (REW, FRD/ZMA, squig.link, AutoEq CSV, CSV/TSV) into a curve. Text is
 * UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark; errors name the file.
 * The file name is the default `source` (messages, the kind from .zma/.frd, the curve's name).
 */
export async function readMeasurementFile(
  path: string,
  options: ParseMeasurementOptions = {},
): Promise<Curve> {
  const text = await readUserTextFile(path, "a measurement file (.csv, .txt, .frd or .zma)");
  return parseMeasurement(text, {
    ...options,
    source: options.source ?? path,
  });
}
