// The page's side of the worker: typed calls that resolve to the worker's reply. A "latest only"
// channel drops requests overtaken by newer ones (typing fast must not queue stale simulations).
import type { CallKind, Calls, Reply, ReplyEnvelope, RequestEnvelope } from "./protocol.js";

export interface WorkerLike {
  postMessage(message: RequestEnvelope): void;
  onmessage: ((event: MessageEvent<ReplyEnvelope>) => void) | null;
}

export interface Timed<T> {
  readonly reply: Reply<T>;
  readonly workerMs: number;
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: ReplyEnvelope) => void>();
  private readonly channels = new Map<string, ChannelState>();

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data);
    };
  }

  call<K extends CallKind>(
    kind: K,
    request: Calls[K]["request"],
  ): Promise<Timed<Calls[K]["reply"]>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (envelope) =>
        resolve({ reply: envelope.reply as Reply<Calls[K]["reply"]>, workerMs: envelope.workerMs }),
      );
      this.worker.postMessage({ id, kind, request });
    });
  }

  /**
   * Like `call`, but on a named channel at most one request is in flight: a request made while one
   * runs waits, and a newer one replaces it (the replaced one resolves to undefined, never sent).
   * Typing fast therefore never queues stale simulations behind each other.
   */
  latestOn<K extends CallKind>(
    channel: string,
    kind: K,
    request: Calls[K]["request"],
  ): Promise<Timed<Calls[K]["reply"]> | undefined> {
    const state = this.channels.get(channel) ?? { busy: false };
    this.channels.set(channel, state);
    return new Promise((resolve) => {
      const send = () => {
        state.busy = true;
        void this.call(kind, request).then((result) => {
          state.busy = false;
          resolve(result);
          const next = state.waiting;
          state.waiting = undefined;
          next?.send();
        });
      };
      if (!state.busy) return send();
      state.waiting?.drop();
      state.waiting = { send, drop: () => resolve(undefined) };
    });
  }
}

interface ChannelState {
  busy: boolean;
  waiting?: { send: () => void; drop: () => void } | undefined;
}
