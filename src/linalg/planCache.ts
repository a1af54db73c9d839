import type { CompiledSolve, Elimination } from "./compiledElimination.js";
import type { WasmCheck } from "./wasmCheck.js";
import type { WasmElimination } from "./wasmElimination.js";
import type { WasmPairElimination } from "./wasmPairElimination.js";
import { buildFactorPlan, type FactorPlan } from "./factorPlan.js";
import type { PivotOrder } from "./markowitz.js";

/**
 * Plans by pattern and pivot order, shared by every factorisation of that pattern along that order
 * (a plan is a pure function of the two), most recently used last. A design simulated again and
 * again — an optimiser's evaluations, an interactive edit — usually orders the same way each time,
 * and then finds its plan built and its code compiled (and optimised by the engine) by the earlier
 * runs. Results do not depend on whether a plan came from here: the code does the loop's arithmetic.
 */
const PLAN_CACHE = new Map<string, CachedPlan>();
/** Plans kept in PLAN_CACHE (the least recently used goes first). */
const PLAN_CACHE_LIMIT = 32;

/** A plan with the pattern it was built for (keys are hashes: a hit is checked against these). */
interface CachedPlan {
  readonly plan: FactorPlan;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
}

/**
 * The plan of the pattern of n unknowns (`rows`, `cols`) along `order`, built or from the cache.
 * Keys are sizes and 32-bit FNV-1a hashes of the arrays; a hit is checked against the arrays.
 */
export function sharedPlan(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  order: PivotOrder,
  headSteps = 0,
): FactorPlan {
  const pattern = `${n};${rows.length};${hashOf(rows)};${hashOf(cols)}`;
  const key = `${pattern};${hashOf(order.rowOrder)};${hashOf(order.colOrder)};${headSteps}`;
  const cached = PLAN_CACHE.get(key);
  if (cached !== undefined) {
    const { plan } = cached;
    const same =
      sameValues(cached.rows, rows) &&
      sameValues(cached.cols, cols) &&
      sameValues(plan.rowOrder, order.rowOrder) &&
      sameValues(plan.colOrder, order.colOrder) &&
      plan.headSteps === headSteps;
    PLAN_CACHE.delete(key);
    if (same) {
      PLAN_CACHE.set(key, cached);
      return plan;
    }
  }
  const plan = buildFactorPlan(n, rows, cols, order, headSteps);
  if (PLAN_CACHE.size >= PLAN_CACHE_LIMIT) PLAN_CACHE.delete(PLAN_CACHE.keys().next().value!);
  PLAN_CACHE.set(key, { plan, rows, cols });
  return plan;
}

function hashOf(values: Int32Array): number {
  let hash = 2166136261;
  for (let i = 0; i < values.length; i++) hash = Math.imul(hash ^ values[i]!, 16777619);
  return hash >>> 0;
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Empties PLAN_CACHE: factorisations started afterwards build their own plans (and run the loops
 * until their own code is compiled). For tests and cold-start measurements; results are the same.
 */
export function forgetSharedPlans(): void {
  PLAN_CACHE.clear();
}

/** A compiled solve and its uses so far (code: undefined until tried, null if not possible). */
export interface SolveCode {
  uses: number;
  code: CompiledSolve | null | undefined;
}

/** Code compiled for one plan, shared by every factorisation along it. */
export interface PlanCode {
  /** Factorisations along the plan so far (counted until COMPILE_AFTER_USES). */
  factorisations: number;
  /** The elimination in WebAssembly: undefined until tried, null where not possible. */
  wasm: WasmElimination | null | undefined;
  /**
   * The accuracy check in WebAssembly (wasmCheck.ts), on the elimination's memory: compiled with
   * it, null where not possible.
   */
  check: WasmCheck | null | undefined;
  /**
   * The elimination as generated JavaScript, where WebAssembly is not possible: undefined until
   * tried, null where not possible either (too large, CSP).
   */
  elimination: Elimination | null | undefined;
  /**
   * Two eliminations at once in WebAssembly (wasmPairElimination.ts): the plan's tables for the
   * kernel, by the entries the assembly writes (their list joined by commas), made when a sweep
   * first asks for them; null where not possible.
   */
  readonly pairs: Map<string, WasmPairElimination | null>;
  /** Compiled partial solves, by first driven step and wanted unknowns. */
  readonly solves: Map<string, SolveCode>;
}

const PLAN_CODE = new WeakMap<FactorPlan, PlanCode>();

/** The shared code record of `plan`. */
export function planCode(plan: FactorPlan): PlanCode {
  let code = PLAN_CODE.get(plan);
  if (code === undefined) {
    code = {
      factorisations: 0,
      wasm: undefined,
      check: undefined,
      elimination: undefined,
      pairs: new Map(),
      solves: new Map(),
    };
    PLAN_CODE.set(plan, code);
  }
  return code;
}

/** The shared record of one partial solve along a plan, by key (first driven step; wanted). */
export function solveCode(code: PlanCode, key: string): SolveCode {
  let entry = code.solves.get(key);
  if (entry === undefined) {
    entry = { uses: 0, code: undefined };
    code.solves.set(key, entry);
  }
  return entry;
}

/**
 * Factorisations along one plan (or repeats of one solve) after which its code is compiled (when
 * small enough: see MAX_COMPILED_OPERATIONS), counted over every use of the plan (see PLAN_CACHE).
 * Until the engine optimises it, the generated code is slower than the loop, so this is more than
 * one sweep of the usual 1000 points needs: a one-off simulation never pays for compiling, and a
 * design swept again and again (an optimiser, an interactive edit) wins.
 */
export const COMPILE_AFTER_USES = 1500;
