import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { usageError } from "./errors.js";

/**
 * Writes an output file. Without `force` an existing file is never replaced (the write itself
 * refuses, so there is no window between a check and the write). File-system failures become
 * messages naming the path, not internal errors.
 */
export async function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  force: boolean,
): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when a file stands where a folder of the path should be: not "already exists".
    const code = (error as NodeJS.ErrnoException).code;
    throw writeFailure(path, code === "EEXIST" ? { code: "ENOTDIR" } : error);
  }
  try {
    await writeFile(path, data, { flag: force ? "w" : "wx" });
  } catch (error) {
    throw writeFailure(path, error);
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function writeFailure(path: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EEXIST: "already exists; pass --force to replace it, or choose another name",
    EISDIR: "is a folder; give a file name",
    ENOTDIR:
      "cannot be written: part of its path is a file, not a folder; choose a path through folders",
    EACCES: "cannot be written: permission denied",
    EPERM: "cannot be written: permission denied",
    EROFS: "cannot be written: the file system is read-only",
    ENOSPC: "cannot be written: the disk is full",
  };
  const reason = (code && reasons[code]) ?? `cannot be written (${code ?? String(error)})`;
  return usageError(`${path} ${reason}`);
}
