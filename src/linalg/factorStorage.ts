import {
  MAX_COMPILED_OPERATIONS,
  compileElimination,
  planOperations,
} from "./compiledElimination.js";
import type { RowIndex } from "./backwardError.js";
import { eliminateLoop } from "./eliminationLoop.js";
import type { FactorPlan } from "./factorPlan.js";
import { type MultiplierLayout, largestMultiplier } from "./multipliers.js";
import { COMPILE_AFTER_USES, type PlanCode } from "./planCache.js";
import { compileWasmCheck } from "./wasmCheck.js";
import { type WasmCheckInstance, instantiateCheck } from "./wasmCheckInstance.js";
import {
  type PairInstance,
  type WasmPairElimination,
  compilePairElimination,
  instantiatePair,
} from "./wasmPairElimination.js";
import {
  type WasmInstance,
  compileWasmElimination,
  instantiateElimination,
} from "./wasmElimination.js";

/**
 * Largest plan compiled to WebAssembly, in pivots + eliminations + updates (about 60 bytes of code
 * each). The engine compiles a module lazily and even its baseline code beats the loop, so the
 * limit only keeps a module to a few megabytes.
 */
const MAX_WASM_OPERATIONS = 50_000;

/**
 * The storage of one factorisation object — L and U (re and im interleaved, entry p at 2p, 2p+1),
 * the inverse pivots, each pivot's magnitude before elimination — and how it is eliminated along a
 * plan: the loop at first; once the plan has served COMPILE_AFTER_USES factorisations, its
 * WebAssembly (wasmElimination.ts) or, where that cannot run, generated JavaScript
 * (compiledElimination.ts). All three do the same arithmetic in the same order. Under WebAssembly
 * the arrays are views of the instance's memory: fetch them again after every `eliminate`.
 */
export class FactorStorage {
  lu: Float64Array = new Float64Array(0);
  inversePivot: Float64Array;
  pivotBefore: Float64Array;
  /** The WebAssembly elimination of `wasmPlan`, on the memory that holds the arrays above. */
  private wasm: WasmInstance | undefined;
  /** The accuracy check of `wasmPlan` on the same memory (see wasmCheck.ts), when it compiled. */
  private check: WasmCheckInstance | undefined;
  private wasmPlan: FactorPlan | undefined;
  /** The multipliers' weights given to `wasm` (see multipliers.ts). */
  private wasmWeights: MultiplierLayout | undefined;
  /** Whether the last elimination ran in WebAssembly (which found the largest multiplier itself). */
  private largestByWasm = false;
  /** Whether the last elimination skipped the head (see FactorPlan.headSteps). */
  private lastTailOnly = false;
  /** The paired elimination of `pairCompiled` (see pairAlong), on a memory of its own. */
  private pair: PairInstance | undefined;
  private pairCompiled: WasmPairElimination | undefined;
  private pairWeights: MultiplierLayout | undefined;

  constructor(
    private readonly n: number,
    /** The pattern's rows (for the accuracy check's code). */
    private readonly byRow: RowIndex,
  ) {
    this.inversePivot = new Float64Array(2 * n);
    this.pivotBefore = new Float64Array(n);
  }

  /** Makes `lu` at least large enough for `plan` (its values are then undefined). */
  fit(plan: FactorPlan): void {
    if (this.lu.length >= 2 * plan.size) return;
    this.lu = new Float64Array(2 * plan.size);
    // `lu` is no longer the instance's memory: the next elimination moves it into a fresh one.
    this.wasmPlan = undefined;
  }

  /** Loads the matrix whose slot values are (re[s], im[s]) into `lu` along `plan`. */
  load(plan: FactorPlan, re: Float64Array, im: Float64Array): void {
    const { lu } = this;
    const { slotOffset, fillOffset } = plan;
    // Slots are distinct entries: assign them, and zero only the fill-in.
    for (let f = 0; f < fillOffset.length; f++) {
      const p = fillOffset[f]!;
      lu[p] = 0;
      lu[p + 1] = 0;
    }
    for (let s = 0; s < slotOffset.length; s++) {
      const p = slotOffset[s]!;
      lu[p] = re[s]!;
      lu[p + 1] = im[s]!;
    }
  }

  /**
   * Eliminates the loaded `lu` along `plan`; false when a pivot's magnitude falls to `limit` times
   * its value before elimination or below 1e-300 (see eliminationLoop.ts). `code` is the plan's
   * shared code, `multipliers` the plan's multiplier layout (for `largestMultiplier`). With
   * `tailOnly`, the head is skipped: its sums must already be in place (see FactorPlan.headSteps).
   */
  eliminate(
    plan: FactorPlan,
    code: PlanCode,
    multipliers: MultiplierLayout,
    limit: number,
    tailOnly = false,
  ) {
    const n = this.n;
    this.lastTailOnly = tailOnly;
    if (
      code.wasm === undefined &&
      code.elimination === undefined &&
      ++code.factorisations >= COMPILE_AFTER_USES
    ) {
      const operations = planOperations(plan, n);
      code.wasm = (operations <= MAX_WASM_OPERATIONS && compileWasmElimination(plan, n)) || null;
      code.check = (code.wasm && compileWasmCheck(plan, n, this.byRow, code.wasm.layout)) || null;
      if (!code.wasm) {
        code.elimination =
          (operations <= MAX_COMPILED_OPERATIONS && compileElimination(plan, n)) || null;
      }
    }
    if (code.wasm && (this.wasmPlan === plan || this.useWasm(plan, code))) {
      const wasm = this.wasm!;
      if (this.wasmWeights !== multipliers) {
        wasm.weights.set(multipliers.weights);
        this.wasmWeights = multipliers;
      }
      this.largestByWasm = true;
      return wasm.eliminate(limit, tailOnly ? 1 : 0) === 1;
    }
    this.largestByWasm = false;
    const { lu, inversePivot, pivotBefore } = this;
    if (code.elimination && !tailOnly)
      return code.elimination(lu, inversePivot, pivotBefore, limit);
    return eliminateLoop(plan, n, lu, inversePivot, pivotBefore, limit, tailOnly);
  }

