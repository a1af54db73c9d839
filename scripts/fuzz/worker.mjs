import { URL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { caseSeed, nonFinitePath, random } from "./random.mjs";
import { KINDS } from "./kinds.mjs";

/**
 * Runs cases `from`…`to`−1 of one kind against the built library, saying when each starts and how it
 * ended, so the main thread can stop a case that hangs (by ending this worker) and carry on after it.
 */
const library = await import(new URL("../../dist/index.js", import.meta.url).href);
const api = { ...library, nonFinitePath };
const { kind: kindName, runSeed, from, to, keepInput } = workerData;
const kind = KINDS[kindName];

for (let index = from; index < to; index++) {
  parentPort.postMessage({ type: "start", index });
  const seed = caseSeed(runSeed, kindName, index);
  let input;
  let outcome;
  try {
    input = kind.generate(random(seed), api);
    outcome = kind.check(input, api);
  } catch (error) {
    const stack =
      error instanceof Error
        ? (error.stack ?? "").split("\n").slice(0, 4).join("\n")
        : String(error);
    outcome = `threw ${stack}`;
  }
  const failure = typeof outcome === "string" ? outcome : undefined;
  const refused = typeof outcome === "object" && outcome !== null ? outcome.refused : undefined;
  parentPort.postMessage({
    type: "done",
    index,
    failure,
    refused,
    description: input === undefined ? "" : kind.describe(input),
    ...(failure !== undefined || keepInput ? { input: JSON.stringify(input) } : {}),
  });
}
parentPort.postMessage({ type: "end" });
