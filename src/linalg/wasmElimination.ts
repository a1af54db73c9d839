import type { FactorPlan } from "./factorPlan.js";
import {
  BLOCK,
  BR_IF,
  Emitter,
  F64,
  F64X2_ADD,
  F64X2_EXTRACT_LANE,
  F64X2_MUL,
  F64X2_REPLACE_LANE,
  F64X2_SPLAT,
  F64X2_SUB,
  F64_ABS,
  F64_ADD,
  F64_CONST,
  F64_DIV,
  F64_GT,
  F64_LE,
  F64_LT,
  F64_MUL,
  F64_NEG,
  I32,
  I32_CONST,
  I32_EQZ,
  I32_OR,
  IF,
  LOCAL_GET,
  LOCAL_SET,
  LOCAL_TEE,
  RETURN,
  END,
  SELECT,
  V128,
  VOID,
  functionModule,
  wasmApi,
} from "./wasmModule.js";

/*
 * The numeric factorisation of a plan as a WebAssembly function: the plan's program (see FactorPlan)
 * unrolled into straight-line code with every offset a constant, one complex value per 128-bit SIMD
 * register. It does the arithmetic of the JavaScript loop in the same order, operation by operation
 * (a complex product (a + jb)(c + jd) as [a, a]·[c, d] + [−b, b]·[d, c]: lane by lane the same
 * products and sums; WebAssembly has no fused multiply–add), so its factors are bit-identical to
 * the loop's. Measured on the tribrid reference design (139 unknowns, 874 operations): 1.7 µs per
 * factorisation against 2.9 µs for the generated JavaScript (compiledElimination.ts).
 *
 * It also finds the largest weighted multiplier of the factor as it goes (see multipliers.ts),
 * which would otherwise take a second pass over L.
 *
 * The function works on a memory of its own per factorisation object; the factor's storage (`lu`),
 * the inverse pivots, the pivots before elimination and the multipliers' weights live in it at the
 * byte offsets of `WasmLayout`, and the caller reads and writes them through Float64Array views.
 */

/** Byte offsets of the regions of the memory an instance works on (all 8-byte aligned). */
export interface WasmLayout {
  /** The L + U storage starts at byte 0 and is 2 × plan.size doubles long. */
  readonly inversePivotByte: number;
  readonly pivotBeforeByte: number;
  /** One weight per multiplier, in the program's order of eliminations (multiplierLayout's). */
  readonly weightsByte: number;
  /** Where the largest weighted multiplier of the last successful elimination is written. */
  readonly largestByte: number;
  /** Where the largest of the head's multipliers is written (when the head is eliminated). */
  readonly headLargestByte: number;
  /** The end of the regions, and the 64 KiB pages the memory needs for them. */
  readonly endByte: number;
  readonly pages: number;
}

export interface WasmElimination {
  readonly module: object;
  readonly layout: WasmLayout;
}

/**
 * The exported function: eliminates along the plan, 1 on success, 0 when a pivot is untrusted.
 * `tailOnly` 1: skips the head (see FactorPlan.headSteps), whose sums must be in place.
 */
export type WasmEliminate = (limit: number, tailOnly: number) => number;

/**
 * The plan's elimination as a WebAssembly module; undefined where WebAssembly (with SIMD) is not
 * available or not allowed to compile here (a Content-Security-Policy without 'wasm-unsafe-eval', a
 * browser's limit on compiling on the main thread): the caller keeps its JavaScript.
 */
export function compileWasmElimination(plan: FactorPlan, n: number): WasmElimination | undefined {
  const api = wasmApi();
  if (api === undefined) return undefined;
  const layout = layoutOf(plan, n);
  const bytes = moduleBytes(plan, n, layout);
  try {
    if (!api.validate(bytes)) return undefined;
    return { module: new api.Module(bytes), layout };
  } catch {
    return undefined;
  }
}

function layoutOf(plan: FactorPlan, n: number): WasmLayout {
  let multipliers = 0;
  const { program } = plan;
  let c = 0;
  for (let k = 0; k < n; k++) {
    c++;
    const eliminations = program[c++]!;
    multipliers += eliminations;
    for (let e = 0; e < eliminations; e++) {
      c++;
      const updates = program[c++]!;
      c += 2 * updates;
    }
  }
  const inversePivotByte = 16 * plan.size;
  const pivotBeforeByte = inversePivotByte + 16 * n;
  const weightsByte = pivotBeforeByte + 8 * n;
  const largestByte = weightsByte + 8 * multipliers;
  const headLargestByte = largestByte + 8;
  const end = headLargestByte + 8;
  return {
    inversePivotByte,
    pivotBeforeByte,
    weightsByte,
    largestByte,
    headLargestByte,
    endByte: end,
    pages: Math.max(1, Math.ceil(end / 65536)),
  };
}

