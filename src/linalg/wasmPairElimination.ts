import type { FactorPlan } from "./factorPlan.js";
import {
  Emitter,
  F64X2_ABS,
  F64X2_ADD,
  F64X2_DIV,
  F64X2_GE,
  F64X2_GT,
  F64X2_LE,
  F64X2_MUL,
  F64X2_NEG,
  F64X2_SPLAT,
  F64X2_SUB,
  F64,
  I32,
  I32_ADD,
  I32_CONST,
  I32_LOAD,
  I32_LT_U,
  I32_EQZ,
  I64X2_ALL_TRUE,
  IF,
  LOCAL_GET,
  LOCAL_SET,
  LOCAL_TEE,
  LOOP,
  BR_IF,
  RETURN,
  END,
  V128,
  V128_AND,
  V128_BITSELECT,
  V128_LOAD,
  V128_LOAD64_SPLAT,
  VOID,
  functionModule,
  wasmApi,
} from "./wasmModule.js";

/*
 * Two factorisations along one plan at once — the matrices of two frequencies — as one WebAssembly
 * function: the plan's program unrolled as in wasmElimination.ts, but each 128-bit register holds
 * the same part (real or imaginary) of one entry at both frequencies, lane 0 the first and lane 1
 * the second. A complex product is then four lane-wise products and two sums for both matrices,
 * with no shuffles and no splats: about half the instructions per matrix of the single elimination.
 * Each lane does the loop's arithmetic (eliminationLoop.ts) in its order, so its factor is
 * bit-identical to a single factorisation of its matrix.
 *
 * Entry p of the plan (its real part at double 2p of the single storage) sits at byte 32p: the two
 * real parts, then the two imaginary parts. The inverse pivots are laid out alike, 32 bytes a
 * pivot step; each pivot's magnitude before elimination is a pair of doubles; the multipliers'
 * weights are single doubles (the same for both matrices), the largest weighted multiplier a pair.
 */

/** Byte offsets of the regions of a pair instance's memory. */
export interface PairLayout {
  /** The paired L + U storage starts at byte 0 and is 32 × plan.size bytes long. */
  readonly inversePivotByte: number;
  readonly pivotBeforeByte: number;
  /** One weight per multiplier, in the program's order (multiplierLayout's). */
  readonly weightsByte: number;
  /** Each multiplier's byte in the paired storage (i32), in the same order. */
  readonly multiplierByte: number;
  readonly multipliers: number;
  /** The largest weighted multiplier of each matrix after a successful elimination. */
  readonly largestByte: number;
  readonly endByte: number;
  readonly pages: number;
}

export interface WasmPairElimination {
  readonly module: object;
  readonly layout: PairLayout;
  /** What the memory's region at layout.multiplierByte must hold (see instantiatePair). */
  readonly multiplierBytes: Int32Array;
}

/**
 * The exported function: eliminates both matrices along the plan, 1 on success, 0 when a pivot of
 * either is untrusted (see eliminationLoop.ts's test; `limit` as there).
 */
export type PairEliminate = (limit: number) => number;

/** An instance on a memory of its own, with Float64Array views of its regions. */
export interface PairInstance {
  readonly eliminate: PairEliminate;
  /** The paired storage: entry p's real parts at 4p, 4p + 1, imaginary parts at 4p + 2, 4p + 3. */
  readonly lu: Float64Array;
  /** Pivot step k's inverse: real parts at 4k, 4k + 1, imaginary parts at 4k + 2, 4k + 3. */
  readonly inversePivot: Float64Array;
  readonly weights: Float64Array;
  /** [first matrix's, second matrix's] largest weighted multiplier. */
  readonly largest: Float64Array;
}

/**
 * The paired elimination of `plan` as a module; undefined where WebAssembly with SIMD cannot
 * compile here (the caller then factorises one matrix at a time).
 */
export function compilePairElimination(
  plan: FactorPlan,
  n: number,
): WasmPairElimination | undefined {
  const api = wasmApi();
  if (api === undefined) return undefined;
  const layout = layoutOf(plan, n);
  const { bytes, multiplierBytes } = moduleBytes(plan, n, layout);
  try {
    if (!api.validate(bytes)) return undefined;
    return { module: new api.Module(bytes), layout, multiplierBytes };
  } catch {
    return undefined;
  }
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
    const { buffer } = memory;
    new Int32Array(buffer, layout.multiplierByte, layout.multipliers).set(compiled.multiplierBytes);
    return {
      eliminate: instance.exports["eliminate"] as PairEliminate,
      lu: new Float64Array(buffer, 0, 4 * luSize),
      inversePivot: new Float64Array(buffer, layout.inversePivotByte, 4 * n),
      weights: new Float64Array(buffer, layout.weightsByte, layout.multipliers),
      largest: new Float64Array(buffer, layout.largestByte, 2),
    };
  } catch {
    return undefined;
  }
}

