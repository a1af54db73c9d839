#!/usr/bin/env node
/**
 * `npm run fuzz`: bad input never wins (issue 14). Feeds the built library (dist/, from
 * `tsc -p tsconfig.build.json`) damaged measurement files, damaged designs and random valid networks,
 * each case from its own seed, and fails on anything but a finite result or a TympanError: another
 * exception, a NaN or Infinity in a result, or a case running past its time limit (a hang). Then runs
 * the fast-check property tests with a far larger budget than `npm test` gives them.
 *
 * Environment:
 *   FUZZ_RUNS        cases of each kind (default 3000: with the properties about a minute on an idle 2-core machine)
 *   FUZZ_SEED        the run's seed (default 20261207); a case's seed derives from it, its kind and index
 *   FUZZ_KINDS       which kinds, comma-separated (default measurements,designs,networks)
 *   FUZZ_CASE        one case to rerun and print, as <kind>:<index> (from a failure's report)
 *   FUZZ_CASE_MS     the time limit of one case (default 10000 ms)
 *   FUZZ_PROPERTY_RUNS  numRuns of each property test (default 1000, five times npm test's; 0 skips)
 */
import console from "node:console";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { clearInterval, setInterval } from "node:timers";
import { URL } from "node:url";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { KINDS } from "./fuzz/kinds.mjs";

const env = process.env;
const RUNS = wholeNumber("FUZZ_RUNS", 3000);
const SEED = wholeNumber("FUZZ_SEED", 20261207);
const CASE_MS = wholeNumber("FUZZ_CASE_MS", 10_000);
const PROPERTY_RUNS = wholeNumber("FUZZ_PROPERTY_RUNS", 1000);
const ONE_CASE = env.FUZZ_CASE;
const KIND_NAMES = (env.FUZZ_KINDS ?? Object.keys(KINDS).join(",")).split(",").map((k) => k.trim());
const ROOT = new URL("../", import.meta.url).pathname;

function wholeNumber(name, fallback) {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`fuzz: ${name}=${text}: give a whole number ≥ 0`);
    process.exit(2);
  }
  return value;
}

for (const name of KIND_NAMES) {
  if (!(name in KINDS)) {
    console.error(`fuzz: FUZZ_KINDS: no kind "${name}"; kinds: ${Object.keys(KINDS).join(", ")}`);
    process.exit(2);
  }
}
if (!existsSync(join(ROOT, "dist/index.js"))) {
  console.error("fuzz: dist/index.js is missing; build first (npm run build)");
  process.exit(2);
}

/** Runs cases [from, to) of a kind in workers, a fresh worker after each hang. */
async function fuzzKind(kind, from, to, keepInput) {
  const tally = { cases: 0, refused: new Map(), failures: [], slowestMs: 0, ms: 0 };
  const started = performance.now();
  let next = from;
  while (next < to) {
    next = await new Promise((resolve) => {
      const worker = new Worker(new URL("./fuzz/worker.mjs", import.meta.url), {
        workerData: { kind, runSeed: SEED, from: next, to, keepInput },
      });
      let current = next;
      let caseStart = performance.now();
      const watch = setInterval(() => {
        if (performance.now() - caseStart <= CASE_MS) return;
        clearInterval(watch);
        tally.cases++;
        tally.failures.push({
          index: current,
          failure: `ran past ${CASE_MS} ms (a hang)`,
          description: "",
        });
        void worker.terminate();
        resolve(current + 1);
      }, 100);
      worker.on("message", (message) => {
        if (message.type === "start") {
          current = message.index;
          caseStart = performance.now();
        } else if (message.type === "done") {
          tally.cases++;
          tally.slowestMs = Math.max(tally.slowestMs, performance.now() - caseStart);
          if (message.refused)
            tally.refused.set(message.refused, (tally.refused.get(message.refused) ?? 0) + 1);
          if (message.failure !== undefined || keepInput) tally.failures.push(message);
        } else if (message.type === "end") {
          clearInterval(watch);
          void worker.terminate();
          resolve(to);
        }
      });
      worker.on("error", (error) => {
        clearInterval(watch);
        tally.cases++;
        tally.failures.push({
          index: current,
          failure: `the worker died: ${error.message}`,
          description: "",
        });
        resolve(current + 1);
      });
    });
  }
  tally.ms = performance.now() - started;
  return tally;
}

function saveInput(kind, failure) {
  if (failure.input === undefined) return "";
  const dir = join(tmpdir(), "tympan-fuzz");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${SEED}-${kind}-${failure.index}.json`);
  writeFileSync(file, failure.input);
  return file;
}

if (ONE_CASE !== undefined) {
  const [kind, indexText] = ONE_CASE.split(":");
  const index = Number(indexText);
  if (!(kind in KINDS) || !Number.isInteger(index) || index < 0) {
    console.error(`fuzz: FUZZ_CASE=${ONE_CASE}: write <kind>:<index>, e.g. designs:12`);
    process.exit(2);
  }
  const tally = await fuzzKind(kind, index, index + 1, true);
  const [result] = tally.failures;
  console.log(`${kind} case ${index} (seed ${SEED}): ${result?.description ?? ""}`);
  console.log(`input saved to ${saveInput(kind, result ?? {})}`);
  console.log(result?.failure === undefined ? "passes" : `FAILS: ${result.failure}`);
  process.exit(result?.failure === undefined ? 0 : 1);
}

console.log(
  `fuzz: seed ${SEED}, ${RUNS} cases of each of ${KIND_NAMES.join(", ")}, ${CASE_MS} ms per case`,
);
let failed = 0;
for (const kind of KIND_NAMES) {
  const tally = await fuzzKind(kind, 0, RUNS, false);
  const refusals = [...tally.refused].sort((a, b) => b[1] - a[1]);
  const refusedCount = refusals.reduce((sum, [, n]) => sum + n, 0);
  const refused = refusals
    .slice(0, 6)
    .map(([code, n]) => `${n} ${code}`)
    .join(", ");
  console.log(
    `  ${kind.padEnd(12)} ${tally.cases} cases in ${(tally.ms / 1000).toFixed(1)} s (slowest ${tally.slowestMs.toFixed(0)} ms), ` +
      `${tally.failures.length} failures; ${tally.cases - refusedCount} accepted, ${refusedCount} refused with a TympanError${refused === "" ? "" : ` (${refused}${refusals.length > 6 ? ", …" : ""})`}`,
  );
  for (const failure of tally.failures.slice(0, 10)) {
    const saved = saveInput(kind, failure);
    console.log(`    case ${failure.index}: ${failure.failure}`);
    if (failure.description)
      console.log(`      input: ${failure.description}${saved ? ` (saved to ${saved})` : ""}`);
    console.log(`      rerun: FUZZ_SEED=${SEED} FUZZ_CASE=${kind}:${failure.index} npm run fuzz`);
  }
  failed += tally.failures.length;
}

if (PROPERTY_RUNS > 0) {
  console.log(`fuzz: the property tests at ${PROPERTY_RUNS} runs each (fast-check seed ${SEED})`);
  const vitest = spawnSync(
    "npx",
    ["vitest", "run", "test/property", "src/measurements/parseMeasurement.property.test.ts"],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...env, TYMPAN_PROPERTY_RUNS: String(PROPERTY_RUNS), FC_SEED: String(SEED) },
    },
  );
  if (vitest.status !== 0) failed++;
}

console.log(failed === 0 ? "fuzz: no failures" : `fuzz: ${failed} failures (seed ${SEED})`);
process.exit(failed === 0 ? 0 : 1);
