import { LinkedLists } from "./linkedLists.js";

/**
 * The remaining sub-matrix of a pivot ordering (markowitz.ts): every entry in a list of its row and
 * a list of its column (doubly linked, in order of creation, as Sparse 1.3 keeps them), and the
 * rows in buckets by their number of entries. Lists keep insertion order and a row that moves
 * bucket goes to the end of its new one, so a search that walks them sees rows and entries in a
 * fixed order, which makes the ordering a pure function of the matrix. Typed arrays throughout: no
 * object per entry.
 */
export class OrderingMatrix {
  /** Per entry: its column, row and value. */
  col: Int32Array;
  row: Int32Array;
  re: Float64Array;
  im: Float64Array;
  private entries = 0;
  /** The entries by row and by column; the rows in buckets by their number of entries. */
  private readonly rows: LinkedLists;
  private readonly cols: LinkedLists;
  private readonly buckets: LinkedLists;
  /** No row has more entries than this (rows only grow, by fill). */
  longestRow = 0;
  /** Scratch: entry of column j in the row being updated (−1: none), see `scatter`. */
  private readonly position: Int32Array;

  constructor(
    readonly n: number,
    rows: Int32Array,
    cols: Int32Array,
    re: Float64Array,
    im: Float64Array,
  ) {
    const capacity = Math.max(16, 2 * rows.length);
    this.col = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
    this.re = new Float64Array(capacity);
    this.im = new Float64Array(capacity);
    this.rows = new LinkedLists(n, capacity);
    this.cols = new LinkedLists(n, capacity);
    this.buckets = new LinkedLists(n + 1, n);
    this.position = new Int32Array(n).fill(-1);
    // Repeated coordinates add up in the entry of their first appearance (0 + v first, as a sum).
    for (let s = 0; s < rows.length; s++) {
      const i = rows[s]!;
      const j = cols[s]!;
      let e = this.find(i, j);
      if (e < 0) e = this.append(i, j, 0, 0);
      this.re[e] = this.re[e]! + re[s]!;
      this.im[e] = this.im[e]! + im[s]!;
    }
    for (let i = 0; i < n; i++) this.addToBucket(i);
  }

  /** Per row: its first entry (−1: none) and its number of entries. */
  get rowFirst(): Int32Array {
    return this.rows.first;
  }
  get rowSize(): Int32Array {
    return this.rows.size;
  }
  /** Per column: its first entry (−1: none) and its number of entries. */
  get colFirst(): Int32Array {
    return this.cols.first;
  }
  get colSize(): Int32Array {
    return this.cols.size;
  }
  /** Per number of entries: the first row of that many (−1: none). */
  get bucketFirst(): Int32Array {
    return this.buckets.first;
  }

  /** The entry (i, j), or −1: a walk along row i (rows are short while coordinates are read). */
  private find(i: number, j: number): number {
    for (let e = this.rows.first[i]!; e >= 0; e = this.rows.next[e]!)
      if (this.col[e] === j) return e;
    return -1;
  }

  /** The next entry of row i after `e` (−1 at the end). */
  next(e: number): number {
    return this.rows.next[e]!;
  }

  /** The next entry of column j after `e` (−1 at the end). */
  nextDown(e: number): number {
    return this.cols.next[e]!;
  }

  /** The next row of the same bucket after row i (−1 at the end). */
  nextRowInBucket(i: number): number {
    return this.buckets.next[i]!;
  }

  /** A new entry (i, j) at the end of its row and of its column. */
  append(i: number, j: number, re: number, im: number): number {
    if (this.entries === this.col.length) this.grow();
    const e = this.entries++;
    this.col[e] = j;
    this.row[e] = i;
    this.re[e] = re;
    this.im[e] = im;
    this.rows.append(i, e);
    this.cols.append(j, e);
    return e;
  }

  /** Takes entry e out of its row's list. */
  unlinkFromRow(e: number): void {
    this.rows.remove(this.row[e]!, e);
  }

  /** Takes entry e out of its column's list. */
  unlinkFromCol(e: number): void {
    this.cols.remove(this.col[e]!, e);
  }

  /** Empties column j's list (its entries stay in their rows' lists: unlink them there first). */
  clearColumn(j: number): void {
    this.cols.clear(j);
  }

  /** Row i at the end of the bucket of its current size. */
  addToBucket(i: number): void {
    const size = this.rows.size[i]!;
    if (size > this.longestRow) this.longestRow = size;
    this.buckets.append(size, i);
  }

  /** Row i out of the bucket of its current size. */
  removeFromBucket(i: number): void {
    this.buckets.remove(this.rows.size[i]!, i);
  }

  /** Marks row i's entries in `position` by column (see `entryAt`); `unscatter` clears them. */
  scatter(i: number): void {
    for (let e = this.rows.first[i]!; e >= 0; e = this.rows.next[e]!)
      this.position[this.col[e]!] = e;
  }

  unscatter(i: number): void {
    for (let e = this.rows.first[i]!; e >= 0; e = this.rows.next[e]!)
      this.position[this.col[e]!] = -1;
  }

  /** The entry in column j of the scattered row, or −1. */
  entryAt(j: number): number {
    return this.position[j]!;
  }

  private grow(): void {
    const capacity = 2 * this.col.length;
    const larger = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (length: number) => T)(capacity);
      b.set(a);
      return b;
    };
    this.col = larger(this.col);
    this.row = larger(this.row);
    this.re = larger(this.re);
    this.im = larger(this.im);
    this.rows.grow(capacity);
    this.cols.grow(capacity);
  }
}
