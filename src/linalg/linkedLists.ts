/**
 * Lists of items (0, 1, …) in typed arrays, doubly linked in order of insertion, each item in at
 * most one list: appending goes to the end, removing keeps the others' order. No object per item.
 */
export class LinkedLists {
  /** Per list: its first item (−1: empty) and its number of items. */
  readonly first: Int32Array;
  readonly size: Int32Array;
  private readonly last: Int32Array;
  /** Per item: the next one in its list (−1 at the end). */
  next: Int32Array;
  private previous: Int32Array;

  constructor(lists: number, items: number) {
    this.first = new Int32Array(lists).fill(-1);
    this.last = new Int32Array(lists).fill(-1);
    this.size = new Int32Array(lists);
    this.next = new Int32Array(items);
    this.previous = new Int32Array(items);
  }

  /** `item` at the end of `list`. */
  append(list: number, item: number): void {
    const last = this.last[list]!;
    this.next[item] = -1;
    this.previous[item] = last;
    if (last >= 0) this.next[last] = item;
    else this.first[list] = item;
    this.last[list] = item;
    this.size[list]!++;
  }

  /** `item` out of `list`, which holds it. */
  remove(list: number, item: number): void {
    const before = this.previous[item]!;
    const after = this.next[item]!;
    if (before >= 0) this.next[before] = after;
    else this.first[list] = after;
    if (after >= 0) this.previous[after] = before;
    else this.last[list] = before;
    this.size[list]!--;
  }

  /** Empties `list` (its items' links are left as they were: nothing may follow them). */
  clear(list: number): void {
    this.first[list] = -1;
    this.last[list] = -1;
    this.size[list] = 0;
  }

  /** Room for `items` items, the links kept. */
  grow(items: number): void {
    const next = new Int32Array(items);
    next.set(this.next);
    this.next = next;
    const previous = new Int32Array(items);
    previous.set(this.previous);
    this.previous = previous;
  }
}
