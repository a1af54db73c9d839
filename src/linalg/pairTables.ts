import type { FactorPlan } from "./factorPlan.js";
import { levelSchedule } from "./levelSchedule.js";
import { ASSEMBLY_HEADER, TERM_BYTES } from "./pairAssembly.js";
import { PAIR_HEADER, PAIR_LEVEL_BYTES } from "./pairKernel.js";

/*
 * The memory of a paired elimination along one plan (pairKernel.ts, pairAssembly.ts): the header
 * and every table of records (byte addresses), then the paired storage and, D bytes above it, the
 * constant image; the inverse pivots, the magnitudes before elimination, the weights, the
 * multipliers' entries in the program's order, the entries the assembly writes into the storage,
 * the largest multipliers; the jω terms' records.
 *
 * Every read of an entry is given the byte where the entry's value is at that point: the storage
 * once the elimination has written it or where the assembly writes it (`dynamic`: its jω terms and
 * stamps), the image before. The records are made level by level; within a level no step touches
 * what another writes, and across levels each entry's reads and writes keep the program's order
 * (levelSchedule.ts), so that order decides the places alike.
 */

/** Where a plan's regions sit in the memory of its instance (byte offsets). */
export interface PairLayout {
  /** The paired L + U storage, 32 × plan.size bytes; the constant image at luByte + imageDelta. */
  readonly luByte: number;
  /** A power of two at least the storage's size; luByte is a multiple of twice it. */
  readonly imageDelta: number;
  readonly inversePivotByte: number;
  readonly weightsByte: number;
  readonly multipliers: number;
  readonly largestByte: number;
  readonly termsByte: number;
  /** Term records there is room for: one per slot of the plan. */
  readonly termsCapacity: number;
  readonly pages: number;
}

export interface PairTables {
  readonly layout: PairLayout;
  /** The i32 words from byte 0 up to the paired storage: the header, then the records. */
  readonly tables: Int32Array;
  /** The i32 words of the regions after the storage's numbers, at `tailByte`. */
  readonly tailTables: Int32Array;
  readonly tailByte: number;
  /**
   * Per entry, where its factor is when the elimination ends: the double (of a Float64Array over
   * storage and image from luByte) of its first real part, 4p in the storage or 4p + imageDelta/8
   * in the image for an entry nothing wrote.
   */
  readonly finalAt: Int32Array;
}

