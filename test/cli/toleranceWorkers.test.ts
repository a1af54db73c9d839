/**
 * `tympan tolerance --workers`: the units spread over worker threads give the same bytes as one
 * thread, a unit that fails in a worker reports what one thread reports, progress reaches N/N and a
 * crashed worker ends the run instead of hanging it. Worker threads need JavaScript files, so these
 * run the command line built from the current sources (transpiledCli) as a process.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TranspiledCli, transpiledCli } from "./transpiledCli.js";
import {
  WORKERS_PAY_FROM_UNIT_POINTS,
  toleranceWorkerCount,
} from "../../src/cli/toleranceWorkers.js";
import { tympan } from "../support/cli.js";

let cli: TranspiledCli;
beforeAll(async () => {
  cli = await transpiledCli();
}, 60_000);
afterAll(() => rmSync(cli.folder, { recursive: true, force: true }));

/** Runs an ES module `code` with Node in the built tree (its imports name built files). */
function script(name: string, code: string): { code: number; out: string; err: string } {
  const path = join(cli.folder, name);
  writeFileSync(path, code);
  const run = spawnSync(process.execPath, [path], { encoding: "utf8", timeout: 60_000 });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

const url = (path: string) => JSON.stringify(pathToFileURL(cli.file(path)).href);

describe("tympan tolerance --workers", () => {
  it("gives the same --json bytes with 1, 2 and 3 workers (31 units: an uneven split) as in-process", async () => {
    const argv = ["tolerance", "hybrid-1dd-2ba", "--runs", "31", "--points", "30"];
    const flags = ["--seed", "7", "--spec", "3", "--json"];
    const inProcess = await tympan(...argv, ...flags);
    expect(inProcess.code).toBe(0);
    expect(JSON.parse(inProcess.out).ranking).toBeDefined();
    for (const workers of ["1", "2", "3"]) {
      const run = cli.run(...argv, ...flags, "--workers", workers);
      expect(run.code, run.err).toBe(0);
      expect(run.out, `--workers ${workers}`).toBe(inProcess.out);
      expect(run.err).toMatch(
        workers === "1"
          ? /31 units in [\d.]+ s\n/
          : new RegExp(`31 units in [\\d.]+ s on ${workers} threads\\n`),
      );
    }
  });

  it("reports units that cannot be built the same from workers as from one thread (a warning, exit 0)", () => {
    // Seed 5 draws an electrostatic tweeter that would collapse at units 2, 22 and 26.
    const argv = ["tolerance", "tribrid-1dd-4ba-2est", "--runs", "30", "--points", "10", "--seed"];
    const one = cli.run(...argv, "5", "--workers", "1", "--spec", "6");
    expect(one.code).toBe(0);
    expect(one.err).toMatch(
      /tympan: tribrid-1dd-4ba-2est: warning: 3 of 30 units \(10\.0 %\) could not be built as drawn; .*\(unit 2: element "est\d" \(electrostaticTweeter\): \w+ leaves the membrane unstable/,
    );
    const progressless = (text: string) => text.replace(/^tolerance: 30 units in .*\n/m, "");
    for (const workers of ["2", "3"]) {
      const run = cli.run(...argv, "5", "--workers", workers, "--spec", "6");
      expect(run.code).toBe(0);
      expect(progressless(run.err)).toBe(progressless(one.err));
      expect(run.out).toBe(one.out);
    }
    expect(one.err).not.toMatch(/\n\s+at /);
  });

  it("reports a bad --tolerance the same with workers", () => {
    const argv = ["tolerance", "single-ba", "--runs", "20", "--points", "10"];
    const bad = ["--tolerance", "damper.sensitivity=2dB"];
    const one = cli.run(...argv, ...bad, "--workers", "1");
    const two = cli.run(...argv, ...bad, "--workers", "2");
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/damper \(damper\) has no numeric parameter "sensitivity"/);
    expect(two).toEqual(one);
  });

  it("exits 2 naming --workers for a count that is not a whole number from 1 to 64", async () => {
    for (const value of ["0", "1.5", "abc", "65", ""]) {
      const { code, err, out } = await tympan("tolerance", "single-ba", "--workers", value);
      expect(code, value).toBe(2);
      expect(err).toContain(`--workers ${value}: give a whole number from 1 to 64`);
      expect(out).toBe("");
    }
  });
});

describe("toleranceWorkerCount(runs, points, cores)", () => {
  it("keeps one thread below the crossover, then one per idle core with enough work each", () => {
    const pay = WORKERS_PAY_FROM_UNIT_POINTS;
    expect(toleranceWorkerCount(pay / 200 - 1, 200, 8)).toBe(1);
    expect(toleranceWorkerCount(pay / 200, 200, 8)).toBe(2);
    expect(toleranceWorkerCount((pay / 200) * 1.5, 200, 8)).toBe(3);
    expect(toleranceWorkerCount(100_000, 200, 8)).toBe(8);
    expect(toleranceWorkerCount(100_000, 200, 1)).toBe(1);
    expect(toleranceWorkerCount(3, pay, 8)).toBe(3);
  });

  it("keeps one thread when the worker script is not built (the sources, as vitest runs them)", () => {
    expect(toleranceWorkerCount(100_000, 200)).toBe(1);
  });
});

describe("toleranceAnalysisInWorkers(design, options)", () => {
  it("gives toleranceAnalysis' result byte for byte from worker threads alone, and its errors", () => {
    const run = script(
      "workers-only.mjs",
      `import { toleranceAnalysisInWorkers } from ${url("cli/toleranceWorkers.ts")};
import { referenceDesign, toleranceAnalysis } from ${url("index.ts")};
const outcome = async (work) => {
  try {
    return JSON.stringify(await work());
  } catch (error) {
    return error.name + ": " + error.message;
  }
};
const lines = [];
for (const [name, options] of [
  ["hybrid-1dd-2ba", { runs: 31, frequencies: [50, 500, 1000, 5000, 9000], seed: 7, spec: { withinDb: 3 } }],
  // Seed 5 draws an electrostatic tweeter that would collapse at units 2, 22 and 26.
  ["tribrid-1dd-4ba-2est", { runs: 30, frequencies: [100, 1000], seed: 5 }],
]) {
  const design = referenceDesign(name).design;
  const one = await outcome(() => toleranceAnalysis(design, options));
  for (const workers of [2, 3]) {
    const many = await outcome(() => toleranceAnalysisInWorkers(design, { ...options, workers, useThisThread: false }));
    lines.push(name + " " + workers + " " + (many === one ? "same" : "DIFFERENT: " + many.slice(0, 300)));
  }
  lines.push(one.slice(0, 60));
}
console.log(lines.join("\\n"));`,
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out.split("\n")).toEqual([
      "hybrid-1dd-2ba 2 same",
      "hybrid-1dd-2ba 3 same",
      expect.stringMatching(/^\{"frequencyHz":\[50,500,1000,5000,9000\],"runs":31,"seed":7/),
      "tribrid-1dd-4ba-2est 2 same",
      "tribrid-1dd-4ba-2est 3 same",
      expect.stringMatching(/^\{"frequencyHz":\[100,1000\],"runs":30,"seed":5/),
      "",
    ]);
  });

  it("adds up the workers' progress to N/N, never going back", () => {
    const run = script(
      "progress.mjs",
      `import { toleranceAnalysisInWorkers } from ${url("cli/toleranceWorkers.ts")};
import { referenceDesign } from ${url("index.ts")};
const calls = [];
const analysis = await toleranceAnalysisInWorkers(referenceDesign("single-ba").design, {
  runs: 37, frequencies: [100, 1000, 5000], workers: 2, useThisThread: false,
  onProgress: (done, runs) => calls.push([done, runs]),
});
console.log(JSON.stringify({ calls, runs: analysis.runs }));`,
    );
    expect(run.code, run.err).toBe(0);
    const { calls, runs } = JSON.parse(run.out) as { calls: [number, number][]; runs: number };
    expect(runs).toBe(37);
    expect(calls.at(-1)).toEqual([37, 37]);
    calls.forEach(([done, total], k) => {
      expect(total).toBe(37);
      if (k > 0) expect(done).toBeGreaterThan(calls[k - 1]![0]);
    });
  });

  it("rejects with the error of the lowest failing unit, even when a later one fails first", () => {
    // Stand-in workers that fail at the first unit of their range: the first one created is ready
    // at once and answers late; the second is ready later, so gets a later range, and answers at
    // once. Each writes down the unit it failed at.
    const log = join(cli.folder, "failed-units.txt");
    writeFileSync(
      join(cli.folder, "failing-worker.mjs"),
      `import { appendFileSync } from "node:fs";
import { parentPort, threadId } from "node:worker_threads";
const first = threadId === 1;
setTimeout(() => parentPort.postMessage({ type: "ready" }), first ? 0 : 300);
parentPort.on("message", ({ fromUnit }) => {
  appendFileSync(${JSON.stringify(log)}, fromUnit + "\\n");
  setTimeout(() => parentPort.postMessage({
    type: "failed", unit: fromUnit,
    error: { tympan: true, issues: [{ severity: "error", code: "usage", path: [], message: "unit " + fromUnit }] },
  }), first ? 1500 : 0);
});`,
    );
    const run = script(
      "lowest.mjs",
      `import { toleranceAnalysisInWorkers } from ${url("cli/toleranceWorkers.ts")};
import { referenceDesign } from ${url("index.ts")};
try {
  await toleranceAnalysisInWorkers(referenceDesign("single-ba").design, {
    runs: 5000, frequencies: [100, 1000, 10000], workers: 3, workerScript: new URL("./failing-worker.mjs", import.meta.url),
  });
  console.log("resolved");
} catch (error) {
  console.log(error.name + ": " + error.issues[0].message);
}`,
    );
    expect(run.code, run.err).toBe(0);
    const failed = readFileSync(log, "utf8").trim().split("\n").map(Number);
    expect(failed).toHaveLength(2);
    expect(failed[0]).toBeLessThan(failed[1]!);
    expect(run.out).toBe(`TympanError: unit ${failed[0]}\n`);
  });

  it.each([
    [
      "exits",
      'import { parentPort } from "node:worker_threads";\nparentPort.postMessage({ type: "ready" });\nparentPort.on("message", () => process.exit(3));',
      /a tolerance worker thread stopped with exit code 3/,
    ],
    ["throws", 'throw new Error("boom");', /a tolerance worker thread failed \(boom\)/],
    ["cannot be found", null, /a tolerance worker thread failed/],
  ])("rejects, without hanging, when a worker %s", (_, body, message) => {
    const worker = join(cli.folder, "crashing-worker.mjs");
    if (body !== null) writeFileSync(worker, body);
    const target = body === null ? join(cli.folder, "no-such-worker.mjs") : worker;
    const run = script(
      "crash.mjs",
      `import { toleranceAnalysisInWorkers } from ${url("cli/toleranceWorkers.ts")};
import { referenceDesign } from ${url("index.ts")};
try {
  await toleranceAnalysisInWorkers(referenceDesign("single-ba").design, {
    runs: 5000, frequencies: [100, 1000, 10000], workers: 2, workerScript: new URL(${JSON.stringify(pathToFileURL(target).href)}),
  });
  console.log("resolved");
} catch (error) {
  console.log("rejected: " + error.message);
}`,
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^rejected: /);
    expect(run.out).toMatch(message);
  });
});
