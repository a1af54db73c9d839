import {
  BLOCK,
  BR,
  BR_IF,
  END,
  Emitter,
  F64,
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
  I32,
  I32_ADD,
  I32_AND,
  I32_CONST,
  I32_EQZ,
  I32_GE_U,
  I32_LOAD,
  I64X2_ALL_TRUE,
  IF,
  LOCAL_GET,
  LOCAL_SET,
  LOCAL_TEE,
  LOOP,
  RETURN,
  V128,
  V128_AND,
  V128_BITSELECT,
  V128_LOAD,
  V128_LOAD64_SPLAT,
  V128_STORE,
  VOID,
  functionModule,
} from "./wasmModule.js";

/*
 * The paired elimination (wasmPairElimination.ts) as one WebAssembly function for every plan: loops
 * over tables in its memory — per level of the plan (levelSchedule.ts) the boundary's sums, the
 * pivots, the multipliers and the updates, each a loop over records of byte addresses — so the
 * code is a few hundred bytes whatever the plan, compiled once, and a plan brings only its tables.
 * Every lane does the arithmetic of the single elimination (eliminationLoop.ts), operation for
 * operation in its order, so its factor is bit-identical to the single one's.
 *
 * The memory opens with a header of i32 byte addresses (PAIR_HEADER), then the regions it names.
 * An entry is read where its value is at that point: in the paired storage once the elimination
 * (or the assembly: its jω terms and stamps) has written it, before that in the constant image,
 * which sits a power of two, D, above the storage (pairAssembly.ts): a record holds the byte an
 * entry is read at, and the kernel writes it at that byte with bit D cleared (the header's mask),
 * in the storage. So nothing is copied for the entries an elimination only reads or writes later.
 *
 * Records: a pivot (where it is before elimination; where it is at its step; 16k), a multiplier
 * (its entry; 32k, its pivot's inverse; the [from, to) of its updates), an update (its target, its
 * source), a boundary sum (its target, its sum); a level: six i32, the [from, to) of its boundary,
 * pivot and multiplier records. Each multiplier's updates follow it at once, with the multiplier in
 * registers: within a level no step reads or writes what another writes (levelSchedule.ts), so
 * this is the program's order.
 */

/** Byte offsets of the header's fields (i32 byte addresses). */
export const PAIR_HEADER = {
  inversePivot: 0,
  pivotBefore: 4,
  weights: 8,
  /** Each multiplier's entry (i32), in the program's order: [from, to). */
  multipliers: 12,
  multipliersEnd: 16,
  levels: 20,
  levelsEnd: 24,
  /** Every pivot record (for the magnitudes before elimination): [from, to). */
  pivots: 28,
  pivotsEnd: 32,
  largest: 36,
  /** The mask that clears bit D of an address (see above): an entry's byte in the storage. */
  mask: 60,
  /** The header's size: the first region starts here. */
  size: 64,
} as const;

// Locals: 0 is the parameter `limit`; then v128, then i32.
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
const UR = 10;
const UI = 11;
const LR = 12;
const LI = 13;
const SIZE = 14;
const V128_LOCALS = 14;
/** A loop's cursor and end, the level's, three fields of a record, two region addresses. */
const I = 15;
const TO = 16;
const LEVEL = 17;
const LEVELS_END = 18;
const A = 19;
const B = 20;
const C = 21;
const INVERSE = 22;
const BEFORE = 23;
/** The inner loop's cursor and end (a multiplier's updates). */
const J = 24;
const J_TO = 25;
const MASK = 26;
const I32_LOCALS = 12;
/** Bytes of a level's record and of a pivot's. */
export const PAIR_LEVEL_BYTES = 24;
export const PAIR_PIVOT_BYTES = 12;

let compiled: Uint8Array | undefined;

/** The kernel's module bytes (made once): imports env.memory, exports eliminate(limit) → i32. */
export function pairKernelBytes(): Uint8Array {
  compiled ??= kernelBytes();
  return compiled;
}

