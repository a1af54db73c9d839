import { availableParallelism } from "node:os";
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
 * Below this many unit-points (runs × frequencies) one thread is faster. Measured on the 2-core
 * development VM (bench/optimize.js section 3 and a sweep of runs at 200 points, hybrid-1dd-2ba,
 * built code): a worker costs about 0.25 s before its first unit (starting the thread, loading the
 * library, compiling the design, and running its first units cold, before the JIT has compiled the
 * solver), while one warm thread builds about 250 units/s at 200 points. Two workers first beat one
 * thread at about 300 units × 200 points (60 000 unit-points); below it they lose (0.7× at 100 units).
 */
export const WORKERS_PAY_FROM_UNIT_POINTS = 60_000;

/**
 * How many worker threads a tolerance analysis of `runs` units at `points` frequencies should use:
 * 1 (in-process) below WORKERS_PAY_FROM_UNIT_POINTS, else one per available core, but no more than
 * leaves each worker half that much work, and never more than there are units.
 */
export function toleranceWorkerCount(
  runs: number,
  points: number,
  available: number = availableParallelism(),
): number {
  const work = runs * points;
  if (!(work >= WORKERS_PAY_FROM_UNIT_POINTS)) return 1;
  const worthIt = Math.floor(work / (WORKERS_PAY_FROM_UNIT_POINTS / 2));
  return Math.max(1, Math.min(available, worthIt, runs));
}

export interface ParallelToleranceOptions extends ToleranceOptions {
  /** Worker threads: 1 computes in this thread; default toleranceWorkerCount(runs, points). */
  readonly workers?: number;
  /** The worker script (default toleranceWorker.js beside this module, as built into dist/cli/). */
  readonly workerScript?: URL;
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

/** What a worker sends back: units done since its last progress, a range's units, or a failure. */
export type ToleranceWorkerReply =
  | { readonly type: "progress"; readonly units: number }
  | { readonly type: "units"; readonly units: ToleranceUnits }
  | {
      readonly type: "failed";
      /** The unit that failed; −1 when the worker could not prepare the design at all. */
      readonly unit: number;
      readonly error: ThrownInWorker;
    };

/**
 * toleranceAnalysis with its units built on worker threads: the same result, byte for byte, for
 * the same options. The design is validated and compiled here first, so a bad design or tolerance
 * throws the same TympanError before any thread starts; each worker then compiles it once and builds
 * the ranges of units it is sent (a few per worker, handed out as workers finish, so a worker slowed
 * by other load takes fewer). A unit that fails in a worker rejects with the error of the lowest unit
 * that fails, as one thread would; a worker that crashes rejects with an Error. Every worker is
 * terminated before the promise settles.
 */
export async function toleranceAnalysisInWorkers(
  raw: unknown,
  options: ParallelToleranceOptions = {},
): Promise<ToleranceAnalysis> {
  const { workers: asked, workerScript, ...analysisOptions } = options;
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
  if (!(workers >= 2)) return toleranceAnalysis(raw, analysisOptions);
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
    workerScript ?? new URL("./toleranceWorker.js", import.meta.url),
    options.onProgress,
  );
  return summariseTolerance(plan, mergeToleranceUnits(plan, parts), analysisOptions);
}

/** Ranges per worker: enough that a busy core does not hold the others up for long. */
const RANGES_PER_WORKER = 4;

function unitsInWorkers(
  plan: TolerancePlan,
  data: ToleranceWorkerData,
  count: number,
  script: URL,
  onProgress: ((done: number, runs: number) => void) | undefined,
): Promise<ToleranceUnits[]> {
  const { runs } = plan;
  const size = Math.ceil(runs / (count * RANGES_PER_WORKER));
  const ranges: ToleranceWorkerRequest[] = [];
  for (let from = 0; from < runs; from += size)
    ranges.push({ fromUnit: from, toUnit: Math.min(runs, from + size) });

  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    const busy = new Set<Worker>();
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
    // Ranges go out in unit order; after a failure none more, and the in-flight ones finish, since
    // one of them may fail at a lower unit: the error reported is then the one a single thread meets.
    const dispatch = (thread: Worker) => {
      if (failure === undefined && next < ranges.length) {
        busy.add(thread);
        thread.postMessage(ranges[next++]!);
      } else if (busy.size === 0) {
        settle(failure?.error);
      }
    };
    const onReply = (thread: Worker, message: ToleranceWorkerReply) => {
      if (settled) return;
      if (message.type === "progress") {
        done += message.units;
        onProgress?.(done, runs);
        return;
      }
      busy.delete(thread);
      if (message.type === "units") parts.push(message.units);
      else if (failure === undefined || message.unit < failure.unit)
        failure = { unit: message.unit, error: revive(message.error) };
      dispatch(thread);
    };

    try {
      for (let k = 0; k < count; k++) {
        const thread = new Worker(script, { workerData: data });
        threads.push(thread);
        thread.on("message", (message: ToleranceWorkerReply) => onReply(thread, message));
        thread.on("error", (error) => crashed(`failed (${error.message})`));
        thread.on("messageerror", (error) =>
          crashed(`sent a message that could not be read (${error.message})`),
        );
        thread.on("exit", (code) => crashed(`stopped with exit code ${code}`));
      }
      for (const thread of threads) dispatch(thread);
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** A worker's error as it was thrown: a TympanError with its issues, or an Error with its stack. */
function revive(thrown: ThrownInWorker): Error {
  if (thrown.tympan) return new TympanError(thrown.issues, thrown.source);
  const error = new Error(thrown.message);
  if (thrown.stack !== undefined) error.stack = thrown.stack;
  return error;
}
