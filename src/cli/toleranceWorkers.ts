import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  type Issue,
  TOLERANCE_DEFAULTS,
  type ToleranceAnalysis,
  type ToleranceOptions,
  TolerancePlan,
  type ToleranceUnitOptions,
  type ToleranceUnits,
  TympanError,
  mergeToleranceUnits,
  summariseTolerance,
  toleranceAnalysis,
} from "../index.js";

/*
 * The tolerance analysis spread over worker_threads (Node only; the web app runs the library's
 * toleranceAnalysis in its own Web Worker). Unit k's draws come from its own seeded stream and its
 * levels do not depend on what was computed before it, so the units of any split, merged in order,
 * are the single-thread units bit for bit: the same seed gives the same bytes with any number of
 * workers (test/cli/toleranceWorkers.test.ts).
 */

/**
 * Below this many unit-points (runs × frequencies) one thread is faster, even with idle cores.
 * Measured on the 2-core development VM with its cores idle (built code, 2026-12-07), two threads
 * against one: hybrid-1dd-2ba at 200 points 0.85× at 400 units, 0.94× at 500, 0.93–1.12× at 800,
 * 1.0–1.08× at 1600 and 1.49× at 5000; the tribrid (twice the work a unit) 1.64× at 2000. A worker
 * spends about 0.55 s before its first unit (loading the library, compiling the design) and then
 * runs its first units cold, so two threads start to pay at about 1000 units of 200 points.
 * (An earlier estimate from start-up costs alone put it at 240 units: too early.)
 */
export const WORKERS_PAY_FROM_UNIT_POINTS = 200_000;

/** The worker thread's script, as the build lays it out beside this module. */
const WORKER_SCRIPT = new URL("./toleranceWorker.js", import.meta.url);

/**
 * Cores that other work leaves idle: availableParallelism() less the 1-minute load average (at least
 * 1). Linux shares the CPU between sessions before threads (autogroup), so while other sessions keep
 * the cores busy a second thread adds no CPU time to this process, only its start-up: on the
 * development VM at load 4–6, one thread per core ran 500 units at 0.33× and 5000 at 0.96× the
 * speed of one thread (bench/optimize.js section 3).
 */
export function idleCores(): number {
  return Math.max(1, availableParallelism() - Math.floor(loadavg()[0] ?? 0));
}

/**
 * How many threads a tolerance analysis of `runs` units at `points` frequencies should build its
 * units on (this one included): 1 below WORKERS_PAY_FROM_UNIT_POINTS; else one per idle core, but
 * only as many as have half that much work each, and never more than there are units. One, too,
 * when the worker script is not built beside this module (the sources run through a TypeScript
 * loader, as in the tests): the result is the same, only the speed differs.
 */
export function toleranceWorkerCount(
  runs: number,
  points: number,
  cores: number = existsSync(fileURLToPath(WORKER_SCRIPT)) ? idleCores() : 1,
): number {
  const work = runs * points;
  if (!(work >= WORKERS_PAY_FROM_UNIT_POINTS)) return 1;
  const worthIt = Math.floor(work / (WORKERS_PAY_FROM_UNIT_POINTS / 2));
  return Math.max(1, Math.min(cores, worthIt, runs));
}

export interface ParallelToleranceOptions extends ToleranceOptions {
  /**
   * Threads that build units: this one and workers − 1 worker threads (1: this thread alone, as
   * toleranceAnalysis; with useThisThread false, `workers` worker threads); default
   * toleranceWorkerCount(runs, points).
   */
  readonly workers?: number;
  /** The worker script (default toleranceWorker.js beside this module, as built into dist/cli/). */
  readonly workerScript?: URL;
  /**
   * Whether this thread builds units too (default true: it starts at once, while the workers load
   * and compile). False leaves every unit to `workers` worker threads, keeping this thread free.
   */
  readonly useThisThread?: boolean;
}

/** What a worker thread is started with: the design as given and what fixes the units. */
export interface ToleranceWorkerData {
  readonly design: unknown;
  readonly options: ToleranceUnitOptions;
}

/** A range of units for a worker to build. */
export interface ToleranceWorkerRequest {
  readonly fromUnit: number;
  readonly toUnit: number;
}

/** An error thrown in a worker, as data: a TympanError's issues, or any other error's message. */
export type ThrownInWorker =
  | {
      readonly tympan: true;
      readonly issues: readonly [Issue, ...Issue[]];
      readonly source?: string;
    }
  | { readonly tympan: false; readonly message: string; readonly stack?: string };

/**
 * What a worker sends: that it has compiled the design, units done since its last progress, a
 * range's units, or a failure.
 */
export type ToleranceWorkerReply =
  | { readonly type: "ready" }
  | { readonly type: "progress"; readonly units: number }
  | { readonly type: "units"; readonly units: ToleranceUnits }
  | {
      readonly type: "failed";
      /** The unit that failed; −1 when the worker could not prepare the design at all. */
      readonly unit: number;
      readonly error: ThrownInWorker;
    };

/**
 * toleranceAnalysis with its units built on several threads: the same result, byte for byte, for
 * the same options. The design is validated and compiled here first, so a bad design or tolerance
 * throws the same TympanError before any worker starts; this thread then starts building units at
 * once while each worker thread compiles the design once and builds the ranges it is sent (a few per
 * thread, handed out as threads finish, so a thread slowed by other load takes fewer). A unit that
 * fails rejects with the error of the lowest unit that fails, as one thread would; a worker that
 * crashes rejects with an Error. Every worker is terminated before the promise settles.
 */
