import type { FactorPlan } from "./factorPlan.js";
import { levelSchedule } from "./levelSchedule.js";
import { TERM_BYTES, loadAssembly, pairAssemblyBytes } from "./pairAssembly.js";
import { PAIR_HEADER, PAIR_LEVEL_BYTES, pairKernelBytes } from "./pairKernel.js";
import { wasmApi } from "./wasmModule.js";

/*
 * Two factorisations along one plan at once — the matrices of two frequencies — in WebAssembly:
 * each 128-bit register holds the same part (real or imaginary) of one entry at both frequencies,
 * lane 0 the first and lane 1 the second. A complex product is then four lane-wise products and
 * two sums for both matrices, with no shuffles and no splats. The code is one kernel for every
 * plan (pairKernel.ts), looping over the plan's tables laid out here; each lane does the loop's
 * arithmetic (eliminationLoop.ts) in its order, so its factor is bit-identical to a single
 * factorisation of its matrix.
 *
 * Entry p of the plan (its real part at double 2p of the single storage) sits at byte 32p of the
 * paired storage: the two real parts, then the two imaginary parts. The inverse pivots are laid out
 * alike, 32 bytes a pivot step; each pivot's magnitude before elimination is a pair of doubles; the
 * multipliers' weights are single doubles (the same for both matrices), the largest weighted
 * multiplier a pair.
 */

/** Where a plan's regions sit in the memory of its instance (byte offsets). */
export interface PairLayout {
  /** The paired L + U storage, 32 × plan.size bytes. */
  readonly luByte: number;
  readonly inversePivotByte: number;
  readonly weightsByte: number;
  readonly multipliers: number;
  readonly largestByte: number;
  /** The constant matrix's image and the jω terms' records (see pairAssembly.ts). */
  readonly constantByte: number;
  readonly termsByte: number;
  /** Term records there is room for: one per slot of the plan. */
  readonly termsCapacity: number;
  readonly pages: number;
}

/** A plan's tables for the kernel: the memory's first `header.length` i32 (header and records). */
export interface WasmPairElimination {
  readonly module: object;
  /** The assembly's module (pairAssembly.ts), instantiated on the same memory. */
  readonly assembly: object;
  readonly layout: PairLayout;
  /** The i32 words from byte 0 up to the paired storage: the header, then the records. */
  readonly tables: Int32Array;
  /** The i32 words of the regions after the storage's numbers, at `tailByte`. */
  readonly tailTables: Int32Array;
  readonly tailByte: number;
}

/**
 * The exported function: eliminates both matrices along the plan, 1 on success, 0 when a pivot of
 * either is untrusted (see eliminationLoop.ts's test; `limit` as there).
 */
export type PairEliminate = (limit: number) => number;

/** An instance on a memory of its own, with Float64Array views of its regions. */
export interface PairInstance {
  readonly eliminate: PairEliminate;
  /**
   * Assembles both matrices into `lu` (see pairAssembly.ts): the constant matrix and the jω terms
   * at ωf (lane 0) and ωg (lane 1), as `load` last gave them.
   */
  readonly assemble: (omegaF: number, omegaG: number) => void;
  /** Gives `assemble` the constant matrix and the jω terms of a layout (see loadAssembly). */
  readonly load: (
    constantLu: Float64Array,
    jOffsets: Int32Array,
    jTimes: Float64Array,
    jOver: Float64Array,
  ) => void;
  /** The paired storage: entry p's real parts at 4p, 4p + 1, imaginary parts at 4p + 2, 4p + 3. */
  readonly lu: Float64Array;
  /** Pivot step k's inverse: real parts at 4k, 4k + 1, imaginary parts at 4k + 2, 4k + 3. */
  readonly inversePivot: Float64Array;
  readonly weights: Float64Array;
  /** [first matrix's, second matrix's] largest weighted multiplier. */
  readonly largest: Float64Array;
}

let modules: { kernel: object; assembly: object } | null | undefined;

/** The kernel's and the assembly's modules, compiled on first use; null where they cannot run. */
function kernelModules(): { kernel: object; assembly: object } | null {
  if (modules !== undefined) return modules;
  const api = wasmApi();
  const kernel = pairKernelBytes();
  const assembly = pairAssemblyBytes();
  try {
    modules =
      api !== undefined && api.validate(kernel) && api.validate(assembly)
        ? { kernel: new api.Module(kernel), assembly: new api.Module(assembly) }
        : null;
  } catch {
    modules = null;
  }
  return modules;
}

/**
 * The paired elimination of `plan`: the kernel and the plan's tables; undefined where WebAssembly
 * with SIMD cannot run here (the caller then factorises one matrix at a time).
 */
export function compilePairElimination(
  plan: FactorPlan,
  n: number,
): WasmPairElimination | undefined {
  const compiled = kernelModules();
  if (compiled === null) return undefined;
  return { module: compiled.kernel, assembly: compiled.assembly, ...tablesOf(plan, n) };
}

