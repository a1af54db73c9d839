/**
 * Every code an Issue can carry: a closed set a program can switch on. Add a code here (sorted) when
 * a new kind of problem appears; never reuse one for a different meaning.
 */
export type IssueCode =
  | "ambiguous-columns"
  | "ambiguous-probe"
  | "band-not-covered"
  | "broken-impedance"
  | "cell-count"
  | "channel-chosen"
  | "channel-imbalance"
  | "channels-averaged"
  | "chart-without-panels"
  | "constraint-missed"
  | "curve-too-short"
  | "dangling-node"
  | "domain-mismatch"
  | "drive-not-stated"
  | "duplicate-frequency"
  | "duplicate-id"
  | "duplicate-probe"
  | "ear711-extrapolated"
  | "empty-average"
  | "empty-curve"
  | "eq-band-not-covered"
  | "eq-needs-response"
  | "fit-not-applicable"
  | "floating-subnetwork"
  | "flow-source-cutset"
  | "format-version"
  | "frequency-out-of-range"
  | "frequency-outside-table"
  | "harmonic-balance-not-converged"
  | "hint"
  | "identical-loads"
  | "ill-conditioned-loads"
  | "ill-conditioned-network"
  | "impedance-misses-1khz"
  | "implausible-size"
  | "implausible-value"
  | "invalid-air"
  | "invalid-band"
  | "invalid-element"
  | "invalid-eq-slot"
  | "invalid-filter-frequency"
  | "invalid-filter-gain"
  | "invalid-filter-q"
  | "invalid-frequency"
  | "invalid-frequency-range"
  | "invalid-height-ratio"
  | "invalid-impedance"
  | "invalid-level"
  | "invalid-max-boost"
  | "invalid-node"
  | "invalid-normalization"
  | "invalid-parameter"
  | "invalid-phone-book"
  | "invalid-point-count"
  | "invalid-polarity-reference"
  | "invalid-probe"
  | "invalid-probes"
  | "invalid-range"
  | "invalid-render-option"
  | "invalid-sample-rate"
  | "invalid-smoothing"
  | "invalid-smoothing-fraction"
  | "invalid-source"
  | "invalid-table-file"
  | "invalid-target-control"
  | "invalid-threshold"
  | "invalid-tip-bore"
  | "invalid-type"
  | "invalid-value"
  | "invalid-y-min-span"
  | "invalid-y-scale"
  | "kind-overridden"
  | "length-mismatch"
  | "missing-cell"
  | "missing-column"
  | "missing-parameter"
  | "more-issues"
  | "no-acoustic-probe"
  | "no-common-range"
  | "no-data"
  | "no-drivers"
  | "no-elements"
  | "no-eq-filters"
  | "no-frequencies"
  | "no-frequency-column"
  | "no-large-signal-parameters"
  | "no-probe"
  | "no-sensitivity"
  | "non-positive-impedance"
  | "not-a-design"
  | "not-a-number"
  | "not-a-response"
  | "not-an-impedance"
  | "not-finite"
  | "not-single-voltage-input"
  | "not-text"
  | "not-three"
  | "note"
  | "nothing-to-plot"
  | "nothing-to-rank"
  | "nothing-to-report"
  | "open-load"
  | "output-exists"
  | "parameter-at-bound"
  | "partial-range"
  | "phase-all-zero"
  | "phase-assumed"
  | "points-not-plotted"
  | "preferred-column"
  | "probe-domain-unknown"
  | "probe-on-ground"
  | "rating-band-not-covered"
  | "rating-needs-response"
  | "rating-rig-not-gras"
  | "rating-target-not-harman"
  | "reader-note"
  | "reserved-probe-id"
  | "response-not-measured"
  | "response-shape"
  | "series-length-mismatch"
  | "shorted-element"
  | "shorted-source"
  | "simulated-at-probe"
  | "single-channel"
  | "singular-network"
  | "source-loop"
  | "syntax-error"
  | "target-needs-response"
  | "tip-bore-missing"
  | "too-few-rows"
  | "two-port-file"
  | "undriven-subnetwork"
  | "unexpected-text"
  | "unknown-call"
  | "unknown-channel"
  | "unknown-column"
  | "unknown-design"
  | "unknown-element"
  | "unknown-element-type"
  | "unknown-input"
  | "unknown-key"
  | "unknown-load"
  | "unknown-parameter"
  | "unknown-part"
  | "unknown-probe"
  | "unknown-probe-node"
  | "unnamed-columns"
  | "unread-columns"
  | "unreadable-eq-line"
  | "unreadable-file"
  | "unreadable-folder"
  | "unreadable-phone-book"
  | "units-not-built"
  | "unsorted-frequencies"
  | "unsorted-rows"
  | "unsupported"
  | "usage";

/**
 * How much an issue matters: an "error" stops the work (it is thrown or returned instead of a
 * result), a "warning" accompanies a result that may mislead, a "note" says what was decided on the
 * user's behalf (which column of a file was read, which rows were sorted).
 */
export type IssueSeverity = "error" | "warning" | "note";

/**
 * Problems are data: a code a program can switch on, how much it matters, a path to where the
 * problem is, and a message a person can act on (what is wrong and how to fix it). Every validator,
 * reader and warning of the library speaks this one type; formatting for humans is `formatIssues`.
 */
export interface Issue {
  /** Stable machine-readable code, e.g. "unknown-element-type", "floating-subnetwork". */
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  /** JSON path into the design (or file position), e.g. ["elements", 3, "resistance"]. */
  readonly path: readonly (string | number)[];
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** Element ids involved, when the problem is about elements. */
  readonly elementIds?: readonly string[];
  /** How to fix it, when that is not already the end of the message. */
  readonly hint?: string;
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

/**
 * Runs `work`; a TympanError it throws comes back naming `source` as the input it is about, unless
 * it already names one (a file read deeper down keeps its own name).
 */
export function inSource<T>(source: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TympanError) throw new TympanError(error.issues, error.source ?? source);
    throw error;
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

/**
 * One line a person reads: `<file>: <path>: <message> (<hint>)`, with "warning: " or "note: " before
 * the message when the issue is not an error.
 */
export function formatIssue(issue: Issue, source?: string): string {
  // A file position (["line", n]) is already in the message, which reads "line n: …".
  const showPath = issue.path.length > 0 && issue.path[0] !== "line";
  const where = [source, showPath ? formatPath(issue.path) : undefined]
    .filter((part) => part !== undefined)
    .join(": ");
  const level = issue.severity === "error" ? "" : `${issue.severity}: `;
  const text = `${level}${issue.message}${issue.hint === undefined ? "" : ` (${issue.hint})`}`;
  return where === "" ? text : `${where}: ${text}`;
}

/** An error-severity issue: the common case, written once. */
export function errorIssue(
  code: IssueCode,
  path: readonly (string | number)[],
  message: string,
  extra: Pick<Issue, "elementIds" | "hint"> = {},
): Issue {
  return { code, severity: "error", path, message, ...extra };
}

/** Every issue on its own line, as `formatIssue` writes one. */
export function formatIssues(issues: readonly Issue[], source?: string): string {
  return issues.map((issue) => formatIssue(issue, source)).join("\n");
}

/** Whether a list has at least one item: the guard that turns `Issue[]` into the non-empty list TympanError takes. */
export function isNonEmpty<T>(items: readonly T[]): items is readonly [T, ...T[]] {
  return items.length > 0;
}
