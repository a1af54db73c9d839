import type { Command } from "commander";
import {
  type RankedCurve,
  RATING_RIGS,
  TympanError,
  isRatingRig,
  rankCurves,
  rankingCsv,
  ratingValidity,
} from "../../index.js";
import { readCurveInputs } from "../io/index.js";
import { usageError } from "../errors.js";
import type { CliOutput } from "../cliOutput.js";
import {
  type TargetFlags,
  addChannelOption,
  addTargetOptions,
  channelFromFlag,
  noteTo,
  targetFromFlags,
} from "../readCurve.js";

interface RankFlags extends TargetFlags {
  rig: string;
  csv?: boolean;
  json?: boolean;
  channel?: string;
}

export function registerRank(program: Command, output: CliOutput): void {
  addChannelOption(
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
    ),
  )
    .option("--rig <rig>", `where the measurements were made: ${RATING_RIGS.join(", ")}`, "unknown")
    .option("--csv", "print the ranking as CSV (the validity note goes to standard error)")
    .option("--json", "print the ranking as JSON")
    .action(async (inputs: string[], flags: RankFlags) => {
      const rig = flags.rig;
      if (!isRatingRig(rig)) {
        throw usageError(`--rig ${rig}: choose one of ${RATING_RIGS.join(", ")}`);
      }
      if (flags.csv && flags.json) throw usageError("--csv and --json: choose one output format");
      const channel = channelFromFlag(flags.channel);
      const note = noteTo(output.err);
      const target = await targetFromFlags(flags, note);
      const database = await readCurveInputs(inputs, {
        frequencies: target.curve.frequencyHz,
        ...(channel === undefined ? {} : { channel }),
        onNote: note,
      });
      const { ranking, skipped: unscored } = rankCurves(database.entries, target.curve);
      const skipped = [...database.skipped, ...unscored];
      const validity = ratingValidity({ target: target.id, rig });
      const targetName = target.curve.name ?? flags.target;

      for (const { source, reason } of skipped) note(`skipped ${source}: ${reason}`);
      for (const entry of database.entries) {
        for (const warning of entry.warnings) note(warning.message);
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
        output.out(rankingCsv(ranking));
        output.err(`tympan: ${validity.statement}\n`);
        return;
      }
      output.out(`${formatTable(ranking, targetName, validity.statement, validity.issues)}\n`);
    });
}

/** The ranking as a table for the terminal: names left-aligned, numbers right-aligned. */
function formatTable(
  ranking: readonly RankedCurve[],
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
