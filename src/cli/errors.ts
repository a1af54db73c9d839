import { TympanError, formatIssues } from "../core/issues.js";

/** Exit code for bad input (invalid design, bad arguments, unreadable file). */
export const EXIT_BAD_INPUT = 2;
/** Exit code for a failure of Tympan itself. */
export const EXIT_INTERNAL = 1;

/** A bad command-line argument, reported like any other input problem. */
export function usageError(message: string): TympanError {
  return new TympanError([{ severity: "error", code: "usage", path: [], message }]);
}

/** Prints an error for a person (no stack trace unless TYMPAN_DEBUG is set) and gives the exit code. */
export function reportError(error: unknown, write: (text: string) => void): number {
  if (error instanceof TympanError) {
    write(
      `${formatIssues(error.issues, error.source)
        .split("\n")
        .map((line) => `tympan: ${line}`)
        .join("\n")}\n`,
    );
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(
    `tympan: internal error: ${message}\nPlease report this with the command and design file that caused it.\n`,
  );
  if (process.env.TYMPAN_DEBUG && error instanceof Error && error.stack) write(`${error.stack}\n`);
  return EXIT_INTERNAL;
}

/** Runs `work`; a TympanError it throws comes back naming `source` (the file the problem is in). */
export function inFile<T>(source: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TympanError) throw new TympanError(error.issues, source);
    throw error;
  }
}
