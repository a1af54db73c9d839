import type { Curve } from "../core/curve.js";
import { csvField } from "../core/csv.js";
import { TympanError, formatIssues } from "../core/issues.js";
import type { SkippedMeasurement } from "../measurements/phoneBook.js";
import { type PreferenceRating, preferenceRating } from "./preferenceRating.js";

/** One curve to rank: a measured device or a simulated design. */
export interface RankEntry {
  readonly name: string;
  readonly curve: Curve;
  /** The files the curve was read from (one, or L and R), shown in JSON output. */
  readonly sources: readonly string[];
}

/** One row of a ranking. */
export interface RankedCurve {
  /** 1 for the highest predicted preference. */
  readonly rank: number;
  readonly name: string;
  readonly sources: readonly string[];
  readonly rating: PreferenceRating;
}

/** A ranking, and the entries that could not be rated with the reason. */
export interface Ranking {
  readonly ranking: readonly RankedCurve[];
  readonly skipped: readonly SkippedMeasurement[];
}

/**
 * Scores every entry against `target` with the in-ear preference model and sorts by PPR, highest
 * first (ties keep the input order). Entries the model cannot score (e.g. not covering 20 Hz–10 kHz,
 * or an impedance) are returned as skipped with the reason, never fatal.
 */
export function rankCurves(entries: readonly RankEntry[], target: Curve): Ranking {
  const scored: Omit<RankedCurve, "rank">[] = [];
  const skipped: SkippedMeasurement[] = [];
  for (const entry of entries) {
    try {
      scored.push({
        name: entry.name,
        sources: entry.sources,
        rating: preferenceRating(entry.curve, target),
      });
    } catch (error) {
      if (!(error instanceof TympanError)) throw error;
      skipped.push({
        source: entry.sources.join(" + "),
        reason: formatIssues(error.issues).replaceAll("\n", "; "),
      });
    }
  }
  const ranking = scored
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.rating.ppr - a.row.rating.ppr || a.index - b.index)
    .map(({ row }, i) => ({ rank: i + 1, ...row }));
  return { ranking, skipped };
}

/**
 * A ranking as CSV: rank,name,ppr,sd,slope,ame (PPR to 0.01, the rest to 0.001 dB; AME empty for the
 * over-ear model). Names are CSV fields (quoted, and never a spreadsheet formula).
 */
export function rankingCsv(ranking: readonly RankedCurve[]): string {
  const lines = ranking.map(({ rank, name, rating }) =>
    [
      rank,
      csvField(name),
      rating.ppr.toFixed(2),
      rating.sd.toFixed(3),
      rating.slope.toFixed(3),
      rating.ame?.toFixed(3) ?? "",
    ].join(","),
  );
  return `rank,name,ppr,sd,slope,ame\n${lines.map((line) => `${line}\n`).join("")}`;
}