export async function toleranceAnalysisInWorkers(
  raw: unknown,
  options: ParallelToleranceOptions = {},
): Promise<ToleranceAnalysis> {
  const { workers: asked, workerScript, useThisThread = true, ...analysisOptions } = options;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1))
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-value",
        path: ["workers"],
        message: `workers ${asked}: give a whole number ≥ 1`,
      },
    ]);
  const runs = options.runs ?? TOLERANCE_DEFAULTS.runs;
  const points = options.frequencies?.length ?? TOLERANCE_DEFAULTS.points;
  const workers = Math.min(asked ?? toleranceWorkerCount(runs, points), runs);
  if (!(workers >= 2) && useThisThread) return toleranceAnalysis(raw, analysisOptions);
  const plan = new TolerancePlan(raw, analysisOptions);
  const parts = await unitsInWorkers(
    plan,
    {
      design: raw,
      options: {
        frequencies: plan.frequencyHz,
        runs: plan.runs,
        seed: plan.seed,
        ...(options.tolerances === undefined ? {} : { tolerances: options.tolerances }),
      },
    },
    workers,
    workerScript ?? WORKER_SCRIPT,
    options.onProgress,
    useThisThread,
  );
  return summariseTolerance(plan, mergeToleranceUnits(plan, parts), analysisOptions);
}

/** Ranges per thread: enough that a slow or late thread does not hold the others up for long. */
const RANGES_PER_THREAD = 16;
/** Units this thread builds between looks at the workers' messages (about 10–30 ms of work). */
const UNITS_BETWEEN_MESSAGES = 4;

/** Who builds a range: this thread, or a worker thread. */
type Builder = Worker | "this thread";

/**
 * Builds the plan's units on `count` threads: this one (with `plan`, already compiled, so it starts
 * at once) and count − 1 workers, or `count` workers without this thread; each takes the next range
 * as it finishes one (a worker once it is ready).
 */
function unitsInWorkers(
  plan: TolerancePlan,
  data: ToleranceWorkerData,
  count: number,
  script: URL,
  onProgress: ((done: number, runs: number) => void) | undefined,
  useThisThread: boolean,
): Promise<ToleranceUnits[]> {
  const { runs } = plan;
  const size = Math.ceil(runs / (count * RANGES_PER_THREAD));
  const ranges: ToleranceWorkerRequest[] = [];
  for (let from = 0; from < runs; from += size)
    ranges.push({ fromUnit: from, toUnit: Math.min(runs, from + size) });

  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    const busy = new Set<Builder>();
    const parts: ToleranceUnits[] = [];
    let next = 0;
    let done = 0;
    let failure: { unit: number; error: Error } | undefined;
    let settled = false;

    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      void Promise.all(threads.map((thread) => thread.terminate())).finally(() =>
        error ? reject(error) : resolve(parts),
      );
    };
    const crashed = (what: string) =>
      settle(new Error(`a tolerance worker thread ${what} before its units were done`));
    const progress = (units: number) => {
      done += units;
      onProgress?.(done, runs);
    };
    const failed = (unit: number, error: Error) => {
      if (failure === undefined || unit < failure.unit) failure = { unit, error };
    };
    // Ranges go out in unit order; after a failure none more, and the in-flight ones finish, since
    // one of them may fail at a lower unit: the error reported is then the one a single thread meets.
    const take = (builder: Builder): ToleranceWorkerRequest | undefined => {
      busy.delete(builder);
      if (!settled && failure === undefined && next < ranges.length) {
        busy.add(builder);
        return ranges[next++]!;
      }
      if (busy.size === 0) settle(failure?.error);
      return undefined;
    };
    const dispatch = (thread: Worker) => {
      const range = take(thread);
      if (range) thread.postMessage(range);
    };
    const onReply = (thread: Worker, message: ToleranceWorkerReply) => {
      if (settled) return;
      if (message.type === "progress") return progress(message.units);
      // A worker gets a range only once it has compiled the design: until then this thread works
      // on, and a small run may be done before any worker is ready.
      if (message.type === "ready") return dispatch(thread);
      if (message.type === "units") parts.push(message.units);
      else failed(message.unit, revive(message.error));
      dispatch(thread);
    };
    // This thread builds its ranges a few units at a time, letting the workers' messages in between.
    const buildHere = async () => {
      for (let range = take("this thread"); range; range = take("this thread")) {
        for (let from = range.fromUnit; from < range.toUnit; from += UNITS_BETWEEN_MESSAGES) {
          const to = Math.min(range.toUnit, from + UNITS_BETWEEN_MESSAGES);
          let built = 0;
          try {
            parts.push(plan.units(from, to, (units) => (built = units)));
            progress(built);
          } catch (error) {
            progress(built);
            failed(from + built, error instanceof Error ? error : new Error(String(error)));
            break;
          }
          await new Promise((resolve) => setImmediate(resolve));
          if (settled) return;
        }
      }
    };

    try {
      for (let k = useThisThread ? 1 : 0; k < count; k++) {
        const thread = new Worker(script, { workerData: data });
        threads.push(thread);
        thread.on("message", (message: ToleranceWorkerReply) => onReply(thread, message));
        thread.on("error", (error) => crashed(`failed (${error.message})`));
        thread.on("messageerror", (error) =>
          crashed(`sent a message that could not be read (${error.message})`),
        );
        thread.on("exit", (code) => crashed(`stopped with exit code ${code}`));
      }
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (useThisThread) void buildHere();
  });
}

/** A worker's error as it was thrown: a TympanError with its issues, or an Error with its stack. */
function revive(thrown: ThrownInWorker): Error {
  if (thrown.tympan) return new TympanError(thrown.issues, thrown.source);
  const error = new Error(thrown.message);
  if (thrown.stack !== undefined) error.stack = thrown.stack;
  return error;
}
