import type { Command } from "commander";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { designReportChart, renderSvg, reportSummaryMarkdown } from "../../index.js";
import { loadReportEntries, renderPng, reportDesignInputs } from "../io/index.js";
import { usageError } from "../errors.js";
import { exists, writeOutputFile } from "../outputFile.js";
import { writeComparison } from "../referenceReport.js";

/** Marks a folder as Tympan's own report, so a later run may replace what is in it. */
const MARKER = ".tympan-report";

interface ReportFlags {
  out: string;
  force?: boolean;
}

export function registerReport(program: Command, print: (text: string) => void): void {
  program
    .command("report")
    .description(
      "simulate designs (files, folders of them, built-in names; none: every reference design, compared, with the claims' figures) and write plots and a summary",
    )
    .argument("[designs...]", "design files, folders of them, or built-in design names")
    .option("--out <folder>", "where to write the report", "tympan-report")
    .option("--force", "write into a folder that holds files not written by tympan report")
    .action(async (inputs: string[], flags: ReportFlags) => {
      const referenceOnly = inputs.length === 0;
      // Every design is simulated first: a bad one stops the report before anything is written.
      const entries = await loadReportEntries(await reportDesignInputs(inputs));
      await claimFolder(flags.out, flags.force ?? false);
      for (const entry of entries) {
        const chart = designReportChart(entry);
        await writeOutputFile(join(flags.out, `${entry.stem}.svg`), renderSvg(chart), true);
        await writeOutputFile(join(flags.out, `${entry.stem}.png`), await renderPng(chart), true);
      }
      const comparison = referenceOnly ? await writeComparison(flags.out) : "";
      await writeOutputFile(
        join(flags.out, "summary.md"),
        comparison + reportSummaryMarkdown(entries),
        true,
      );
      print(
        `wrote ${entries.length} designs to ${flags.out}/ (summary.md, one .svg and .png each${referenceOnly ? ", the comparison and the claims" : ""})\n`,
      );
    });
}

/** Takes the output folder: empty, new, or one this command wrote before (unless `force`). */
async function claimFolder(folder: string, force: boolean): Promise<void> {
  if (await exists(folder)) {
    const info = await stat(folder);
    if (!info.isDirectory())
      throw usageError(`--out ${folder} is a file; give a folder for the report`);
    const contents = await readdir(folder);
    if (contents.length > 0 && !contents.includes(MARKER) && !force) {
      throw usageError(
        `${folder} already holds files that tympan report did not write; choose another --out or pass --force`,
      );
    }
  }
  await writeOutputFile(
    join(folder, MARKER),
    "This folder is written by `tympan report`; its files are replaced on every run.\n",
    true,
  );
}
