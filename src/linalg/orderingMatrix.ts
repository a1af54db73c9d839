/**
 * The remaining sub-matrix of a pivot ordering (markowitz.ts): every entry in a list of its row and
 * a list of its column (doubly linked, in order of creation, as Sparse 1.3 keeps them), and the
 * rows in buckets by their number of entries. Lists keep insertion order and a row that moves
 * bucket goes to the end of its new one, so a search that walks them sees rows and entries in a
 * fixed order, which makes the ordering a pure function of the matrix. Typed arrays throughout: no
 * object per entry.
 */
export class OrderingMatrix {
  /** Per entry: its column, row, value, and its neighbours in its row and in its column (−1: none). */
  col: Int32Array;
  row: Int32Array;
  re: Float64Array;
  im: Float64Array;
  private nextInRow: Int32Array;
  private prevInRow: Int32Array;
  private nextInCol: Int32Array;
  private prevInCol: Int32Array;
  private entries = 0;
  readonly rowFirst: Int32Array;
  private readonly rowLast: Int32Array;
  readonly rowSize: Int32Array;
  readonly colFirst: Int32Array;
  private readonly colLast: Int32Array;
  readonly colSize: Int32Array;
  /** Buckets of rows by size: first row of each size, and each row's neighbours in its bucket. */
  readonly bucketFirst: Int32Array;
  private readonly bucketLast: Int32Array;
  private readonly nextInBucket: Int32Array;
  private readonly prevInBucket: Int32Array;
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
    this.nextInRow = new Int32Array(capacity);
    this.prevInRow = new Int32Array(capacity);
    this.nextInCol = new Int32Array(capacity);
    this.prevInCol = new Int32Array(capacity);
    this.rowFirst = new Int32Array(n).fill(-1);
    this.rowLast = new Int32Array(n).fill(-1);
    this.rowSize = new Int32Array(n);
    this.colFirst = new Int32Array(n).fill(-1);
    this.colLast = new Int32Array(n).fill(-1);
    this.colSize = new Int32Array(n);
    this.bucketFirst = new Int32Array(n + 1).fill(-1);
    this.bucketLast = new Int32Array(n + 1).fill(-1);
    this.nextInBucket = new Int32Array(n).fill(-1);
    this.prevInBucket = new Int32Array(n).fill(-1);
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

  /** The entry (i, j), or −1: a walk along row i (rows are short while coordinates are read). */
  private find(i: number, j: number): number {
    for (let e = this.rowFirst[i]!; e >= 0; e = this.nextInRow[e]!) if (this.col[e] === j) return e;
    return -1;
  }

  /** The next entry of row i after `e` (−1 at the end). */
  next(e: number): number {
    return this.nextInRow[e]!;
  }

  /** The next entry of column j after `e` (−1 at the end). */
  nextDown(e: number): number {
    return this.nextInCol[e]!;
  }

  /** The next row of the same bucket after row i (−1 at the end). */
  nextRowInBucket(i: number): number {
    return this.nextInBucket[i]!;
  }

  /** A new entry (i, j) at the end of its row and of its column. */
  append(i: number, j: number, re: number, im: number): number {
    if (this.entries === this.col.length) this.grow();
    const e = this.entries++;
    this.col[e] = j;
    this.row[e] = i;
    this.re[e] = re;
    this.im[e] = im;
    this.nextInRow[e] = -1;
    this.prevInRow[e] = this.rowLast[i]!;
    if (this.rowLast[i]! >= 0) this.nextInRow[this.rowLast[i]!] = e;
    else this.rowFirst[i] = e;
    this.rowLast[i] = e;
    this.rowSize[i]!++;
    this.nextInCol[e] = -1;
    this.prevInCol[e] = this.colLast[j]!;
    if (this.colLast[j]! >= 0) this.nextInCol[this.colLast[j]!] = e;
    else this.colFirst[j] = e;
    this.colLast[j] = e;
    this.colSize[j]!++;
    return e;
  }

  /** Takes entry e out of its row's list. */
  unlinkFromRow(e: number): void {
    const i = this.row[e]!;
    const before = this.prevInRow[e]!;
    const after = this.nextInRow[e]!;
    if (before >= 0) this.nextInRow[before] = after;
    else this.rowFirst[i] = after;
    if (after >= 0) this.prevInRow[after] = before;
    else this.rowLast[i] = before;
    this.rowSize[i]!--;
  }

  /** Takes entry e out of its column's list. */
  unlinkFromCol(e: number): void {
    const j = this.col[e]!;
    const before = this.prevInCol[e]!;
    const after = this.nextInCol[e]!;
    if (before >= 0) this.nextInCol[before] = after;
    else this.colFirst[j] = after;
    if (after >= 0) this.prevInCol[after] = before;
    else this.colLast[j] = before;
    this.colSize[j]!--;
  }

  /** Empties column j's list (its entries stay in their rows' lists: unlink them there first). */
  clearColumn(j: number): void {
    this.colFirst[j] = -1;
    this.colLast[j] = -1;
    this.colSize[j] = 0;
  }

  /** Row i at the end of the bucket of its current size. */
  addToBucket(i: number): void {
    const size = this.rowSize[i]!;
    if (size > this.longestRow) this.longestRow = size;
    this.nextInBucket[i] = -1;
    this.prevInBucket[i] = this.bucketLast[size]!;
    if (this.bucketLast[size]! >= 0) this.nextInBucket[this.bucketLast[size]!] = i;
    else this.bucketFirst[size] = i;
    this.bucketLast[size] = i;
  }

  /** Row i out of the bucket of its current size. */
  removeFromBucket(i: number): void {
    const size = this.rowSize[i]!;
    const before = this.prevInBucket[i]!;
    const after = this.nextInBucket[i]!;
    if (before >= 0) this.nextInBucket[before] = after;
    else this.bucketFirst[size] = after;
    if (after >= 0) this.prevInBucket[after] = before;
    else this.bucketLast[size] = before;
  }

  /** Marks row i's entries in `position` by column (see `entryAt`); `unscatter` clears them. */
  scatter(i: number): void {
    for (let e = this.rowFirst[i]!; e >= 0; e = this.nextInRow[e]!) this.position[this.col[e]!] = e;
  }

  unscatter(i: number): void {
    for (let e = this.rowFirst[i]!; e >= 0; e = this.nextInRow[e]!)
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
    this.nextInRow = larger(this.nextInRow);
    this.prevInRow = larger(this.prevInRow);
    this.nextInCol = larger(this.nextInCol);
    this.prevInCol = larger(this.prevInCol);
  }
}