function layoutOf(plan: FactorPlan, n: number): PairLayout {
  const { program } = plan;
  let multipliers = 0;
  for (let k = 0, c = 0; k < n; k++) {
    c++;
    const eliminations = program[c++]!;
    multipliers += eliminations;
    for (let e = 0; e < eliminations; e++) {
      c++;
      const updates = program[c++]!;
      c += 2 * updates;
    }
  }
  const inversePivotByte = 32 * plan.size;
  const pivotBeforeByte = inversePivotByte + 32 * n;
  const weightsByte = pivotBeforeByte + 16 * n;
  const multiplierByte = weightsByte + 8 * multipliers;
  const largestByte = multiplierByte + 16 * Math.ceil(multipliers / 4);
  const endByte = largestByte + 16;
  return {
    inversePivotByte,
    pivotBeforeByte,
    weightsByte,
    multiplierByte,
    multipliers,
    largestByte,
    endByte,
    pages: Math.max(1, Math.ceil(endByte / 65536)),
  };
}

// Locals: 0 is the parameter `limit`; then v128 only.
const LIMIT = 0;
const LIMITS = 1;
const LARGEST = 2;
const PR = 3;
const PI = 4;
const R = 5;
const IR = 6;
const II = 7;
const AR = 8;
const AI = 9;
const LR = 10;
const LI = 11;
const UR = 12;
const UI = 13;
const SIZE = 14;
const V128_LOCALS = 14;
/** i32: 4 × the multiplier's index, and its byte in the paired storage. */
const INDEX = 15;
const AT = 16;

