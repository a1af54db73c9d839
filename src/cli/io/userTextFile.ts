import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { MAX_USER_FILE_BYTES, TympanError, oversizeFileMessage } from "../../index.js";

/** A UTF-16 little-endian byte-order mark: Windows tools sometimes save text exports that way. */
const UTF16LE_BOM = [0xff, 0xfe] as const;

export { MAX_USER_FILE_BYTES };

function unreadable(path: string, message: string): TympanError {
  return new TympanError([{ severity: "error", code: "unreadable-file", path: [], message }], path);
}

/** Why a file cannot be opened, in words that say what to give instead. */
function openFailure(code: string | undefined, what: string, error: unknown): string {
  switch (code) {
    case "ENOENT":
      return `no such file; give the path of ${what}`;
    case "EISDIR":
      return `is a folder; give the path of ${what}`;
    case "ELOOP":
      return `is a symbolic link that leads back to itself (a link loop); give the path of ${what}`;
    case "ENOTDIR":
      return `no such file: part of the path is a file, not a folder; give the path of ${what}`;
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    case "ENAMETOOLONG":
      return "the path is too long for the file system";
    default:
      return `cannot be read (${code ?? String(error)})`;
  }
}

/**
 * Reads a text file a user named: UTF-8 (a byte-order mark dropped) or UTF-16 LE with its mark.
 * Only a regular file of at most MAX_USER_FILE_BYTES is read: a device (/dev/zero, /dev/urandom), a
 * pipe or a folder is refused before any byte is read, so nothing hangs. A missing file, a link loop
 * or an unreadable file is a TympanError naming the file and saying what to give instead (`what`,
 * e.g. "a design file (.json or .yaml)").
 */
export async function readUserTextFile(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    // Non-blocking: opening a FIFO with no writer would otherwise wait forever before the check
    // below can refuse it. It changes nothing for a regular file.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw unreadable(path, openFailure("EISDIR", what, undefined));
      if (!stats.isFile()) {
        throw unreadable(
          path,
          `is not a regular file (a device, pipe or socket); give the path of ${what}`,
        );
      }
      const oversize = oversizeFileMessage(stats.size, `the path of ${what}`);
      if (oversize !== undefined) throw unreadable(path, oversize);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof TympanError) throw error;
    throw unreadable(path, openFailure((error as NodeJS.ErrnoException).code, what, error));
  }
  const utf16 = bytes[0] === UTF16LE_BOM[0] && bytes[1] === UTF16LE_BOM[1];
  const text = utf16 ? bytes.subarray(2).toString("utf16le") : bytes.toString("utf8");
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
