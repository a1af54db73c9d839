import type { Command } from "commander";
import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { type Issue, TympanError, isNonEmpty } from "../../core/issues.js";
import { logFrequencies } from "../../core/frequencyGrid.js";
import { REFERENCE_DESIGNS } from "../../catalogue/referenceDesigns.js";
import { isBuiltInDesignName, loadDesign } from "../loadDesign.js";
import { writeComparison } from "../referenceReport.js";
import { simulate } from "../../simulate/simulate.js";
import { usageError } from "../errors.js";
import { exists, writeOutputFile } from "../outputFile.js";
import { writePlot } from "../plotFile.js";
import { TABLE_FREQUENCIES_HZ, buildSummary, type ReportEntry } from "../reportSummary.js";

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
      const files = referenceOnly
        ? REFERENCE_DESIGNS.map((entry) => entry.name)
        : await designFiles(inputs);
      const stems = uniqueStems(files);
      // The summary's landmark frequencies join the plot grid, so its table is exact, not interpolated.
      const grid = [
        ...logFrequencies({ fromHz: 20, toHz: 20_000, points: 500 }),
        ...TABLE_FREQUENCIES_HZ,
      ];
      const frequencies = [...new Set(grid)].sort((a, b) => a - b);
      // Simulate everything first: a bad design stops the report before anything is written, and
      // every design's problems are reported together.
      const entries: ReportEntry[] = [];
      const problems: Issue[] = [];
      for (const [index, file] of files.entries()) {
        try {
          const { design } = await loadDesign(file);
          const result = simulate(design, { frequencies });
          const stem = stems[index]!;
          const named = design as { name?: string; description?: string };
          entries.push({
            file,
            stem,
            title: named.name ?? stem,
            description: named.description ?? "",
            result,
          });
        } catch (error) {
          if (!(error instanceof TympanError)) throw error;
          problems.push(
            ...error.issues.map((issue) => ({ ...issue, message: `${file}: ${issue.message}` })),
          );
        }
      }
      if (isNonEmpty(problems)) throw new TympanError(problems);
      await claimFolder(flags.out, flags.force ?? false);
      for (const entry of entries) {
        await writePlot(
          join(flags.out, `${entry.stem}.svg`),
          entry.result,
          entry.title,
          true,
          entry.file,
        );
        await writePlot(
          join(flags.out, `${entry.stem}.png`),
          entry.result,
          entry.title,
          true,
          entry.file,
        );
      }
      const comparison = referenceOnly ? await writeComparison(flags.out) : "";
      await writeOutputFile(
        join(flags.out, "summary.md"),
        comparison + buildSummary(entries),
        true,
      );
      print(
        `wrote ${entries.length} designs to ${flags.out}/ (summary.md, one .svg and .png each${referenceOnly ? ", the comparison and the claims" : ""})\n`,
      );
    });
}

/**
 * A file name (without extension) per design for its plots: the base name, or, where two designs
 * share one (x.json and x.yaml, or one name in two folders), the path with separators as dashes.
 */
function uniqueStems(files: readonly string[]): string[] {
  const base = files.map((file) => basename(file, extname(file)));
  const counts = new Map<string, number>();
  for (const stem of base) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return files.map((file, i) =>
    counts.get(base[i]!)! > 1 ? file.replace(/^[./\\]+/, "").replace(/[/\\.]+/g, "-") : base[i]!,
  );
}

async function designFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (await isBuiltInDesignName(input)) {
      files.push(input);
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (info === undefined) throw usageError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((name) => /\.(json|ya?ml)$/i.test(name)).sort();
      if (names.length === 0)
        throw usageError(`${input}: the folder holds no .json or .yaml design files`);
      files.push(...names.map((name) => join(input, name)));
    } else {
      files.push(input);
    }
  }
  return files;
}

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
