// The one simulation worker of the page, and its typed client.
import { WorkerClient, type WorkerLike } from "../worker/client.js";

const worker = new Worker(new URL("../worker/simulationWorker.ts", import.meta.url), {
  type: "module",
  name: "tympan-simulation",
});

export const client = new WorkerClient(worker as unknown as WorkerLike);