/** The module: imports env.memory, exports eliminate(limit: f64) → i32. */
function moduleBytes(
  plan: FactorPlan,
  n: number,
  layout: PairLayout,
): { bytes: Uint8Array; multiplierBytes: Int32Array } {
  const { program, pivotOffset, headSteps, boundary } = plan;
  const { inversePivotByte, pivotBeforeByte, weightsByte, largestByte } = layout;
  const { code, op, simd, address, loadV128, storeV128, splatConst, i32Const } = new Emitter();
  const multiplierBytes: number[] = [];
  /** Byte of the real parts of the entry whose real part is double `t` of the single storage. */
  const at = (t: number) => 16 * t;
  // |re| + |im| of a register pair, on the stack.
  const magnitude = (re: number, im: number) => {
    op(LOCAL_GET, re);
    simd(F64X2_ABS);
    op(LOCAL_GET, im);
    simd(F64X2_ABS);
    simd(F64X2_ADD);
  };
  op(LOCAL_GET, LIMIT);
  simd(F64X2_SPLAT);
  op(LOCAL_SET, LIMITS);
  // Every pivot's magnitude before elimination, both matrices at once.
  for (let k = 0; k < n; k++) {
    const d = at(pivotOffset[k]!);
    address();
    loadV128(d);
    op(LOCAL_SET, PR);
    loadV128(d + 16);
    op(LOCAL_SET, PI);
    magnitude(PR, PI);
    storeV128(pivotBeforeByte + 16 * k);
  }
  let c = 0;
  for (let k = 0; k < n; k++) {
    if (k === headSteps) {
      // The boundary: a(target) += a(sum), real parts and imaginary parts.
      for (let b = 0; b < boundary.length; b += 2) {
        for (const part of [0, 16]) {
          address();
          loadV128(at(boundary[b]!) + part);
          loadV128(at(boundary[b + 1]!) + part);
          simd(F64X2_ADD);
          storeV128(at(boundary[b]!) + part);
        }
      }
    }
    const d = at(program[c++]!);
    const eliminations = program[c++]!;
    loadV128(d);
    op(LOCAL_SET, PR);
    loadV128(d + 16);
    op(LOCAL_SET, PI);
    // Both pivots trusted: m > limit·before and m ≥ 1e-300 (a NaN fails the first), else return 0.
    magnitude(PR, PI);
    op(LOCAL_TEE, SIZE, LOCAL_GET, LIMITS);
    loadV128(pivotBeforeByte + 16 * k);
    simd(F64X2_MUL);
    simd(F64X2_GT);
    op(LOCAL_GET, SIZE);
    splatConst(1e-300);
    simd(F64X2_GE);
    simd(V128_AND);
    simd(I64X2_ALL_TRUE);
    op(I32_EQZ, IF, VOID, I32_CONST, 0, RETURN, END);
    // r = 1 / (pr² + pi²); ir = pr·r; ii = −pi·r
    splatConst(1);
    op(LOCAL_GET, PR, LOCAL_GET, PR);
    simd(F64X2_MUL);
    op(LOCAL_GET, PI, LOCAL_GET, PI);
    simd(F64X2_MUL);
    simd(F64X2_ADD);
    simd(F64X2_DIV);
    op(LOCAL_SET, R);
    address();
    op(LOCAL_GET, PR, LOCAL_GET, R);
    simd(F64X2_MUL);
    op(LOCAL_TEE, IR);
    storeV128(inversePivotByte + 32 * k);
    address();
    op(LOCAL_GET, PI);
    simd(F64X2_NEG);
    op(LOCAL_GET, R);
    simd(F64X2_MUL);
    op(LOCAL_TEE, II);
    storeV128(inversePivotByte + 32 * k + 16);
    for (let e = 0; e < eliminations; e++) {
      const t = at(program[c++]!);
      const updates = program[c++]!;
      // lr = ar·ir − ai·ii; li = ar·ii + ai·ir
      loadV128(t);
      op(LOCAL_SET, AR);
      loadV128(t + 16);
      op(LOCAL_SET, AI);
      address();
      op(LOCAL_GET, AR, LOCAL_GET, IR);
      simd(F64X2_MUL);
      op(LOCAL_GET, AI, LOCAL_GET, II);
      simd(F64X2_MUL);
      simd(F64X2_SUB);
      op(LOCAL_TEE, LR);
      storeV128(t);
      address();
      op(LOCAL_GET, AR, LOCAL_GET, II);
      simd(F64X2_MUL);
      op(LOCAL_GET, AI, LOCAL_GET, IR);
      simd(F64X2_MUL);
      simd(F64X2_ADD);
      op(LOCAL_TEE, LI);
      storeV128(t + 16);
      multiplierBytes.push(t);
      for (let u = 0; u < updates; u++) {
        const dst = at(program[c++]!);
        const src = at(program[c++]!);
        // a(dst) −= l·u: re −= lr·ur − li·ui; im −= lr·ui + li·ur
        address();
        loadV128(dst);
        op(LOCAL_GET, LR);
        loadV128(src);
        op(LOCAL_TEE, UR);
        simd(F64X2_MUL);
        op(LOCAL_GET, LI);
        loadV128(src + 16);
        op(LOCAL_TEE, UI);
        simd(F64X2_MUL);
        simd(F64X2_SUB);
        simd(F64X2_SUB);
        storeV128(dst);
        address();
        loadV128(dst + 16);
        op(LOCAL_GET, LR, LOCAL_GET, UI);
        simd(F64X2_MUL);
        op(LOCAL_GET, LI, LOCAL_GET, UR);
        simd(F64X2_MUL);
        simd(F64X2_ADD);
        simd(F64X2_SUB);
        storeV128(dst + 16);
      }
    }
  }
  // The largest weighted multiplier of each matrix, one multiplier after another as the program
  // made them — size = (|lr| + |li|)·weight; where !(size <= largest): largest = size — in a loop
  // over their bytes rather than beside each one: the straight-line code stays shorter.
  const count = multiplierBytes.length;
  if (count > 0) {
    op(I32_CONST, 0, LOCAL_SET, INDEX, LOOP, VOID);
    op(LOCAL_GET, INDEX, I32_LOAD, 2);
    code.u32(layout.multiplierByte);
    op(LOCAL_SET, AT);
    for (const part of [0, 16]) {
      op(LOCAL_GET, AT);
      simd(V128_LOAD);
      op(4);
      code.u32(part);
      simd(F64X2_ABS);
    }
    simd(F64X2_ADD);
    // The weight: doubles, indexed by twice the offsets' byte.
    op(LOCAL_GET, INDEX, LOCAL_GET, INDEX, I32_ADD);
    simd(V128_LOAD64_SPLAT);
    op(3);
    code.u32(weightsByte);
    simd(F64X2_MUL);
    op(LOCAL_SET, SIZE, LOCAL_GET, LARGEST, LOCAL_GET, SIZE, LOCAL_GET, SIZE, LOCAL_GET, LARGEST);
    simd(F64X2_LE);
    simd(V128_BITSELECT);
    op(LOCAL_SET, LARGEST);
    op(LOCAL_GET, INDEX, I32_CONST, 4, I32_ADD, LOCAL_TEE, INDEX);
    i32Const(4 * count);
    op(I32_LT_U, BR_IF, 0, END);
  }
  address();
  op(LOCAL_GET, LARGEST);
  storeV128(largestByte);
  op(I32_CONST, 1);
  const bytes = functionModule({
    exportName: "eliminate",
    params: [F64],
    result: I32,
    memoryPages: layout.pages,
    locals: [
      [V128_LOCALS, V128],
      [2, I32],
    ],
    code: code.view(),
  });
  return { bytes, multiplierBytes: Int32Array.from(multiplierBytes) };
}
