import {
  MAX_COMPILED_OPERATIONS,
  compileElimination,
  planOperations,
} from "./compiledElimination.js";
import { eliminateLoop } from "./eliminationLoop.js";
import type { FactorPlan } from "./factorPlan.js";
import { type MultiplierLayout, largestMultiplier } from "./multipliers.js";
import { COMPILE_AFTER_USES, type PlanCode } from "./planCache.js";
import {
  type WasmElimination,
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
  private wasmPlan: FactorPlan | undefined;
  /** The multipliers' weights given to `wasm` (see multipliers.ts). */
  private wasmWeights: MultiplierLayout | undefined;
  /** Whether the last elimination ran in WebAssembly (which found the largest multiplier itself). */
  private largestByWasm = false;
  /** Whether the last elimination skipped the head (see FactorPlan.headSteps). */
  private lastTailOnly = false;

  constructor(private readonly n: number) {
    this.inversePivot = new Float64Array(2 * n);
    this.pivotBefore = new Float64Array(n);
  }

  /** Makes `lu` at least large enough for `plan` (its values are then undefined). */
  fit(plan: FactorPlan): void {
    if (this.lu.length < 2 * plan.size) this.lu = new Float64Array(2 * plan.size);
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
      if (!code.wasm) {
        code.elimination =
          (operations <= MAX_COMPILED_OPERATIONS && compileElimination(plan, n)) || null;
      }
    }
    if (code.wasm && (this.wasmPlan === plan || this.useWasm(plan, code.wasm))) {
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
   * Moves the arrays into a fresh instance of the plan's WebAssembly elimination, values copied (a
   * caller may have assembled the matrix into `lu` already). False, changing nothing, when it
   * cannot be instantiated.
   */
  private useWasm(plan: FactorPlan, compiled: WasmElimination): boolean {
    const wasm = instantiateElimination(compiled, plan.size, this.n);
    if (wasm === undefined) return false;
    wasm.lu.set(this.lu.subarray(0, wasm.lu.length));
    wasm.inversePivot.set(this.inversePivot);
    wasm.pivotBefore.set(this.pivotBefore);
    this.lu = wasm.lu;
    this.inversePivot = wasm.inversePivot;
    this.pivotBefore = wasm.pivotBefore;
    this.wasm = wasm;
    this.wasmPlan = plan;
    this.wasmWeights = undefined;
    return true;
  }
}
