import type { Command } from "commander";
import {
  TOLERANCE_DEFAULTS,
  type ToleranceAnalysis,
  frequencyGrid,
  toleranceChart,
} from "../../index.js";
import { loadDesign } from "../io/index.js";
import { inFile, issueLines, usageError } from "../errors.js";
import { checkPlotOutput, writeChart } from "../plotFile.js";
import type { CliOutput } from "../cliOutput.js";
import { toleranceAnalysisInWorkers, toleranceWorkerCount } from "../toleranceWorkers.js";
import { bandFlag, compactNumber, integerFlag, positiveFlag } from "./tuningFlags.js";

interface ToleranceFlags {
  runs: string;
  seed: string;
  tolerance: string[];
  spec?: string;
  band: string;
  from?: string;
  to?: string;
  points?: string;
  plot?: string;
  force?: boolean;
  json?: boolean;
  workers?: string;
}

/** More threads than this only queue for the same cores. */
const MOST_WORKERS = 64;

/** Frequencies the text table shows (the nearest analysed frequency to each). */
const TABLE_HZ = [20, 50, 100, 200, 500, 1000, 2000, 3000, 5000, 8000, 10_000, 15_000, 20_000];

/** `tympan tolerance`: a Monte Carlo of part tolerances — bands, yield, pair matching, ranking. */
export function registerTolerance(program: Command, output: CliOutput): void {
  program
    .command("tolerance")
    .description(
      "Monte Carlo of part tolerances: percentile bands, yield against a spec, left/right pair matching, and which parts drive the spread",
    )
    .argument("<design>", "design file (.json, .yaml) or a built-in design name (tympan designs)")
    .option("--runs <n>", "units built", String(TOLERANCE_DEFAULTS.runs))
    .option(
      "--seed <n>",
      "seed of the draws (same seed, same bytes)",
      String(TOLERANCE_DEFAULTS.seed),
    )
    .option(
      "--tolerance <id.parameter=percent>",
      "override a tolerance (repeatable, later wins): percent, a driver's sensitivity in dB (mid.sensitivity=1.5dB), *=0 zeroes all",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--spec <dB>", "yield: share of units within ±dB of the nominal response over --band")
    .option("--band <from:to>", "band of the yield, Hz", "20:10000")
    .option("--from <Hz>", "start of the log-spaced analysis (default 20)")
    .option("--to <Hz>", "end of the log-spaced analysis (default 20000)")
    .option("--points <n>", `log-spaced points (default ${TOLERANCE_DEFAULTS.points})`)
    .option("--plot <file>", "draw the nominal response with its 5–95 % band (.svg or .png)")
    .option("--force", "allow --plot to replace an existing file")
    .option("--json", "print { frequencyHz, probes, yield?, pairMatching?, ranking?, … } as JSON")
    .option(
      "--workers <n>",
      "threads that build the units: this one and n − 1 worker threads (1: in-process; default: one per core when runs × points pay for them, else 1); the same bytes either way",
    )
    .action(async (designPath: string, flags: ToleranceFlags) => {
      const runs = integerFlag(flags.runs, "--runs", 1, 100_000);
      const seed = integerFlag(flags.seed, "--seed", 0, 2 ** 32 - 1);
      const withinDb =
        flags.spec === undefined
          ? undefined
          : positiveFlag(
              flags.spec.replace(/^±/, "").replace(/\s*dB$/i, ""),
              "--spec",
              "dB, e.g. 3 for ±3 dB",
            );
      const bandHz = bandFlag(flags.band, "--band");
      if (!(bandHz[1] > bandHz[0]) || !(bandHz[0] > 0))
        throw usageError(`--band ${flags.band}: give from < to, both > 0 Hz`);
      const frequencies = frequencyGrid({
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.to === undefined ? {} : { to: flags.to }),
        points: flags.points ?? String(TOLERANCE_DEFAULTS.points),
      });
      const workers =
        flags.workers === undefined
          ? toleranceWorkerCount(runs, frequencies.length)
          : integerFlag(flags.workers, "--workers", 1, MOST_WORKERS);
      const force = flags.force ?? false;
      if (flags.plot !== undefined) await checkPlotOutput(flags.plot, force);
      const { design, name } = await loadDesign(designPath);
      const isTerminal = process.stderr.isTTY === true;
      const began = Date.now();
      const analysis = await toleranceAnalysisInWorkers(design, {
        frequencies,
        runs,
        seed,
        tolerances: flags.tolerance,
        ...(withinDb === undefined ? {} : { spec: { withinDb, bandHz } }),
        workers,
        onProgress: (done, total) => {
          if (isTerminal)
            output.err(`\rtolerance: ${progressBar(done / total)} ${done}/${total} units`);
        },
      }).catch((error: unknown) =>
        // The design's problems name its file, as everywhere else.
        inFile(designPath, () => {
          throw error;
        }),
      );
      const threads = workers > 1 ? ` on ${Math.min(workers, runs)} threads` : "";
      output.err(
        `${isTerminal ? "\r" : ""}tolerance: ${runs} units in ${((Date.now() - began) / 1000).toFixed(1)} s${threads}${isTerminal ? " ".repeat(30) : ""}\n`,
      );
      if (analysis.warnings.length > 0) output.err(issueLines(analysis.warnings, designPath));
      if (flags.plot !== undefined)
        await writeChart(flags.plot, toleranceChart(analysis, `${name}: part tolerances`), force);
      if (flags.json) {
        // Warnings went to standard error above; the JSON is the analysis.
        output.out(`${JSON.stringify({ ...analysis, warnings: undefined })}\n`);
        return;
      }
      output.out(`${summary(analysis).join("\n")}\n`);
    });
}

