/**
 * The largest text file Tympan reads from a user, in bytes: 32 MiB, in the command line and the web
 * app alike. The largest measurement exports (REW at 65 536 points with phase) are a few MB and
 * designs a few hundred kB; a bigger file is the wrong file, and reading it whole would only spend
 * memory and time before failing.
 */
export const MAX_USER_FILE_BYTES = 32 * 1024 * 1024;

/**
 * Why a file of `bytes` is refused, or undefined when its size is fine: "is 40.0 MiB, more than the
 * 32 MiB Tympan reads; give …" with `what` (e.g. "a measurement file (.csv, .txt, .frd or .zma)").
 */
export function oversizeFileMessage(bytes: number, what: string): string | undefined {
  if (bytes <= MAX_USER_FILE_BYTES) return undefined;
  return `is ${(bytes / 1024 / 1024).toFixed(1)} MiB, more than the ${MAX_USER_FILE_BYTES / 1024 / 1024} MiB Tympan reads; give ${what}`;
}
