import { readFile } from "node:fs/promises";
import { TympanError } from "../core/issues.js";

/** A UTF-16 little-endian byte-order mark: Windows tools sometimes save text exports that way. */
const UTF16LE_BOM = [0xff, 0xfe] as const;

/**
 * Reads a text file a user named: UTF-8 (a byte-order mark dropped) or UTF-16 LE with its mark.
 * A missing file, a folder or an unreadable file is a TympanError naming the file and saying what
 * to give instead (`what`, e.g. "a design file (.json or .yaml)").
 */
export async function readUserTextFile(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? `no such file; give the path of ${what}`
        : code === "EISDIR"
          ? `is a folder; give the path of ${what}`
          : `cannot be read (${code ?? String(error)})`;
    throw new TympanError(
      [{ severity: "error", code: "unreadable-file", path: [], message: reason }],
      path,
    );
  }
  const utf16 = bytes[0] === UTF16LE_BOM[0] && bytes[1] === UTF16LE_BOM[1];
  const text = utf16 ? bytes.subarray(2).toString("utf16le") : bytes.toString("utf8");
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
