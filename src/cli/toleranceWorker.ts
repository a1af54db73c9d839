// The worker thread of toleranceAnalysisInWorkers (toleranceWorkers.ts): compiles the design once
// (a TolerancePlan from workerData) and says it is ready, then answers each range of units it is
// sent with those units — their arrays transferred, not copied (units that could not be built are
// marked there) — or with the error of a range that failed. Progress goes back every few units. It
// never exits on its own: the parent terminates it.
import { parentPort, workerData } from "node:worker_threads";
import { TolerancePlan, TympanError } from "../index.js";
import type {
  ThrownInWorker,
  ToleranceWorkerData,
  ToleranceWorkerReply,
  ToleranceWorkerRequest,
} from "./toleranceWorkers.js";

/** Units between progress messages: the parent's bar moves smoothly without a message per unit. */
const PROGRESS_EVERY = 5;

const port = parentPort;
if (port === null) throw new Error("toleranceWorker.js runs as a worker thread, not on its own");
const reply = (message: ToleranceWorkerReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

function thrown(error: unknown): ThrownInWorker {
  if (error instanceof TympanError)
    return {
      tympan: true,
      issues: error.issues,
      ...(error.source === undefined ? {} : { source: error.source }),
    };
  return error instanceof Error
    ? { tympan: false, message: error.message, ...(error.stack ? { stack: error.stack } : {}) }
    : { tympan: false, message: String(error) };
}

const data = workerData as ToleranceWorkerData;
let plan: TolerancePlan | undefined;
let planError: ThrownInWorker | undefined;
try {
  plan = new TolerancePlan(data.design, data.options);
  reply({ type: "ready" });
} catch (error) {
  planError = thrown(error);
  reply({ type: "failed", unit: -1, error: planError });
}

port.on("message", ({ fromUnit, toUnit }: ToleranceWorkerRequest) => {
  if (plan === undefined) {
    reply({ type: "failed", unit: -1, error: planError! });
    return;
  }
  let done = 0;
  let reported = 0;
  const report = () => {
    if (done > reported) reply({ type: "progress", units: done - reported });
    reported = done;
  };
  try {
    const units = plan.units(fromUnit, toUnit, (count) => {
      done = count;
      if (done - reported >= PROGRESS_EVERY) report();
    });
    report();
    const buffers = [units.draws, units.unbuilt, ...Object.values(units.levels)].map(
      (array) => array.buffer as ArrayBuffer,
    );
    reply({ type: "units", units }, buffers);
  } catch (error) {
    report();
    reply({ type: "failed", unit: fromUnit + done, error: thrown(error) });
  }
});
