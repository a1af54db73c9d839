import { describe, expect, it } from "vitest";
import { NumericKeyCache, keyOf } from "./numericKeyCache.js";

describe("NumericKeyCache", () => {
  it("returns what it stored for an equal key, computes for a new one, and forgets the oldest", () => {
    const cache = new NumericKeyCache(2);
    let made = 0;
    const make = (value: number) => () => (made++, Float64Array.of(value));
    const first = cache.get(Float64Array.of(1, Number.NaN), make(1));
    expect(cache.get(Float64Array.of(1, Number.NaN), make(9))).toBe(first);
    cache.get(Float64Array.of(2, 0), make(2));
    cache.get(Float64Array.of(3, 0), make(3));
    expect(made).toBe(3);
    expect(cache.get(Float64Array.of(1, Number.NaN), make(4))[0]).toBe(4);
    expect(made).toBe(4);
  });

  it("keys on the numbers the caller had when asking, even if `make` reuses the key buffer", () => {
    const cache = new NumericKeyCache(4);
    const key = Float64Array.of(1);
    cache.get(key, () => {
      key[0] = 99;
      return Float64Array.of(1);
    });
    expect(cache.get(Float64Array.of(1), () => Float64Array.of(2))[0]).toBe(1);
  });

  it("offers an array it dropped to the next computation, never the one the previous call returned", () => {
    const cache = new NumericKeyCache(2);
    const offered: (Float64Array | undefined)[] = [];
    const make = (value: number) => (spare: Float64Array | undefined) => {
      offered.push(spare);
      const out = spare ?? new Float64Array(1);
      out[0] = value;
      return out;
    };
    const one = cache.get(Float64Array.of(1), make(1));
    cache.get(Float64Array.of(2), make(2));
    // Full: the third drops `one`, but `one` is offered only to the fourth.
    const three = cache.get(Float64Array.of(3), make(3));
    expect(offered).toEqual([undefined, undefined, undefined]);
    expect(one[0]).toBe(1);
    const four = cache.get(Float64Array.of(4), make(4));
    expect(offered[3]).toBe(one);
    expect(four).toBe(one);
    expect(four[0]).toBe(4);
    expect(three[0]).toBe(3);
    // A hit offers nothing and keeps what it found.
    expect(cache.get(Float64Array.of(3), make(9))).toBe(three);
    expect(offered).toHaveLength(4);
  });

  it("reads a record's numbers as a key, NaN for a missing one", () => {
    const out = new Float64Array(2);
    expect(Array.from(keyOf({ a: 1 } as { a: number; b?: number }, ["a", "b"], out))).toEqual([
      1,
      Number.NaN,
    ]);
  });
});