function kernelBytes(): Uint8Array {
  const { code, op, simd, splatConst, countedLoop, loadI32: header } = new Emitter();
  const field = (local: number, offset: number) => {
    op(LOCAL_GET, local, I32_LOAD, 2);
    code.u32(offset);
  };
  const load = (local: number, offset: number) => {
    op(LOCAL_GET, local);
    simd(V128_LOAD);
    op(4);
    code.u32(offset);
  };
  /** v128.store at the address below the value on the stack + offset. */
  const store = (offset: number) => {
    simd(V128_STORE);
    op(4);
    code.u32(offset);
  };
  const magnitude = (re: number, im: number) => {
    op(LOCAL_GET, re);
    simd(F64X2_ABS);
    op(LOCAL_GET, im);
    simd(F64X2_ABS);
    simd(F64X2_ADD);
  };
  /** a·b ∘ c·d with ∘ the f64x2 `combine` (add or sub), of four v128 locals, on the stack. */
  const products = (a: number, b: number, c: number, d: number, combine: number) => {
    op(LOCAL_GET, a, LOCAL_GET, b);
    simd(F64X2_MUL);
    op(LOCAL_GET, c, LOCAL_GET, d);
    simd(F64X2_MUL);
    simd(combine);
  };
  /** for (at = from; at < to; at += stride) body, from and to pushed by `bounds`. */
  const loop = (bounds: () => void, stride: number, body: () => void, at = I, to = TO) =>
    countedLoop(at, to, stride, bounds, body);
  const records = (from: number, stride: number, body: () => void) =>
    loop(
      () => {
        field(LEVEL, from);
        field(LEVEL, from + 4);
      },
      stride,
      body,
    );

  op(LOCAL_GET, LIMIT);
  simd(F64X2_SPLAT);
  op(LOCAL_SET, LIMITS);
  header(PAIR_HEADER.inversePivot);
  op(LOCAL_SET, INVERSE);
  header(PAIR_HEADER.pivotBefore);
  op(LOCAL_SET, BEFORE);
  header(PAIR_HEADER.mask);
  op(LOCAL_SET, MASK);
  /** The storage's byte of the entry read at `local`: where it is written. */
  const written = (local: number) => op(LOCAL_GET, local, LOCAL_GET, MASK, I32_AND);
  // Every pivot's magnitude before elimination, where it is then: (before, at its step, 16k).
  loop(
    () => {
      header(PAIR_HEADER.pivots);
      header(PAIR_HEADER.pivotsEnd);
    },
    PAIR_PIVOT_BYTES,
    () => {
      field(I, 0);
      op(LOCAL_SET, A);
      field(I, 8);
      op(LOCAL_GET, BEFORE, I32_ADD);
      load(A, 0);
      op(LOCAL_SET, PR);
      load(A, 16);
      op(LOCAL_SET, PI);
      magnitude(PR, PI);
      store(0);
    },
  );
  header(PAIR_HEADER.levels);
  op(LOCAL_SET, LEVEL);
  header(PAIR_HEADER.levelsEnd);
  op(LOCAL_SET, LEVELS_END);
  op(BLOCK, VOID, LOOP, VOID);
  op(LOCAL_GET, LEVEL, LOCAL_GET, LEVELS_END, I32_GE_U, BR_IF, 1);
  // The boundary's sums (before the tail's first level): a(target) += a(sum).
  records(0, 8, () => {
    field(I, 0);
    op(LOCAL_SET, A);
    field(I, 4);
    op(LOCAL_SET, B);
    for (const part of [0, 16]) {
      written(A);
      load(A, part);
      load(B, part);
      simd(F64X2_ADD);
      store(part);
    }
  });
  // The level's pivots: the trust test, then r = 1 / (pr² + pi²); ir = pr·r; ii = −pi·r.
  records(8, PAIR_PIVOT_BYTES, () => {
    field(I, 4);
    op(LOCAL_SET, A);
    field(I, 8);
    op(LOCAL_SET, B);
    load(A, 0);
    op(LOCAL_SET, PR);
    load(A, 16);
    op(LOCAL_SET, PI);
    // Both pivots trusted: m > limit·before and m ≥ 1e-300 (a NaN fails the first), else return 0.
    magnitude(PR, PI);
    op(LOCAL_TEE, SIZE, LOCAL_GET, LIMITS, LOCAL_GET, B, LOCAL_GET, BEFORE, I32_ADD);
    simd(V128_LOAD);
    op(4, 0);
    simd(F64X2_MUL);
    simd(F64X2_GT);
    op(LOCAL_GET, SIZE);
    splatConst(1e-300);
    simd(F64X2_GE);
    simd(V128_AND);
    simd(I64X2_ALL_TRUE);
    op(I32_EQZ, IF, VOID, I32_CONST, 0, RETURN, END);
    splatConst(1);
    products(PR, PR, PI, PI, F64X2_ADD);
    simd(F64X2_DIV);
    op(LOCAL_SET, R);
    // The inverse at INVERSE + 32k = INVERSE + 2·16k.
    op(LOCAL_GET, B, LOCAL_GET, B, I32_ADD, LOCAL_GET, INVERSE, I32_ADD, LOCAL_TEE, C);
    op(LOCAL_GET, PR, LOCAL_GET, R);
    simd(F64X2_MUL);
    store(0);
    op(LOCAL_GET, C, LOCAL_GET, PI);
    simd(F64X2_NEG);
    op(LOCAL_GET, R);
    simd(F64X2_MUL);
    store(16);
  });
  // The level's multipliers: lr = ar·ir − ai·ii; li = ar·ii + ai·ir; each followed by its
  // updates: a(target) −= l·u(source); re −= lr·ur − li·ui; im −= lr·ui + li·ur.
  records(16, 16, () => {
    field(I, 0);
    op(LOCAL_SET, A);
    field(I, 4);
    op(LOCAL_GET, INVERSE, I32_ADD, LOCAL_SET, C);
    load(C, 0);
    op(LOCAL_SET, IR);
    load(C, 16);
    op(LOCAL_SET, II);
    load(A, 0);
    op(LOCAL_SET, AR);
    load(A, 16);
    op(LOCAL_SET, AI);
    written(A);
    products(AR, IR, AI, II, F64X2_SUB);
    op(LOCAL_TEE, LR);
    store(0);
    written(A);
    products(AR, II, AI, IR, F64X2_ADD);
    op(LOCAL_TEE, LI);
    store(16);
    loop(
      () => {
        field(I, 8);
        field(I, 12);
      },
      8,
      () => {
        field(J, 0);
        op(LOCAL_SET, A);
        field(J, 4);
        op(LOCAL_SET, B);
        written(A);
        load(A, 0);
        op(LOCAL_GET, LR);
        load(B, 0);
        op(LOCAL_TEE, UR);
        simd(F64X2_MUL);
        op(LOCAL_GET, LI);
        load(B, 16);
        op(LOCAL_TEE, UI);
        simd(F64X2_MUL);
        simd(F64X2_SUB);
        simd(F64X2_SUB);
        store(0);
        written(A);
        load(A, 16);
        products(LR, UI, LI, UR, F64X2_ADD);
        simd(F64X2_SUB);
        store(16);
      },
      J,
      J_TO,
    );
  });
  op(LOCAL_GET, LEVEL, I32_CONST, PAIR_LEVEL_BYTES, I32_ADD, LOCAL_SET, LEVEL, BR, 0, END, END);
  // The largest weighted multiplier of each matrix, in the program's order of multipliers:
  // size = (|lr| + |li|)·weight; where !(size <= largest): largest = size.
  header(PAIR_HEADER.weights);
  op(LOCAL_SET, B);
  loop(
    () => {
      header(PAIR_HEADER.multipliers);
      header(PAIR_HEADER.multipliersEnd);
    },
    4,
    () => {
      field(I, 0);
      op(LOCAL_SET, A);
      load(A, 0);
      simd(F64X2_ABS);
      load(A, 16);
      simd(F64X2_ABS);
      simd(F64X2_ADD);
      op(LOCAL_GET, B);
      simd(V128_LOAD64_SPLAT);
      op(3, 0);
      simd(F64X2_MUL);
      op(LOCAL_SET, SIZE, LOCAL_GET, LARGEST, LOCAL_GET, SIZE, LOCAL_GET, SIZE, LOCAL_GET, LARGEST);
      simd(F64X2_LE);
      simd(V128_BITSELECT);
      op(LOCAL_SET, LARGEST);
      op(LOCAL_GET, B, I32_CONST, 8, I32_ADD, LOCAL_SET, B);
    },
  );
  header(PAIR_HEADER.largest);
  op(LOCAL_GET, LARGEST);
  store(0);
  op(I32_CONST, 1);
  return functionModule({
    exportName: "eliminate",
    params: [F64],
    result: I32,
    memoryPages: 1,
    locals: [
      [V128_LOCALS, V128],
      [I32_LOCALS, I32],
    ],
    code: code.view(),
  });
}
