import type { FactorPlan } from "../linalg/factorPlan.js";
import type { Network } from "./compileNetwork.js";
import type { JOmegaTerms } from "./jOmegaTerms.js";

/**
 * A network's frequency-independent matrix and its per-frequency terms mapped into the storage of
 * a factor along one plan (offsets into the interleaved L + U values), so that a sweep assembles
 * each frequency straight into the factor and factorises it in place. What depends on the plan and
 * the pattern alone (the offsets, the order of the jω terms) is worked out once per plan; an edit
 * of values (`update` after a compiled design's parameter change) only scatters the values again.
 */
export class LuLayout {
  /** The frequency-independent matrix in LU layout (interleaved, fill-in zero). */
  constantLu = new Float64Array(0);
  /** The jω terms by LU offset (of the imaginary part), ascending, with their coefficients. */
  jOffsets = new Int32Array(0);
  jTimes = new Float64Array(0);
  jOver = new Float64Array(0);
  /** LU offset of each of the network's dynamic slots. */
  dynamicOffsets = new Int32Array(0);
  /**
   * Where the rows of the plan's tail start (see FactorPlan.headSteps), as an offset, and the first
   * jω term stored there: what a factorisation of the tail alone needs assembled.
   */
  tailOffset = 0;
  tailTerm = 0;
  /** constantLu's tail rows (a view from tailOffset to the end of the pattern). */
  constantTail = new Float64Array(0);
  private plan: FactorPlan | undefined;
  private termSlots: Int32Array | undefined;
  private dynamicSlots: Int32Array | undefined;
  /** jOffsets[i] is the term terms.slots[order[i]]. */
  private order = new Int32Array(0);

  /** Brings the layout up to date with `plan` and the values of `network` and `terms`. */
  update(plan: FactorPlan, network: Network, terms: JOmegaTerms): void {
    const { slotOffset } = plan;
    const { constantRe, constantIm, dynamicSlots } = network;
    if (
      plan !== this.plan ||
      terms.slots !== this.termSlots ||
      dynamicSlots !== this.dynamicSlots
    ) {
      // The jω terms in storage order, for locality.
      const offsetOf = (k: number) => slotOffset[terms.slots[k]!]! + 1;
      this.order = Int32Array.from(
        Array.from(terms.slots.keys()).sort((a, b) => offsetOf(a) - offsetOf(b)),
      );
      this.jOffsets = Int32Array.from(this.order, offsetOf);
      this.jTimes = new Float64Array(this.order.length);
      this.jOver = new Float64Array(this.order.length);
      this.dynamicOffsets = Int32Array.from(dynamicSlots, (slot) => slotOffset[slot]!);
      this.tailOffset = 2 * plan.rowStart[plan.headSteps]!;
      this.tailTerm = this.jOffsets.findIndex((offset) => offset >= this.tailOffset);
      if (this.tailTerm < 0) this.tailTerm = this.jOffsets.length;
      this.constantLu = new Float64Array(2 * plan.size);
      this.constantTail = this.constantLu.subarray(this.tailOffset, 2 * plan.rowStart.at(-1)!);
      this.plan = plan;
      this.termSlots = terms.slots;
      this.dynamicSlots = dynamicSlots;
    }
    // Slots are distinct positions, and the fill-in stays zero.
    const { constantLu, order, jTimes, jOver } = this;
    for (let s = 0; s < slotOffset.length; s++) {
      constantLu[slotOffset[s]!] = constantRe[s]!;
      constantLu[slotOffset[s]! + 1] = constantIm[s]!;
    }
    for (let i = 0; i < order.length; i++) {
      jTimes[i] = terms.times[order[i]!]!;
      jOver[i] = terms.over[order[i]!]!;
    }
  }
}
