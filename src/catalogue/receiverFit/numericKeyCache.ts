/**
 * A small cache of per-frequency arrays keyed by a short vector of numbers (a motor's parameters, a
 * tube's radius and length). A fit's finite-difference Jacobian moves one parameter at a time, so most
 * evaluations find all but one of their parts here. Keys are compared as numbers, newest first: the
 * former string keys (17 numbers joined) cost as much as a fifth of an evaluation. `undefined` (an
 * optional parameter left out) is stored as NaN and matches only itself.
 */
export class NumericKeyCache {
  private readonly keys: Float64Array[] = [];
  private readonly values: Float64Array[] = [];
  private next = 0;
  /** An array this cache let go of at an earlier call, for `make` to overwrite (see get). */
  private spare: Float64Array | undefined;

  constructor(private readonly capacity: number) {}

  /**
   * The array stored for `key`, or computed by `make` (and stored, replacing the oldest). `make` is
   * offered an array this cache dropped at an earlier call (or undefined), to overwrite in full
   * rather than allocate one. A caller may still read what the previous call returned while it makes
   * this one (an evaluation reads both motors' arrays after asking for the second): that array is
   * never the one offered. Arrays returned before the previous call may be.
   */
  get(key: Float64Array, make: (spare: Float64Array | undefined) => Float64Array): Float64Array {
    const count = this.keys.length;
    for (let back = 1; back <= count; back++) {
      const slot = (this.next - back + count * 2) % count;
      if (sameKey(this.keys[slot]!, key)) return this.values[slot]!;
    }
    // Copied before `make` runs: it may reuse the caller's key buffer for a cache of its own.
    const copy = Float64Array.from(key);
    const spare = this.spare;
    this.spare = undefined;
    const value = make(spare);
    const slot = this.next % this.capacity;
    const dropped = this.values[slot];
    this.keys[slot] = copy;
    this.values[slot] = value;
    this.next = (slot + 1) % this.capacity;
    // Offered at the next miss, not this one: the caller may hold it from the call before.
    if (dropped !== undefined && dropped !== value) this.spare = dropped;
    return value;
  }
}

function sameKey(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

/** The numbers of `names` in `record` as a key (NaN for a missing one), into `out`. */
export function keyOf<T extends object>(
  record: T,
  names: readonly (keyof T)[],
  out: Float64Array,
): Float64Array {
  for (let k = 0; k < names.length; k++) {
    const value = record[names[k]!];
    out[k] = typeof value === "number" ? value : Number.NaN;
  }
  return out;
}
