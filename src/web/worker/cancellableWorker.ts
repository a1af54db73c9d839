// A worker for long calls that a newer call makes pointless (the designer's distortion, which takes
// from a tenth of a second to many seconds): a new call, or `cancel`, ends the running one by
// terminating its worker, so a stale computation never holds the CPU; the next call starts a fresh
// worker. On its own worker, it never delays the designer's simulations.
import { type Timed, WorkerClient, type WorkerLike } from "./client.js";
import type { CallKind, Calls } from "./protocol.js";

export interface TerminableWorker extends WorkerLike {
  terminate(): void;
}

export class CancellableWorker {
  private running: { worker: TerminableWorker; client: WorkerClient } | undefined;
  private idle: { worker: TerminableWorker; client: WorkerClient } | undefined;
  private abandon: (() => void) | undefined;

  constructor(private readonly start: () => TerminableWorker) {}

  /** The call's reply, or undefined when a newer call or `cancel` ended it first. */
  call<K extends CallKind>(
    kind: K,
    request: Calls[K]["request"],
  ): Promise<Timed<Calls[K]["reply"]> | undefined> {
    this.cancel();
    const worker = this.idle ?? this.fresh();
    this.idle = undefined;
    this.running = worker;
    return new Promise((resolve) => {
      const abandon = () => resolve(undefined);
      this.abandon = abandon;
      void worker.client.call(kind, request).then((result) => {
        if (this.abandon !== abandon) return;
        this.abandon = undefined;
        this.running = undefined;
        this.idle = worker;
        resolve(result);
      });
    });
  }

  /** Ends the running call, if any (its promise resolves to undefined). */
  cancel(): void {
    const running = this.running;
    const abandon = this.abandon;
    if (running === undefined || abandon === undefined) return;
    this.running = undefined;
    this.abandon = undefined;
    running.worker.terminate();
    abandon();
  }

  private fresh() {
    const worker = this.start();
    return { worker, client: new WorkerClient(worker) };
  }
}