// Locals: 0 and 1 are the parameters `limit` and `tailOnly`; then f64 pr, pi, m, r, ir, ii, largest,
// size; then v128.
const LIMIT = 0;
const TAIL_ONLY = 1;
const PR = 2;
const PI = 3;
const M = 4;
const R = 5;
const IR = 6;
const II = 7;
const LARGEST = 8;
const SIZE = 9;
const F64_LOCALS = 8;
/** [ir, ii] and [−ii, ir]: the inverse pivot for a complex product. */
const INV = 10;
const INV_SWAPPED = 11;
/** The multiplier l and its forms [lr, lr] and [−li, li]. */
const L = 12;
const L_RE = 13;
const L_IM = 14;
const U = 15;
const V128_LOCALS = 6;

/** The module: imports env.memory, exports eliminate(limit: f64) → i32. */
function moduleBytes(plan: FactorPlan, n: number, layout: WasmLayout): Uint8Array {
  const { program, pivotOffset, headSteps, boundary } = plan;
  const { inversePivotByte, pivotBeforeByte, weightsByte, largestByte, headLargestByte } = layout;
  const {
    code,
    op,
    simd,
    lane,
    address,
    loadF64,
    storeF64,
    loadV128,
    storeV128,
    negateLane0,
    swapLanes,
  } = new Emitter();
  // Every pivot's magnitude before elimination, for the cancellation check: the tail's first, then
  // (in the block that `tailOnly` skips) the head's, which the head's elimination does not change.
  const snapshot = (k: number) => {
    const d = 8 * pivotOffset[k]!;
    address();
    loadF64(d);
    op(F64_ABS);
    loadF64(d + 8);
    op(F64_ABS, F64_ADD);
    storeF64(pivotBeforeByte + 8 * k);
  };
  for (let k = headSteps; k < n; k++) snapshot(k);
  op(F64_CONST);
  code.f64(0);
  op(LOCAL_SET, LARGEST);
  let c = 0;
  let multiplier = 0;
  // The head in a block that `tailOnly` skips; its largest multiplier kept apart.
  op(BLOCK, VOID, LOCAL_GET, TAIL_ONLY, BR_IF, 0);
  for (let k = 0; k < Math.min(headSteps, n); k++) snapshot(k);
  for (let k = 0; k < n; k++) {
    if (k === headSteps) {
      address();
      op(LOCAL_GET, LARGEST);
      storeF64(headLargestByte);
      op(END);
      // The boundary: a(target) += a(sum), both lanes at once (the same sums as one by one).
      for (let b = 0; b < boundary.length; b += 2) {
        address();
        loadV128(8 * boundary[b]!);
        loadV128(8 * boundary[b + 1]!);
        simd(F64X2_ADD);
        storeV128(8 * boundary[b]!);
      }
    }
    const d = 8 * program[c++]!;
    const eliminations = program[c++]!;
    // pr, pi; m = |pr| + |pi|; if (!(m > limit·pb[k]) || m < 1e-300) return 0
    loadF64(d);
    op(LOCAL_SET, PR);
    loadF64(d + 8);
    op(LOCAL_SET, PI, LOCAL_GET, PR, F64_ABS, LOCAL_GET, PI, F64_ABS, F64_ADD, LOCAL_SET, M);
    op(LOCAL_GET, M, LOCAL_GET, LIMIT);
    loadF64(pivotBeforeByte + 8 * k);
    op(F64_MUL, F64_GT, I32_EQZ, LOCAL_GET, M, F64_CONST);
    code.f64(1e-300);
    op(F64_LT, I32_OR, IF, VOID, I32_CONST, 0, RETURN, END);
    // r = 1 / (pr² + pi²); ir = pr·r; ii = −pi·r
    op(F64_CONST);
    code.f64(1);
    op(LOCAL_GET, PR, LOCAL_GET, PR, F64_MUL, LOCAL_GET, PI, LOCAL_GET, PI, F64_MUL, F64_ADD);
    op(F64_DIV, LOCAL_SET, R);
    op(LOCAL_GET, PR, LOCAL_GET, R, F64_MUL, LOCAL_SET, IR);
    op(LOCAL_GET, PI, F64_NEG, LOCAL_GET, R, F64_MUL, LOCAL_SET, II);
    address();
    op(LOCAL_GET, IR);
    storeF64(inversePivotByte + 16 * k);
    address();
    op(LOCAL_GET, II);
    storeF64(inversePivotByte + 16 * k + 8);
    if (eliminations > 0) {
      op(LOCAL_GET, IR);
      simd(F64X2_SPLAT);
      op(LOCAL_GET, II);
      lane(F64X2_REPLACE_LANE, 1);
      op(LOCAL_SET, INV, LOCAL_GET, II, F64_NEG);
      simd(F64X2_SPLAT);
      op(LOCAL_GET, IR);
      lane(F64X2_REPLACE_LANE, 1);
      op(LOCAL_SET, INV_SWAPPED);
    }
    for (let e = 0; e < eliminations; e++) {
      const t = 8 * program[c++]!;
      const updates = program[c++]!;
      // l = [ar, ar]·[ir, ii] + [ai, ai]·[−ii, ir] = (ar·ir − ai·ii, ar·ii + ai·ir)
      loadV128(t);
      op(LOCAL_TEE, L);
      lane(F64X2_EXTRACT_LANE, 0);
      simd(F64X2_SPLAT);
      op(LOCAL_GET, INV);
      simd(F64X2_MUL);
      op(LOCAL_GET, L);
      lane(F64X2_EXTRACT_LANE, 1);
      simd(F64X2_SPLAT);
      op(LOCAL_GET, INV_SWAPPED);
      simd(F64X2_MUL);
      simd(F64X2_ADD);
      op(LOCAL_SET, L);
      address();
      op(LOCAL_GET, L);
      storeV128(t);
      // size = (|lr| + |li|)·weight; if (!(size <= largest)) largest = size
      op(LOCAL_GET, L);
      lane(F64X2_EXTRACT_LANE, 0);
      op(F64_ABS, LOCAL_GET, L);
      lane(F64X2_EXTRACT_LANE, 1);
      op(F64_ABS, F64_ADD);
      loadF64(weightsByte + 8 * multiplier++);
      op(F64_MUL, LOCAL_TEE, SIZE, LOCAL_GET, LARGEST, LOCAL_GET, SIZE, LOCAL_GET, LARGEST);
      op(F64_LE, I32_EQZ, SELECT, LOCAL_SET, LARGEST);
      if (updates > 0) {
        op(LOCAL_GET, L);
        lane(F64X2_EXTRACT_LANE, 0);
        simd(F64X2_SPLAT);
        op(LOCAL_SET, L_RE, LOCAL_GET, L);
        lane(F64X2_EXTRACT_LANE, 1);
        simd(F64X2_SPLAT);
        negateLane0();
        op(LOCAL_SET, L_IM);
      }
      for (let u = 0; u < updates; u++) {
        const dst = 8 * program[c++]!;
        const src = 8 * program[c++]!;
        // a(dst) −= l·u: [lr, lr]·[ur, ui] + [−li, li]·[ui, ur] = (lr·ur − li·ui, lr·ui + li·ur)
        address();
        loadV128(dst);
        op(LOCAL_GET, L_RE);
        loadV128(src);
        op(LOCAL_TEE, U);
        simd(F64X2_MUL);
        op(LOCAL_GET, L_IM, LOCAL_GET, U, LOCAL_GET, U);
        swapLanes();
        simd(F64X2_MUL);
        simd(F64X2_ADD);
        simd(F64X2_SUB);
        storeV128(dst);
      }
    }
  }
  if (headSteps >= n) {
    address();
    op(LOCAL_GET, LARGEST);
    storeF64(headLargestByte);
    op(END);
  }
  address();
  op(LOCAL_GET, LARGEST);
  storeF64(largestByte);
  op(I32_CONST, 1);

  return functionModule({
    exportName: "eliminate",
    params: [F64, I32],
    result: I32,
    memoryPages: layout.pages,
    locals: [
      [F64_LOCALS, F64],
      [V128_LOCALS, V128],
    ],
    code: code.view(),
  });
}

