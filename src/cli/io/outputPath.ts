import { stat } from "node:fs/promises";
import { TympanError } from "../../index.js";

/**
 * Checks, before any work is done, that an output file may be written at `path`: not a folder, not
 * below a file (exists.txt/plot.svg), and not an existing file unless `force`. `flag` names the option the path came from (e.g. "--plot").
 * The write itself still refuses to replace a file (a file may appear meanwhile); this check only
 * keeps a command from computing and printing first and refusing at the end.
 */
export async function checkOutputPath(path: string, force: boolean, flag: string): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") {
      throw new TympanError([
        {
          severity: "error",
          code: "usage",
          path: [flag],
          message: `${path} cannot be written: part of its path is a file, not a folder; choose a path through folders`,
        },
      ]);
    }
    return; // Nothing there (or nothing readable): the write says what is wrong, if anything.
  }
  const problem = isFolder
    ? "is a folder; give a file name"
    : force
      ? undefined
      : "already exists; pass --force to replace it, or choose another name";
  if (problem !== undefined) {
    const code = isFolder ? "usage" : "output-exists";
    throw new TympanError([
      { severity: "error", code, path: [flag], message: `${path} ${problem}` },
    ]);
  }
}
