import { describe, expect, it } from "vitest";
import { CancellableWorker, type TerminableWorker } from "./cancellableWorker.js";
import type { ReplyEnvelope, RequestEnvelope } from "./protocol.js";

/** A worker that answers only when told, and remembers being terminated. */
class FakeWorker implements TerminableWorker {
  onmessage: ((event: MessageEvent<ReplyEnvelope>) => void) | null = null;
  readonly received: RequestEnvelope[] = [];
  terminated = false;
  postMessage(message: RequestEnvelope): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(value: string): void {
    const { id } = this.received.at(-1)!;
    this.onmessage?.({ data: { id, reply: { ok: true, value }, workerMs: 1 } } as never);
  }
}

const request = { design: {}, levelDb: 94, points: 5, fit: "" };

describe("CancellableWorker", () => {
  it("answers a call, and reuses the worker for the next one", async () => {
    const started: FakeWorker[] = [];
    const calls = new CancellableWorker(() => started[started.push(new FakeWorker()) - 1]!);
    const first = calls.call("distortion", request);
    started[0]!.answer("a");
    expect((await first)?.reply).toEqual({ ok: true, value: "a" });
    const second = calls.call("distortion", { ...request, levelDb: 100 });
    started[0]!.answer("b");
    expect((await second)?.reply).toEqual({ ok: true, value: "b" });
    expect(started).toHaveLength(1);
    expect(started[0]!.terminated).toBe(false);
  });

  it("a newer call terminates the running one's worker and starts a fresh one", async () => {
    const started: FakeWorker[] = [];
    const calls = new CancellableWorker(() => started[started.push(new FakeWorker()) - 1]!);
    const stale = calls.call("distortion", request);
    const newer = calls.call("distortion", { ...request, levelDb: 114 });
    expect(await stale).toBeUndefined();
    expect(started[0]!.terminated).toBe(true);
    expect(started).toHaveLength(2);
    expect(started[1]!.received[0]!.request).toMatchObject({ levelDb: 114 });
    started[1]!.answer("new");
    expect((await newer)?.reply).toEqual({ ok: true, value: "new" });
  });

  it("cancel ends the running call and leaves an idle worker alone", async () => {
    const started: FakeWorker[] = [];
    const calls = new CancellableWorker(() => started[started.push(new FakeWorker()) - 1]!);
    calls.cancel();
    expect(started).toHaveLength(0);
    const running = calls.call("distortion", request);
    calls.cancel();
    expect(await running).toBeUndefined();
    expect(started[0]!.terminated).toBe(true);
  });
});
