import { readFile } from "node:fs/promises";
import type { Curve } from "../analysis/curve.js";
import { TympanError } from "../core/issues.js";
import {
  type ParseMeasurementOptions,
  parseMeasurement,
} from "../measurements/parseMeasurement.js";

/** A UTF-16 little-endian byte-order mark: Windows tools sometimes save text exports that way. */
const UTF16LE_BOM = [0xff, 0xfe] as const;

/**
 * Reads a measurement file (REW, FRD/ZMA, squig.link, AutoEq CSV, CSV/TSV) into a curve. Text is
 * UTF-8 (a byte-order mark is dropped) or UTF-16 with its byte-order mark; errors name the file.
 * The file name is the default `source` (messages, the kind from .zma/.frd, the curve's name).
 */
export async function readMeasurementFile(
  path: string,
  options: ParseMeasurementOptions = {},
): Promise<Curve> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file; give the path of a measurement file (.csv, .txt, .frd or .zma)"
        : code === "EISDIR"
          ? "is a folder; give the path of a measurement file (.csv, .txt, .frd or .zma) in it"
          : `cannot be read (${code ?? String(error)})`;
    throw new TympanError([{ code: "unreadable-file", path: [], message: reason }], path);
  }
  const utf16 = bytes[0] === UTF16LE_BOM[0] && bytes[1] === UTF16LE_BOM[1];
  const text = utf16 ? bytes.subarray(2).toString("utf16le") : bytes.toString("utf8");
  return parseMeasurement(text.startsWith("\uFEFF") ? text.slice(1) : text, {
    ...options,
    source: options.source ?? path,
  });
}
