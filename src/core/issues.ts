/**
 * Problems are data: a code a program can switch on, a path to where the problem is, and a message a
 * person can act on (what is wrong and how to fix it). Formatting for humans lives in `formatIssues`.
 */
export interface Issue {
  /** Stable machine-readable code, e.g. "unknown-element-type", "floating-subnetwork". */
  readonly code: string;
  /** JSON path into the design (or file position), e.g. ["elements", 3, "resistance"]. */
  readonly path: readonly (string | number)[];
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** Element ids involved, when the problem is about elements. */
  readonly elementIds?: readonly string[];
}

/** The one error Tympan throws for bad input: it carries every issue found, never just the first. */
export class TympanError extends Error {
  readonly issues: readonly [Issue, ...Issue[]];
  /** The file the issues are about, when there is one. */
  readonly source: string | undefined;

  constructor(issues: readonly [Issue, ...Issue[]], source?: string) {
    super(formatIssues(issues, source));
    this.name = "TympanError";
    this.issues = issues;
    this.source = source;
  }
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]] };

/** Renders a JSON path the way people write it: `elements[3].resistance`. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? part : `.${part}`;
  }
  return text === "" ? "(root)" : text;
}

export function formatIssue(issue: Issue, source?: string): string {
  // A file position (["line", n]) is already in the message, which reads "line n: …".
  const showPath = issue.path.length > 0 && issue.path[0] !== "line";
  const where = [source, showPath ? formatPath(issue.path) : undefined]
    .filter((part) => part !== undefined)
    .join(": ");
  return where === "" ? issue.message : `${where}: ${issue.message}`;
}

export function formatIssues(issues: readonly Issue[], source?: string): string {
  return issues.map((issue) => formatIssue(issue, source)).join("\n");
}

export function isNonEmpty<T>(items: readonly T[]): items is readonly [T, ...T[]] {
  return items.length > 0;
}