  /**
   * The WebAssembly elimination along `plan` (its weights set to `multipliers`'), for a caller that
   * calls it directly (see SparseComplexLu.tailRoutine); undefined where it is not in use here.
   */
  wasmAlong(plan: FactorPlan, multipliers: MultiplierLayout): WasmInstance | undefined {
    const wasm = this.wasm;
    if (wasm === undefined || this.wasmPlan !== plan) return undefined;
    if (this.wasmWeights !== multipliers) {
      wasm.weights.set(multipliers.weights);
      this.wasmWeights = multipliers;
    }
    this.largestByWasm = true;
    return wasm;
  }

  /**
   * The paired WebAssembly elimination along `plan` (wasmPairElimination.ts) for an assembly that
   * writes the entries `dynamic`, its weights set to `multipliers`'; the tables made into the
   * plan's `code` on the first call for those entries. Undefined where WebAssembly cannot run here.
   */
  pairAlong(
    plan: FactorPlan,
    code: PlanCode,
    multipliers: MultiplierLayout,
    /** The entries the assembly writes every time (see pairTables.ts), ascending. */
    dynamic: Int32Array,
  ): PairInstance | undefined {
    const key = dynamic.join();
    let compiled = code.pairs.get(key);
    if (compiled === undefined) {
      const flags = new Uint8Array(plan.size);
      for (const entry of dynamic) flags[entry] = 1;
      compiled = compilePairElimination(plan, this.n, flags) ?? null;
      code.pairs.set(key, compiled);
    }
    if (compiled === null) return undefined;
    if (this.pairCompiled !== compiled) {
      this.pair = instantiatePair(compiled, this.n);
      this.pairCompiled = compiled;
      this.pairWeights = undefined;
    }
    const pair = this.pair;
    if (pair !== undefined && this.pairWeights !== multipliers) {
      pair.weights.set(multipliers.weights);
      this.pairWeights = multipliers;
    }
    return pair;
  }

  /**
   * The largest weighted multiplier of the last successful elimination (see multipliers.ts); of
   * the tail alone when it skipped the head.
   */
  largestMultiplier(multipliers: MultiplierLayout): number {
    if (this.largestByWasm) return this.wasm!.largest[0]!;
    return largestMultiplier(this.lu, multipliers, this.lastTailOnly ? multipliers.headCount : 0);
  }

  /** The largest weighted multiplier of the head, after an elimination that ran it. */
  headLargestMultiplier(multipliers: MultiplierLayout): number {
    if (this.largestByWasm) return this.wasm!.largest[1]!;
    return largestMultiplier(this.lu, multipliers, 0, multipliers.headCount);
  }

  /**
   * The accuracy check of SparseComplexLu.solveRefined in WebAssembly (see wasmCheck.ts) on the
   * last factorisation along `plan`: the matrix by slot (re, im), b, and x written; returns the
   * backward error. Undefined, doing nothing, where the plan has no compiled check in use here:
   * the caller runs its JavaScript, which gives the same bits.
   */
  checkedSolve(
    plan: FactorPlan,
    re: Float64Array,
    im: Float64Array,
    bRe: Float64Array,
    bIm: Float64Array,
    xRe: Float64Array,
    xIm: Float64Array,
    refineAbove: number,
  ): number | undefined {
    const check = this.check;
    if (check === undefined || this.wasmPlan !== plan || re.length !== check.matrixRe.length)
      return undefined;
    const n = this.n;
    check.matrixRe.set(re);
    check.matrixIm.set(im);
    check.rhsRe.set(bRe.subarray(0, n));
    check.rhsIm.set(bIm.subarray(0, n));
    // The step of refinement only where the first solve's backward error asks for it.
    let error = check.run(refineAbove, 0);
    if (error > refineAbove) error = check.run(refineAbove, 1);
    xRe.set(check.solutionRe);
    xIm.set(check.solutionIm);
    return error;
  }

  /**
   * Moves the arrays into a fresh instance of the plan's WebAssembly elimination (and its check),
   * values copied (a caller may have assembled the matrix into `lu` already). False, changing
   * nothing, when it cannot be instantiated.
   */
  private useWasm(plan: FactorPlan, code: PlanCode): boolean {
    const compiled = code.wasm!;
    const checkPages = code.check ? Math.ceil(code.check.layout.endByte / 65536) : 0;
    const wasm = instantiateElimination(compiled, plan.size, this.n, checkPages);
    if (wasm === undefined) return false;
    wasm.lu.set(this.lu.subarray(0, wasm.lu.length));
    wasm.inversePivot.set(this.inversePivot);
    wasm.pivotBefore.set(this.pivotBefore);
    this.lu = wasm.lu;
    this.inversePivot = wasm.inversePivot;
    this.pivotBefore = wasm.pivotBefore;
    this.wasm = wasm;
    this.check =
      (code.check && instantiateCheck(code.check, wasm.memory, this.n, this.byRow.bySlot.length)) ??
      undefined;
    this.wasmPlan = plan;
    this.wasmWeights = undefined;
    return true;
  }
}
