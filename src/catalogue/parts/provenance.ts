/**
 * Where a number in the parts catalogue or a reference design comes from. Every parameter of every
 * part carries one, so a reader can tell a datasheet figure from a fitted or an illustrative one.
 */
export type Provenance =
  /** Taken from a publication: author, venue, year, and the table or equation. */
  | { readonly kind: "publication"; readonly citation: string }
  /** Fitted to a public datasheet curve; the fit's RMS residual in dB over the band it covers. */
  | {
      readonly kind: "datasheet";
      readonly citation: string;
      readonly fitResidualDb: number;
      readonly band: string;
      /** The fit's 95 % interval of this number, when the fit states one. */
      readonly interval95?: readonly [number, number];
      /** The fit ended on this bound of its box: the value is a limit, not a measurement. */
      readonly atBound?: "lower" | "upper";
    }
  /** Computed from other values by a named formula (say which, and from what). */
  | { readonly kind: "derived"; readonly formula: string }
  /** Chosen to be plausible for the part class, not a measured or published datum. */
  | { readonly kind: "illustrative"; readonly note: string };

/** A number with its provenance. */
export interface Sourced {
  readonly value: number;
  readonly source: Provenance;
}

export function publication(value: number, citation: string): Sourced {
  return { value, source: { kind: "publication", citation } };
}

export function derived(value: number, formula: string): Sourced {
  return { value, source: { kind: "derived", formula } };
}

export function illustrative(value: number, note: string): Sourced {
  return { value, source: { kind: "illustrative", note } };
}

/** A one-line label for listings: "publication: …", "illustrative: …". */
export function describeProvenance(source: Provenance): string {
  switch (source.kind) {
    case "publication":
      return `publication: ${source.citation}`;
    case "datasheet": {
      const interval = source.interval95
        ? `, 95 % interval ${source.interval95.map((value) => value.toPrecision(3)).join("–")}`
        : "";
      const bound = source.atBound ? `, at its ${source.atBound} bound (a limit)` : "";
      return `fitted to ${source.citation} (${source.band}, residual ${source.fitResidualDb.toFixed(2)} dB rms${interval}${bound})`;
    }
    case "derived":
      return `derived: ${source.formula}`;
    case "illustrative":
      return `illustrative: ${source.note}`;
  }
}
