import type { FactorPlan } from "../linalg/factorPlan.js";
import type { Network } from "./compileNetwork.js";

/**
 * A network's frequency-independent matrix and its per-frequency terms mapped into the storage of
 * a factor along one plan (offsets into the interleaved L + U values), so that a sweep assembles
 * each frequency straight into the factor and factorises it in place.
 */
export interface LuLayout {
  /** The frequency-independent matrix in LU layout (interleaved, fill-in zero). */
  readonly constantLu: Float64Array;
  /** The jω terms by LU offset (of the imaginary part), ascending, with their coefficients. */
  readonly jOffsets: Int32Array;
  readonly jTimes: Float64Array;
  readonly jOver: Float64Array;
  /** LU offset of each of the network's dynamic slots. */
  readonly dynamicOffsets: Int32Array;
}

/** The layout of `network` (its jω terms merged per slot as jSlots, jTimes, jOver) along `plan`. */
export function luLayout(
  plan: FactorPlan,
  network: Network,
  jSlots: Int32Array,
  jTimes: Float64Array,
  jOver: Float64Array,
): LuLayout {
  const { slotOffset } = plan;
  const { constantRe, constantIm, dynamicSlots } = network;
  const constantLu = new Float64Array(2 * plan.size);
  for (let s = 0; s < slotOffset.length; s++) {
    constantLu[slotOffset[s]!] = constantRe[s]!;
    constantLu[slotOffset[s]! + 1] = constantIm[s]!;
  }
  // The jω terms in storage order, for locality.
  const offsetOf = (k: number) => slotOffset[jSlots[k]!]! + 1;
  const byOffset = Array.from(jSlots.keys()).sort((a, b) => offsetOf(a) - offsetOf(b));
  return {
    constantLu,
    jOffsets: Int32Array.from(byOffset, offsetOf),
    jTimes: Float64Array.from(byOffset, (k) => jTimes[k]!),
    jOver: Float64Array.from(byOffset, (k) => jOver[k]!),
    dynamicOffsets: Int32Array.from(dynamicSlots, (slot) => slotOffset[slot]!),
  };
}
