// The Node entry of the Tympan library ("tympan/node"): everything src/index.ts offers, plus the
// command line's Node adapters (reading files and folders, rendering PNG, the tolerance analysis on
// worker threads), for scripts that want them.
export * from "../index.js";
export * from "../cli/io/index.js";
export {
  WORKERS_PAY_FROM_UNIT_POINTS,
  idleCores,
  toleranceAnalysisInWorkers,
  toleranceWorkerCount,
} from "../cli/toleranceWorkers.js";
export type { ParallelToleranceOptions } from "../cli/toleranceWorkers.js";
