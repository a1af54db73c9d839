/**
 * A sparse complex n×n matrix for tests, from its entries keyed i·n + j: the slots in the order the
 * entries were set, as coordinates (rows, cols) and values (re, im) — what SparseComplexLu takes.
 */
export function triplets(n: number, entries: ReadonlyMap<number, readonly [number, number]>) {
  const keys = [...entries.keys()];
  return {
    rows: Int32Array.from(keys, (key) => Math.floor(key / n)),
    cols: Int32Array.from(keys, (key) => key % n),
    re: Float64Array.from(keys, (key) => entries.get(key)![0]),
    im: Float64Array.from(keys, (key) => entries.get(key)![1]),
  };
}
