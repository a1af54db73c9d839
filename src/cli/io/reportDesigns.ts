import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  type ReportEntry,
  reportFrequencies,
  reportStems,
  REFERENCE_DESIGNS,
  type Issue,
  TympanError,
  isNonEmpty,
  simulate,
} from "../../index.js";
import { isBuiltInDesignName, loadDesign } from "./designInput.js";

/**
 * The designs a report covers: each input a built-in design name, a design file, or a folder (its
 * .json/.yaml/.yml files in name order); no inputs: every reference design.
 *
 * @throws TympanError ("unknown-input") naming an input that is none of these, or a folder without designs.
 */
export async function reportDesignInputs(inputs: readonly string[]): Promise<string[]> {
  if (inputs.length === 0) return REFERENCE_DESIGNS.map((entry) => entry.name);
  const files: string[] = [];
  for (const input of inputs) {
    if (await isBuiltInDesignName(input)) {
      files.push(input);
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (info === undefined) throw unknownInput(input, "no such file or folder");
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((name) => /\.(json|ya?ml)$/i.test(name)).sort();
      if (names.length === 0)
        throw unknownInput(input, "the folder holds no .json or .yaml design files");
      files.push(...names.map((name) => join(input, name)));
    } else {
      files.push(input);
    }
  }
  return files;
}

/**
 * Every design of `files` loaded and simulated at reportFrequencies(), with a unique plot stem each.
 * All designs are simulated before anything is returned, so a bad design stops the report before a
 * file is written, and every design's problems are reported together, each naming its file.
 *
 * @throws TympanError listing the problems of every design that cannot be read or simulated.
 */
export async function loadReportEntries(files: readonly string[]): Promise<ReportEntry[]> {
  const stems = reportStems(files);
  const frequencies = reportFrequencies();
  const entries: ReportEntry[] = [];
  const problems: Issue[] = [];
  for (const [index, file] of files.entries()) {
    try {
      const { design } = await loadDesign(file);
      const result = simulate(design, { frequencies });
      const stem = stems[index]!;
      const named = design as { name?: unknown; description?: unknown };
      entries.push({
        file,
        stem,
        title: typeof named.name === "string" ? named.name : stem,
        description: typeof named.description === "string" ? named.description : "",
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
  return entries;
}

function unknownInput(input: string, why: string): TympanError {
  return new TympanError([
    { severity: "error", code: "unknown-input", path: [], message: `${input}: ${why}` },
  ]);
}
