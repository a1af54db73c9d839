import type { FactorPlan } from "./factorPlan.js";
import type { FactorStorage } from "./factorStorage.js";
import type { PairRoutine } from "./routines.js";
import type { PairInstance } from "./wasmPairElimination.js";

/**
 * The PairRoutine of `pair` along `plan`: `unpack` copies one matrix's factor rows from pivot step
 * `fromStep` on (what the solves read; from the first with `whole`) and their inverse pivots into
 * `storage`, where the solves read them. `limit`: the pivot test's (see eliminationLoop.ts).
 */
export function makePairRoutine(
  plan: FactorPlan,
  n: number,
  pair: PairInstance,
  storage: FactorStorage,
  fromStep: number,
  limit: number,
): PairRoutine {
  const toEntry = plan.rowStart[n]!;
  const { lu: paired, inversePivot: pairedInverse, largest, finalAt } = pair;
  return {
    values: paired,
    imageAt: pair.imageAt,
    load: pair.load,
    assemble: pair.assemble,
    eliminate: () => pair.eliminate(limit) === 1,
    largest: (lane) => largest[lane]!,
    unpack: (lane, whole = false) => {
      // Fetched at every call: the storage's arrays move when its WebAssembly instance changes.
      const { lu, inversePivot } = storage;
      const from = whole ? 0 : fromStep;
      for (let p = plan.rowStart[from]!; p < toEntry; p++) {
        const at = finalAt[p]! + lane;
        lu[2 * p] = paired[at]!;
        lu[2 * p + 1] = paired[at + 2]!;
      }
      for (let k = from; k < n; k++) {
        inversePivot[2 * k] = pairedInverse[4 * k + lane]!;
        inversePivot[2 * k + 1] = pairedInverse[4 * k + 2 + lane]!;
      }
    },
  };
}
