import type { Command } from "commander";
import type { Curve } from "../../core/curve.js";
import {
  type PreferenceRating,
  type RatingRig,
  preferenceRating,
  ratingValidity,
} from "../../analysis/preferenceRating.js";
import { TympanError, formatIssues } from "../../core/issues.js";
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import {
  type DatabaseEntry,
  type MeasurementDatabase,
  type SkippedMeasurement,
  readMeasurementDatabase,
} from "../../io/measurementDatabase.js";
import { usageError } from "../errors.js";
import type { CliOutput } from "../program.js";
import {
  type NoteSink,
  type TargetFlags,
  addTargetOptions,
  noteTo,
  readCurve,
  targetFromFlags,
} from "../readCurve.js";

interface RankFlags extends TargetFlags {
  rig: string;
  csv?: boolean;
  json?: boolean;
}

const RIGS: readonly RatingRig[] = ["gras", "711", "simulated", "unknown"];

/** One row of a ranking. */
export interface RankedMeasurement {
  /** 1 for the highest predicted preference. */
  readonly rank: number;
  readonly name: string;
  readonly sources: readonly string[];
  readonly rating: PreferenceRating;
}

/**
 * Scores every entry against `target` with the in-ear preference model and sorts by PPR, highest
 * first (ties keep the input order). Entries the model cannot score (e.g. not covering 20 Hz–10 kHz)
 * are returned as skipped with the reason.
 */
export function rankMeasurements(
  entries: readonly DatabaseEntry[],
  target: Curve,
): { ranking: RankedMeasurement[]; skipped: SkippedMeasurement[] } {
  const scored: Omit<RankedMeasurement, "rank">[] = [];
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

export function registerRank(program: Command, output: CliOutput): void {
  addTargetOptions(
    program
      .command("rank")
      .description(
        "rank measurements and designs (folders, squig.link phone books, files, built-in design names) by predicted preference (in-ear model)",
      )
      .argument(
        "<folder|phone_book.json|measurement|design...>",
        "folders of measurement files (.csv, .txt, .frd), squig.link phone_book.json files with '<file> L.txt' / '<file> R.txt' beside them, single measurements, design files or built-in design names",
      ),
  )
    .option("--rig <rig>", `where the measurements were made: ${RIGS.join(", ")}`, "unknown")
    .option("--csv", "print the ranking as CSV (the validity note goes to standard error)")
    .option("--json", "print the ranking as JSON")
    .action(async (inputs: string[], flags: RankFlags) => {
      if (!RIGS.includes(flags.rig as RatingRig)) {
        throw usageError(`--rig ${flags.rig}: choose one of ${RIGS.join(", ")}`);
      }
      if (flags.csv && flags.json) throw usageError("--csv and --json: choose one output format");
      const note = noteTo(output.err);
      const { curve: target, id: targetId } = await targetFromFlags(flags, note);
      const database = await readRankInputs(inputs, target.frequencyHz, note);
      const { ranking, skipped: unscored } = rankMeasurements(database.entries, target);
      const skipped = [...database.skipped, ...unscored];
      const rig = flags.rig as RatingRig;
      const validity = ratingValidity({ target: targetId, rig });
      const targetName = target.name ?? flags.target;

      for (const { source, reason } of skipped) {
        output.err(`tympan: note: skipped ${source}: ${reason}\n`);
      }
      for (const entry of database.entries) {
        for (const warning of entry.warnings) output.err(`tympan: note: ${warning.message}\n`);
      }
      if (ranking.length === 0) {
        throw new TympanError(
          [
            {
              severity: "error",
              code: "nothing-to-rank",
              path: [],
              message: `no measurement could be scored (${skipped.length} skipped); give a folder of .csv, .txt or .frd measurements covering 20 Hz–10 kHz, or a phone_book.json with its L/R files`,
            },
          ],
          inputs.join(", "),
        );
      }

      if (flags.json) {
        const rows = ranking.map(({ rank, name, sources, rating }) => ({
          rank,
          name,
          ...rating,
          sources,
        }));
        output.out(
          `${JSON.stringify({ target: targetName, rig, valid: validity.valid, validity: validity.statement, ranking: rows, skipped })}\n`,
        );
        return;
      }
      if (flags.csv) {
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
        output.out(`rank,name,ppr,sd,slope,ame\n${lines.join("\n")}\n`);
        output.err(`tympan: ${validity.statement}\n`);
        return;
      }
      output.out(`${formatTable(ranking, targetName, validity.statement, validity.issues)}\n`);
    });
}

function formatTable(
  ranking: readonly RankedMeasurement[],
  targetName: string,
  statement: string,
  issues: readonly { message: string }[],
): string {
  const header = ["Rank", "Name", "PPR", "SD", "Slope", "AME"];
  const rows = ranking.map(({ rank, name, rating }) => [
    String(rank),
    name,
    rating.ppr.toFixed(1),
    rating.sd.toFixed(2),
    rating.slope.toFixed(2),
    rating.ame?.toFixed(2) ?? "",
  ]);
  const widths = header.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? "").length)),
  );
  // The name column is left-aligned; numbers are right-aligned so their decimals line up.
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  return [
    `Predicted preference against ${targetName} (in-ear model; slope in dB per natural-log unit)`,
    format(header),
    ...rows.map(format),
    statement,
    ...issues.map((issue) => `  note: ${issue.message}`),
  ].join("\n");
}

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Everything to rank: each input is a folder or a phone book (every measurement in it), or one
 * measurement, design file or built-in design name (a design is simulated and read at its drum).
 */
async function readRankInputs(
  inputs: readonly string[],
  frequencies: readonly number[],
  note: NoteSink,
): Promise<MeasurementDatabase> {
  const entries: DatabaseEntry[] = [];
  const skipped: SkippedMeasurement[] = [];
  for (const input of inputs) {
    if ((await isFolder(input)) || (await isPhoneBook(input))) {
      const database = await readMeasurementDatabase(input);
      entries.push(...database.entries);
      skipped.push(...database.skipped);
      continue;
    }
    const { curve } = await readCurve(input, frequencies, undefined, note);
    entries.push({ name: curve.name ?? input, curve, sources: [input], warnings: [] });
  }
  return { entries, skipped };
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** A .json file holding an array (a phone book lists brands), not an object (a design). */
async function isPhoneBook(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== ".json") return false;
  try {
    return (await readFile(path, "utf8")).trimStart().startsWith("[");
  } catch {
    // An unreadable path is reported by the reader it goes to next.
    return false;
  }
}
