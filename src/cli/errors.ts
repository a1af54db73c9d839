import { TympanError, formatIssue } from "../index.js";
import type { Issue } from "../index.js";

/** Exit code for bad input (invalid design, bad arguments, unreadable file). */
export const EXIT_BAD_INPUT = 2;
/** Exit code for a failure of Tympan itself: EX_SOFTWARE of BSD's sysexits.h. */
export const EXIT_INTERNAL = 70;

/** A bad command-line argument, reported like any other input problem. */
export function usageError(message: string): TympanError {
  return new TympanError([{ severity: "error", code: "usage", path: [], message }]);
}

/**
 * Every issue is printed one way: `tympan: <formatIssue>`, one line each. An issue whose message
 * starts with a flag ("--filters 0: …") is about the command line, not the file or the option's
 * path inside the library: it is printed without them.
 */
export function issueLines(issues: readonly Issue[], source?: string): string {
  return issues
    .flatMap((issue) => {
      const aboutFlag = issue.message.startsWith("--");
      return formatIssue(
        aboutFlag ? { ...issue, path: [] } : issue,
        aboutFlag ? undefined : source,
      ).split("\n");
    })
    .map((line) => `tympan: ${line}\n`)
    .join("");
}

/**
 * Prints an error for a person and gives the exit code: a TympanError's issues (exit 2), or for
 * anything else one line saying Tympan failed and how to report it (exit 70); the stack trace only
 * when TYMPAN_DEBUG is set.
 */
export function reportError(error: unknown, write: (text: string) => void): number {
  if (error instanceof TympanError) {
    write(issueLines(error.issues, error.source));
    return EXIT_BAD_INPUT;
  }
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  write(
    `tympan: internal error: ${message}. This is a bug in tympan; please report it with the command and the files it read (TYMPAN_DEBUG=1 prints the stack trace).\n`,
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
