import type { FactorPlan } from "./factorPlan.js";
import { type AssemblyLoad, loadAssembly, pairAssemblyBytes } from "./pairAssembly.js";
import { pairKernelBytes } from "./pairKernel.js";
import { type PairTables, pairTables } from "./pairTables.js";
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
 * paired storage, and of the constant image above it: the two real parts, then the two imaginary
 * parts (pairTables.ts says which of the two holds an entry when). The inverse pivots are laid out
 * alike, 32 bytes a pivot step; each pivot's magnitude before elimination is a pair of doubles; the
 * multipliers' weights are single doubles (the same for both matrices), the largest weighted
 * multiplier a pair.
 */

/** A plan's tables for the kernel (pairTables.ts) and the modules that read them. */
export interface WasmPairElimination extends PairTables {
  readonly module: object;
  /** The assembly's module (pairAssembly.ts), instantiated on the same memory. */
  readonly assembly: object;
  /** Per entry, 1 where the assembly writes it every time (what the tables were made for). */
  readonly dynamic: Uint8Array;
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
  readonly load: AssemblyLoad;
  /**
   * The paired storage, then the constant image at `imageAt`: entry p's real parts at 4p, 4p + 1,
   * imaginary parts at 4p + 2, 4p + 3 of either.
   */
  readonly lu: Float64Array;
  readonly imageAt: number;
  /** Per entry, where its factor is after `eliminate` (see PairTables.finalAt). */
  readonly finalAt: Int32Array;
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
  dynamic: Uint8Array,
): WasmPairElimination | undefined {
  const compiled = kernelModules();
  if (compiled === null) return undefined;
  const tables = pairTables(plan, n, dynamic);
  return { module: compiled.kernel, assembly: compiled.assembly, dynamic, ...tables };
}

/** Instantiates `compiled` for a plan of `n` unknowns; undefined if refused. */
export function instantiatePair(
  compiled: WasmPairElimination,
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
        loadAssembly(buffer, layout, compiled.dynamic, constantLu, jOffsets, jTimes, jOver),
      lu: new Float64Array(buffer, layout.luByte, layout.imageDelta / 4),
      imageAt: layout.imageDelta / 8,
      finalAt: compiled.finalAt,
      inversePivot: new Float64Array(buffer, layout.inversePivotByte, 4 * n),
      weights: new Float64Array(buffer, layout.weightsByte, layout.multipliers),
      largest: new Float64Array(buffer, layout.largestByte, 2),
    };
  } catch {
    return undefined;
  }
}
