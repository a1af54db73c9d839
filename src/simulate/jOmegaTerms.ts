import type { Network } from "./compileNetwork.js";

/**
 * A network's jω terms merged per slot: slot slots[k] gets j·(ω·times[k] − over[k]/ω), the
 * capacitance-like and inductance-like coefficients together. Merged afresh only when the network's
 * term slots change; when only values change (a compiled design's edit) the coefficients are summed
 * again into the same places, in the same order, and `slots` stays the same array.
 */
export class JOmegaTerms {
  slots = new Int32Array(0);
  times = new Float64Array(0);
  over = new Float64Array(0);
  /** The network's term slots the merge was made for, and where each term goes. */
  private timesSlots: Int32Array | undefined;
  private overSlots: Int32Array | undefined;
  private timesAt = new Int32Array(0);
  private overAt = new Int32Array(0);

  load(network: Network): void {
    const { timesJOmegaSlots, timesJOmegaCoefficients, overJOmegaSlots, overJOmegaCoefficients } =
      network;
    if (!sameInts(timesJOmegaSlots, this.timesSlots) || !sameInts(overJOmegaSlots, this.overSlots))
      this.merge(timesJOmegaSlots, overJOmegaSlots);
    const { times, over, timesAt, overAt } = this;
    times.fill(0);
    over.fill(0);
    for (let k = 0; k < timesAt.length; k++)
      times[timesAt[k]!] = times[timesAt[k]!]! + timesJOmegaCoefficients[k]!;
    for (let k = 0; k < overAt.length; k++)
      over[overAt[k]!] = over[overAt[k]!]! + overJOmegaCoefficients[k]!;
  }

  private merge(timesSlots: Int32Array, overSlots: Int32Array): void {
    const slots = Int32Array.from(new Set([...timesSlots, ...overSlots])).sort();
    const indexOf = new Map<number, number>();
    slots.forEach((slot, k) => indexOf.set(slot, k));
    this.slots = slots;
    this.times = new Float64Array(slots.length);
    this.over = new Float64Array(slots.length);
    this.timesAt = Int32Array.from(timesSlots, (slot) => indexOf.get(slot)!);
    this.overAt = Int32Array.from(overSlots, (slot) => indexOf.get(slot)!);
    this.timesSlots = Int32Array.from(timesSlots);
    this.overSlots = Int32Array.from(overSlots);
  }
}

function sameInts(a: Int32Array, b: Int32Array | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
