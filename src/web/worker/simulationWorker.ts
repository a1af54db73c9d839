// The Web Worker: runs the library off the page's thread, so typing never waits for a solve.
import { handle } from "./handle.js";
import type { ReplyEnvelope, RequestEnvelope } from "./protocol.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<RequestEnvelope>) => void) | null;
  postMessage(message: ReplyEnvelope): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, kind, request } = event.data;
  const started = performance.now();
  const reply = handle(kind, request);
  scope.postMessage({ id, reply, workerMs: performance.now() - started });
};