/** Instantiates `compiled` for a plan of `luSize` entries and `n` unknowns; undefined if refused. */
export function instantiatePair(
  compiled: WasmPairElimination,
  luSize: number,
  n: number,
): PairInstance | undefined {
  const { layout } = compiled;
  const api = wasmApi();
  if (api === undefined) return undefined;
  try {
    const memory = new api.Memory({ initial: layout.pages });
    const instance = new api.Instance(compiled.module, { env: { memory } });
    const assembly = new api.Instance(compiled.assembly, { env: { memory } });
    const { buffer } = memory;
    new Int32Array(buffer, 0, compiled.tables.length).set(compiled.tables);
    new Int32Array(buffer, compiled.tailByte, compiled.tailTables.length).set(compiled.tailTables);
    return {
      eliminate: instance.exports["eliminate"] as PairEliminate,
      assemble: assembly.exports["assemble"] as (omegaF: number, omegaG: number) => void,
      load: (constantLu, jOffsets, jTimes, jOver) =>
        loadAssembly(buffer, layout, constantLu, jOffsets, jTimes, jOver),
      lu: new Float64Array(buffer, layout.luByte, 4 * luSize),
      inversePivot: new Float64Array(buffer, layout.inversePivotByte, 4 * n),
      weights: new Float64Array(buffer, layout.weightsByte, layout.multipliers),
      largest: new Float64Array(buffer, layout.largestByte, 2),
    };
  } catch {
    return undefined;
  }
}

/**
 * The memory of a plan: the header and every table of records (byte addresses), then the paired
 * storage, the inverse pivots, the magnitudes before elimination, the weights, the multipliers'
 * entries in the program's order and the largest multipliers.
 */
function tablesOf(plan: FactorPlan, n: number) {
  const { program, boundary } = plan;
  const { levels, firstTailLevel, programAt } = levelSchedule(plan, n);
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
    if (level === firstTailLevel) for (const offset of boundary) sums.push(16 * offset);
    for (const k of levels[level]!) {
      let c = programAt[k]!;
      pivots.push(16 * program[c++]!, 16 * k);
      const eliminations = program[c++]!;
      for (let e = 0; e < eliminations; e++) {
        const t = 16 * program[c++]!;
        const count = program[c++]!;
        multipliers.push(t, 32 * k, updates.length, updates.length + 2 * count);
        for (let u = 0; u < count; u++, c += 2)
          updates.push(16 * program[c]!, 16 * program[c + 1]!);
      }
    }
    ranges.push(from[0], sums.length, from[1], pivots.length, from[2], multipliers.length);
  }
  const levelByte = 4 * words.length;
  const sumByte = levelByte + PAIR_LEVEL_BYTES * levels.length;
  const pivotByte = sumByte + 4 * sums.length;
  const multiplierRecordByte = pivotByte + 4 * pivots.length;
  const updateByte = multiplierRecordByte + 4 * multipliers.length;
  const luByte = align16(updateByte + 4 * updates.length);
  const inversePivotByte = luByte + 32 * plan.size;
  const pivotBeforeByte = inversePivotByte + 32 * n;
  const weightsByte = pivotBeforeByte + 16 * n;
  const multiplierCount = multipliers.length / 4;
  const multiplierByte = weightsByte + 8 * multiplierCount;
  const largestByte = align16(multiplierByte + 4 * multiplierCount);
  const constantByte = largestByte + 16;
  const termsByte = constantByte + 32 * plan.size;
  const termsCapacity = plan.slotOffset.length;
  const end = termsByte + TERM_BYTES * termsCapacity;
  // Records hold bytes of the paired storage: entry offsets shifted by where it starts; levels
  // hold bytes of records.
  const entry = (byte: number) => luByte + byte;
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
  const recordBytes = [sumByte, pivotByte, multiplierRecordByte];
  ranges.forEach((index, i) => words.push(recordBytes[(i >> 1) % 3]! + 4 * index));
  // One push per word: a plan's records can outnumber what a call may take as arguments. Each
  // word of a record is an entry's byte, kept as it is, or an update record's byte.
  const append = (records: readonly number[], kinds: readonly ("entry" | "as is" | "update")[]) => {
    for (let i = 0; i < records.length; i++) {
      const kind = kinds[i % kinds.length];
      const word = records[i]!;
      words.push(kind === "entry" ? entry(word) : kind === "update" ? updateByte + 4 * word : word);
    }
  };
  append(sums, ["entry"]);
  append(pivots, ["entry", "as is"]);
  append(multipliers, ["entry", "as is", "update", "update"]);
  append(updates, ["entry"]);
  // The multipliers' entries in the program's order, for the largest multiplier.
  const inOrder: number[] = [];
  for (let k = 0, c = 0; k < n; k++) {
    c++;
    const eliminations = program[c++]!;
    for (let e = 0; e < eliminations; e++) {
      inOrder.push(entry(16 * program[c++]!));
      const count = program[c++]!;
      c += 2 * count;
    }
  }
  return {
    layout: {
      luByte,
      inversePivotByte,
      weightsByte,
      multipliers: multiplierCount,
      largestByte,
      constantByte,
      termsByte,
      termsCapacity,
      pages: Math.max(1, Math.ceil(end / 65536)),
    },
    tables: Int32Array.from(words),
    tailTables: Int32Array.from(inOrder),
    tailByte: multiplierByte,
  };
}

function align16(byte: number): number {
  return Math.ceil(byte / 16) * 16;
}