/** The tables of `plan` for `dynamic` (per entry, 1 where the assembly writes it every time). */
export function pairTables(plan: FactorPlan, n: number, dynamic: Uint8Array): PairTables {
  const { program, boundary } = plan;
  const { levels, firstTailLevel, programAt } = levelSchedule(plan, n);
  let imageDelta = 16;
  while (imageDelta < 32 * plan.size) imageDelta *= 2;
  const written = new Uint8Array(plan.size);
  /** Where entry offset o (a double of the single storage: 2 per entry) is read now, from luByte. */
  const at = (offset: number) => {
    const entry = offset >> 1;
    return 32 * entry + (written[entry] || dynamic[entry] ? 0 : imageDelta);
  };
  const write = (offset: number) => (written[offset >> 1] = 1);
  const words: number[] = new Array<number>(PAIR_HEADER.size / 4).fill(0);
  /** Per level: [from, to) of its sums, pivots and multipliers, as indices of their words. */
  const ranges: number[] = [];
  // Records by kind, each kind's level by level; their bytes are fixed up once the sizes are known.
  const pivots: number[] = [];
  /** Per multiplier: its entry, 32k, and the [from, to) of its updates as indices of their words. */
  const multipliers: number[] = [];
  const updates: number[] = [];
  const sums: number[] = [];
  for (let level = 0; level < levels.length; level++) {
    const from = [sums.length, pivots.length, multipliers.length] as const;
    if (level === firstTailLevel) {
      for (let b = 0; b < boundary.length; b += 2) {
        sums.push(at(boundary[b]!), at(boundary[b + 1]!));
        write(boundary[b]!);
      }
    }
    for (const k of levels[level]!) {
      let c = programAt[k]!;
      const pivot = program[c++]!;
      pivots.push(32 * (pivot >> 1) + (dynamic[pivot >> 1] ? 0 : imageDelta), at(pivot), 16 * k);
      const eliminations = program[c++]!;
      for (let e = 0; e < eliminations; e++) {
        const t = program[c++]!;
        const count = program[c++]!;
        multipliers.push(at(t), 32 * k, updates.length, updates.length + 2 * count);
        write(t);
        for (let u = 0; u < count; u++, c += 2) {
          updates.push(at(program[c]!), at(program[c + 1]!));
          write(program[c]!);
        }
      }
    }
    ranges.push(from[0], sums.length, from[1], pivots.length, from[2], multipliers.length);
  }
  const levelByte = 4 * words.length;
  const sumByte = levelByte + PAIR_LEVEL_BYTES * levels.length;
  const pivotByte = sumByte + 4 * sums.length;
  const multiplierRecordByte = pivotByte + 4 * pivots.length;
  const updateByte = multiplierRecordByte + 4 * multipliers.length;
  const luByte = Math.ceil((updateByte + 4 * updates.length) / (2 * imageDelta)) * 2 * imageDelta;
  const inversePivotByte = luByte + 2 * imageDelta;
  const pivotBeforeByte = inversePivotByte + 32 * n;
  const weightsByte = pivotBeforeByte + 16 * n;
  const multiplierCount = multipliers.length / 4;
  const multiplierByte = weightsByte + 8 * multiplierCount;
  const dynamicByte = multiplierByte + 4 * multiplierCount;
  const dynamicEntries: number[] = [];
  for (let entry = 0; entry < plan.size; entry++) if (dynamic[entry]) dynamicEntries.push(entry);
  const largestByte = align16(dynamicByte + 4 * dynamicEntries.length);
  const termsByte = largestByte + 16;
  const termsCapacity = plan.slotOffset.length;
  const end = termsByte + TERM_BYTES * termsCapacity;
  const header = (field: number, value: number) => (words[field / 4] = value);
  header(PAIR_HEADER.inversePivot, inversePivotByte);
  header(PAIR_HEADER.pivotBefore, pivotBeforeByte);
  header(PAIR_HEADER.weights, weightsByte);
  header(PAIR_HEADER.multipliers, multiplierByte);
  header(PAIR_HEADER.multipliersEnd, multiplierByte + 4 * multiplierCount);
  header(PAIR_HEADER.levels, levelByte);
  header(PAIR_HEADER.levelsEnd, sumByte);
  header(PAIR_HEADER.pivots, pivotByte);
  header(PAIR_HEADER.pivotsEnd, pivotByte + 4 * pivots.length);
  header(PAIR_HEADER.largest, largestByte);
  header(PAIR_HEADER.mask, ~imageDelta);
  header(ASSEMBLY_HEADER.imageDelta, imageDelta);
  header(ASSEMBLY_HEADER.dynamic, dynamicByte);
  header(ASSEMBLY_HEADER.dynamicEnd, dynamicByte + 4 * dynamicEntries.length);
  const recordBytes = [sumByte, pivotByte, multiplierRecordByte];
  ranges.forEach((index, i) => words.push(recordBytes[(i >> 1) % 3]! + 4 * index));
  // One push per word: a plan's records can outnumber what a call may take as arguments. Each
  // word of a record is where an entry is read (from luByte), kept as it is, or an update's byte.
  const append = (records: readonly number[], kinds: readonly ("entry" | "as is" | "update")[]) => {
    for (let i = 0; i < records.length; i++) {
      const kind = kinds[i % kinds.length];
      const word = records[i]!;
      words.push(
        kind === "entry" ? luByte + word : kind === "update" ? updateByte + 4 * word : word,
      );
    }
  };
  append(sums, ["entry"]);
  append(pivots, ["entry", "entry", "as is"]);
  append(multipliers, ["entry", "as is", "update", "update"]);
  append(updates, ["entry"]);
  // The regions after the numbers: the multipliers' entries in the program's order (for the
  // largest multiplier; each is written by then), then the entries the assembly writes.
  const tail: number[] = [];
  for (let k = 0, c = 0; k < n; k++) {
    c++;
    const eliminations = program[c++]!;
    for (let e = 0; e < eliminations; e++) {
      tail.push(luByte + 16 * program[c++]!);
      const count = program[c++]!;
      c += 2 * count;
    }
  }
  for (const entry of dynamicEntries) tail.push(luByte + 32 * entry);
  const finalAt = new Int32Array(plan.size);
  for (let entry = 0; entry < plan.size; entry++)
    finalAt[entry] = 4 * entry + (written[entry] || dynamic[entry] ? 0 : imageDelta / 8);
  return {
    layout: {
      luByte,
      imageDelta,
      inversePivotByte,
      weightsByte,
      multipliers: multiplierCount,
      largestByte,
      termsByte,
      termsCapacity,
      pages: Math.max(1, Math.ceil(end / 65536)),
    },
    tables: Int32Array.from(words),
    tailTables: Int32Array.from(tail),
    tailByte: multiplierByte,
    finalAt,
  };
}

function align16(byte: number): number {
  return Math.ceil(byte / 16) * 16;
}
