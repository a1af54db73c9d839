import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { usageError } from "./errors.js";

/** Writes an output file, refusing to replace an existing one unless `force` is set. */
export async function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  force: boolean,
): Promise<void> {
  if (!force && (await exists(path))) {
    throw usageError(`${path} already exists; pass --force to replace it, or choose another name`);
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
