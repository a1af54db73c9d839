import type { FactorPlan } from "./factorPlan.js";

/**
 * The pivot steps of a plan grouped into levels, so that an elimination can run level after level —
 * every pivot and multiplier of a level, then every update of the level in one loop — and still do
 * exactly the arithmetic of the program, in the program's order wherever the order matters.
 *
 * A step goes to a level after every earlier step it must follow: one that last wrote an entry it
 * reads (its pivot, its multipliers' entries, its pivot row) or writes (an update's target: the
 * updates of an entry stay in the program's order, so its sums are the same bits), and one that
 * read an entry it writes since that entry was last written. Steps of one level touch nothing the
 * others of the level write, so within a level any interleaving gives the same values. The head and
 * the tail of the plan (see FactorPlan.headSteps) are scheduled apart: the boundary's sums go
 * between them, as in the program.
 */
export interface LevelSchedule {
  /** Pivot steps by level (in the program's order within each): the head's levels, then the tail's. */
  readonly levels: readonly Int32Array[];
  /** The first of the tail's levels (levels.length when the plan is all head). */
  readonly firstTailLevel: number;
  /** Where each pivot step's record starts in plan.program. */
  readonly programAt: Int32Array;
}

export function levelSchedule(plan: FactorPlan, n: number): LevelSchedule {
  const { program, headSteps } = plan;
  const programAt = new Int32Array(n);
  for (let k = 0, c = 0; k < n; k++) {
    programAt[k] = c;
    c++;
    const eliminations = program[c++]!;
    for (let e = 0; e < eliminations; e++) {
      c++;
      const updates = program[c++]!;
      c += 2 * updates;
    }
  }
  const head = schedule(plan, programAt, 0, Math.min(headSteps, n));
  const tail = schedule(plan, programAt, Math.min(headSteps, n), n);
  return { levels: [...head, ...tail], firstTailLevel: head.length, programAt };
}

/** The levels of steps [from, to). */
function schedule(plan: FactorPlan, programAt: Int32Array, from: number, to: number): Int32Array[] {
  const { program } = plan;
  const entries = plan.size;
  // Per entry (offset / 2): the level of its last writer, and the highest level that has read it
  // since (−1: none).
  const writtenAt = new Int32Array(entries).fill(-1);
  const readAt = new Int32Array(entries).fill(-1);
  const levelOf = new Int32Array(to - from);
  let deepest = -1;
  for (let k = from; k < to; k++) {
    const c = programAt[k]!;
    // The level: after the writers of what it reads and writes, and the readers of what it writes.
    let level = 0;
    const reads = (offset: number) => {
      level = Math.max(level, writtenAt[offset >> 1]! + 1);
    };
    const writes = (offset: number) => {
      const e = offset >> 1;
      level = Math.max(level, writtenAt[e]! + 1, readAt[e]! + 1);
    };
    visit(program, c, reads, writes);
    levelOf[k - from] = level;
    deepest = Math.max(deepest, level);
    visit(
      program,
      c,
      (offset) => {
        const e = offset >> 1;
        readAt[e] = Math.max(readAt[e]!, level);
      },
      (offset) => {
        writtenAt[offset >> 1] = level;
        readAt[offset >> 1] = -1;
      },
    );
  }
  const sizes = new Int32Array(deepest + 1);
  for (const level of levelOf) sizes[level]!++;
  const levels = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(deepest + 1);
  for (let k = from; k < to; k++) {
    const level = levelOf[k - from]!;
    levels[level]![filled[level]!++] = k;
  }
  return levels;
}

/**
 * Calls `reads` for every entry one pivot step's record (at program[c]) reads — its pivot, each
 * multiplier's entry, each update's source and target — and then `writes` for every entry it writes
 * (each multiplier's entry, each update's target), by offset.
 */
function visit(
  program: Int32Array,
  c: number,
  reads: (offset: number) => void,
  writes: (offset: number) => void,
): void {
  reads(program[c++]!);
  const eliminations = program[c++]!;
  const start = c;
  for (let e = 0; e < eliminations; e++) {
    reads(program[c++]!);
    const updates = program[c++]!;
    for (let u = 0; u < updates; u++) {
      reads(program[c++]!);
      reads(program[c++]!);
    }
  }
  c = start;
  for (let e = 0; e < eliminations; e++) {
    writes(program[c++]!);
    const updates = program[c++]!;
    for (let u = 0; u < updates; u++) {
      writes(program[c]!);
      c += 2;
    }
  }
}