/** "500 units", or "479 of 500 units built" when some could not be built. */
function unitsText(analysis: ToleranceAnalysis): string {
  const { runs, unbuilt } = analysis;
  return unbuilt ? `${runs - unbuilt.units} of ${runs} units built` : `${runs} units`;
}

function progressBar(fraction: number): string {
  const width = 24;
  const filled = Math.round(fraction * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)} %`;
}

function summary(analysis: ToleranceAnalysis): string[] {
  const lines = [
    analysis.tolerances.length === 0
      ? "No tolerances: every part exact (the bands are the nominal response)."
      : "Tolerances (uniform within ±):",
  ];
  for (const item of analysis.tolerances) {
    lines.push(
      `  ${`${item.elementId}.${item.quantity}`.padEnd(30)} ±${compactNumber(item.amount)} ${item.unit.padEnd(3)} ${item.source}`,
    );
  }
  const f = analysis.frequencyHz;
  const rows = [
    ...new Set(
      TABLE_HZ.filter((hz) => hz >= f[0]! && hz <= f[f.length - 1]!).map((hz) => nearest(f, hz)),
    ),
  ];
  for (const [id, bands] of Object.entries(analysis.probes)) {
    lines.push(
      "",
      `Level at ${id}, dB (${unitsText(analysis)}, seed ${analysis.seed}):`,
      `${"Hz".padStart(9)} ${"nominal".padStart(8)} ${"p5".padStart(8)} ${"p50".padStart(8)} ${"p95".padStart(8)}`,
    );
    for (const i of rows) {
      const cell = (value: number) => value.toFixed(2).padStart(8);
      lines.push(
        `${compactNumber(f[i]!).padStart(9)} ${cell(bands.nominal[i]!)} ${cell(bands.p5[i]!)} ${cell(bands.p50[i]!)} ${cell(bands.p95[i]!)}`,
      );
    }
  }
  lines.push("");
  if (analysis.yield) {
    const y = analysis.yield;
    lines.push(
      `Yield: ${percent(y.share)} of units (${y.passing}/${analysis.runs}) within ±${y.withinDb} dB of the nominal at ${analysis.probeId}, ${y.fromHz}–${y.toHz} Hz${analysis.unbuilt ? `; the ${analysis.unbuilt.units} that could not be built fail it` : ""}.`,
    );
  } else {
    lines.push("Yield: pass --spec <dB> for the share of units within ±dB of the nominal.");
  }
  if (analysis.pairMatching) {
    const p = analysis.pairMatching;
    lines.push(
      `Pair matching (±${p.withinDb} dB, ${p.fromHz}–${p.toHz} Hz at ${analysis.probeId}): ${percent(p.randomPairs)} of random left/right pairs${p.allPairs ? "" : ` (estimated from ${p.comparedPairs.toLocaleString("en")} pairs drawn at random)`}; ${percent(p.binnedPairs)} when units are binned by their level at 1 kHz and paired in order.`,
    );
  }
  if (analysis.ranking) {
    const parts = analysis.ranking.parts
      .filter((part) => part.share >= 0.005)
      .map((part) => `${part.elementId}.${part.quantity} ${percent(part.share)}`);
    lines.push(
      `What drives the spread (share of the level variance at ${analysis.probeId}, ${analysis.pairMatching?.fromHz ?? 20}–${analysis.pairMatching?.toHz ?? 10_000} Hz): ${parts.join(", ") || "nothing"}; not explained by a linear model ${percent(analysis.ranking.unexplained)}.`,
    );
  }
  return lines;
}

function nearest(frequencyHz: readonly number[], hz: number): number {
  let best = 0;
  frequencyHz.forEach((f, i) => {
    if (Math.abs(Math.log(f / hz)) < Math.abs(Math.log(frequencyHz[best]! / hz))) best = i;
  });
  return best;
}