/**
 * A compiled elimination instantiated on a memory of its own, with Float64Array views of its
 * regions (see WasmLayout); `weights` must hold the multipliers' weights before `eliminate` runs.
 */
export interface WasmInstance {
  readonly eliminate: WasmEliminate;
  /** The memory it works on (for other modules along the same plan: see wasmCheck.ts). */
  readonly memory: { readonly buffer: ArrayBuffer };
  readonly lu: Float64Array;
  readonly inversePivot: Float64Array;
  readonly pivotBefore: Float64Array;
  readonly weights: Float64Array;
  /**
   * [0]: the largest weighted multiplier of the last successful elimination (of the tail alone
   * when it skipped the head); [1]: the head's, from the last elimination that ran it.
   */
  readonly largest: Float64Array;
}

/**
 * Instantiates `compiled` for a plan of `luSize` entries and `n` unknowns, on a memory of at least
 * `pages` (and what its layout needs); undefined if refused.
 */
export function instantiateElimination(
  compiled: WasmElimination,
  luSize: number,
  n: number,
  pages = 0,
): WasmInstance | undefined {
  const { layout } = compiled;
  const api = wasmApi();
  if (api === undefined) return undefined;
  try {
    const memory = new api.Memory({ initial: Math.max(pages, layout.pages) });
    const instance = new api.Instance(compiled.module, { env: { memory } });
    const { buffer } = memory;
    const weightCount = (layout.largestByte - layout.weightsByte) / 8;
    return {
      eliminate: instance.exports["eliminate"] as WasmEliminate,
      memory,
      lu: new Float64Array(buffer, 0, 2 * luSize),
      inversePivot: new Float64Array(buffer, layout.inversePivotByte, 2 * n),
      pivotBefore: new Float64Array(buffer, layout.pivotBeforeByte, n),
      weights: new Float64Array(buffer, layout.weightsByte, weightCount),
      largest: new Float64Array(buffer, layout.largestByte, 2),
    };
  } catch {
    return undefined;
  }
}
