import type { RowIndex } from "./backwardError.js";
import type { FactorPlan } from "./factorPlan.js";
import {
  ELSE,
  END,
  F64,
  F64X2_ADD,
  F64X2_EXTRACT_LANE,
  F64X2_MUL,
  F64X2_REPLACE_LANE,
  F64X2_SPLAT,
  F64X2_SUB,
  F64_ABS,
  F64_ADD,
  F64_DIV,
  F64_GT,
  F64_LOAD,
  F64_MUL,
  F64_NE,
  I32,
  I32_EQZ,
  I32_OR,
  IF,
  LOCAL_GET,
  LOCAL_SET,
  LOCAL_TEE,
  SELECT,
  V128,
  V128_CONST,
  V128_LOAD,
  VOID,
  Emitter,
  functionModule,
  wasmApi,
} from "./wasmModule.js";

/*
 * The accuracy check of a factorisation (SparseComplexLu.solveRefined) as a WebAssembly function:
 * a complete solve, the componentwise backward error of its solution, and when that is too large
 * one step of iterative refinement and the backward error again — unrolled along one plan into
 * straight-line code, every offset a constant, one complex value per 128-bit SIMD register.
 *
 * It does the JavaScript's arithmetic in the same order, operation by operation (substitute() and
 * backwardError(); a complex product as in wasmElimination.ts), so solutions and errors are
 * bit-identical to it. Forward substitution visits every row: the JavaScript skips rows and L
 * entries where the right-hand side and y are still zero, and both take a right-hand side's value
 * plus 0 (−0 read as +0), which makes skipping them exact.
 *
 * It runs on the memory of the plan's elimination (wasmElimination.ts), reading the factor and the
 * inverse pivots where that left them; its own regions follow at `base` (see WasmCheckLayout).
 */

/** Byte offsets of the check's regions (all 16-byte aligned). Split arrays are re then im. */
export interface WasmCheckLayout {
  /** The matrix by slot (re: slots doubles, then im). */
  readonly matrixByte: number;
  /** The right-hand side by row (re: n doubles, then im). */
  readonly rhsByte: number;
  /** The residual b − A·x by row, split as the right-hand side (what refinement solves for). */
  readonly residualByte: number;
  /** The solution by unknown (re: n doubles, then im). */
  readonly solutionByte: number;
  /** Work: y and the correction by pivot step, re and im interleaved. */
  readonly yByte: number;
  readonly correctionByte: number;
  /** The end of the regions. */
  readonly endByte: number;
}

export interface WasmCheck {
  readonly module: object;
  readonly layout: WasmCheckLayout;
}

const align = (byte: number) => Math.ceil(byte / 16) * 16;

function layoutOf(base: number, n: number, slots: number): WasmCheckLayout {
  const matrixByte = align(base);
  const rhsByte = align(matrixByte + 16 * slots);
  const residualByte = rhsByte + align(16 * n);
  const solutionByte = residualByte + align(16 * n);
  const yByte = solutionByte + align(16 * n);
  const correctionByte = yByte + 16 * n;
  return {
    matrixByte,
    rhsByte,
    residualByte,
    solutionByte,
    yByte,
    correctionByte,
    endByte: correctionByte + 16 * n,
  };
}

/** Where the factor is in the memory: the elimination's layout (see WasmLayout). */
export interface FactorBytes {
  readonly inversePivotByte: number;
  /** Where the check's regions may start. */
  readonly endByte: number;
}

/**
 * The check along `plan` for the pattern whose rows `byRow` indexes, as a WebAssembly module;
 * undefined where WebAssembly (with SIMD) cannot compile here: the caller keeps its JavaScript.
 */
export function compileWasmCheck(
  plan: FactorPlan,
  n: number,
  byRow: RowIndex,
  factor: FactorBytes,
): WasmCheck | undefined {
  const api = wasmApi();
  if (api === undefined) return undefined;
  const layout = layoutOf(factor.endByte, n, byRow.bySlot.length);
  const bytes = moduleBytes(plan, n, byRow, factor.inversePivotByte, layout);
  try {
    if (!api.validate(bytes)) return undefined;
    return { module: new api.Module(bytes), layout };
  } catch {
    return undefined;
  }
}

// Locals: 0 and 1 are the parameters `refineAbove` and `pass`; then i32 shift (0, or 16n in the
// refinement pass: residual − rhs = correction − y); f64 worst, error, scale, re, im; then v128.
const REFINE_ABOVE = 0;
const PASS = 1;
const SHIFT = 2;
const WORST = 3;
const ERROR = 4;
const SCALE = 5;
const RE = 6;
const IM = 7;
const F64_LOCALS = 5;
/** The running sum, a loaded value, and a multiplier's forms [mr, mr] and [−mi, mi]. */
const SUM = 8;
const VALUE = 9;
const M_RE = 10;
const M_IM = 11;
const V128_LOCALS = 4;

function moduleBytes(
  plan: FactorPlan,
  n: number,
  byRow: RowIndex,
  inversePivotByte: number,
  layout: WasmCheckLayout,
): Uint8Array {
  const { rowOrder, rowStart, colIndex, diagonal, colStep } = plan;
  const { start: rowFirst, bySlot, byCol } = byRow;
  const slots = bySlot.length;
  const { matrixByte, rhsByte, residualByte, solutionByte, yByte, correctionByte } = layout;
  const emit = new Emitter();
  const {
    code,
    op,
    simd,
    lane,
    f64Const,
    i32Const,
    address,
    loadF64,
    storeF64,
    loadV128,
    storeV128,
  } = emit;
  const { negateLane0, swapLanes } = emit;
  /** Pushes the complex value of split arrays at `byte` (re) and `byte + imOffset` (im). */
  const loadSplit = (byte: number, imOffset: number) => {
    loadF64(byte);
    simd(F64X2_SPLAT);
    loadF64(byte + imOffset);
    lane(F64X2_REPLACE_LANE, 1);
  };
  /** [mr, mr] and [−mi, mi] of the complex value on the stack into M_RE and M_IM. */
  const multiplierForms = () => {
    op(LOCAL_TEE, VALUE);
    lane(F64X2_EXTRACT_LANE, 0);
    simd(F64X2_SPLAT);
    op(LOCAL_SET, M_RE, LOCAL_GET, VALUE);
    lane(F64X2_EXTRACT_LANE, 1);
    simd(F64X2_SPLAT);
    negateLane0();
    op(LOCAL_SET, M_IM);
  };
  /**
   * SUM −= m·v for v the complex value at `byte` (past SHIFT with `shift`):
   * [mr, mr]·[vr, vi] + [−mi, mi]·[vi, vr].
   */
  const subtractProduct = (byte: number, shift = false) => {
    op(LOCAL_GET, SUM);
    timesForms(() => (shift ? shifted(V128_LOAD, byte) : loadV128(byte)));
    simd(F64X2_SUB);
    op(LOCAL_SET, SUM);
  };
  /** Pushes m·v for the forms of m and v as `load` pushes it: [mr, mr]·[vr, vi] + [−mi, mi]·[vi, vr]. */
  const timesForms = (load: () => void) => {
    op(LOCAL_GET, M_RE);
    load();
    op(LOCAL_TEE, VALUE);
    simd(F64X2_MUL);
    op(LOCAL_GET, M_IM, LOCAL_GET, VALUE, LOCAL_GET, VALUE);
    swapLanes();
    simd(F64X2_MUL);
    simd(F64X2_ADD);
  };

  /** Memory accesses at `byte` past SHIFT (the solve's right-hand side and result). */
  const shifted = (opcode: number, byte: number) => {
    op(LOCAL_GET, SHIFT);
    if (opcode === F64_LOAD) op(F64_LOAD, 3);
    else {
      simd(opcode);
      op(4);
    }
    code.u32(byte);
  };
  /** The address SHIFT for a store below its value. */
  const shiftedAddress = () => op(LOCAL_GET, SHIFT);
  /**
   * L·U·y = b (substitute()'s arithmetic) for b split at rhsByte, y by pivot step at yByte — or,
   * SHIFT on, the residual and the correction.
   */
  const solve = () => {
    for (let k = 0; k < n; k++) {
      // s = b(row) + 0 (−0 read as +0); then s −= l·y over the L row.
      shifted(F64_LOAD, rhsByte + 8 * rowOrder[k]!);
      simd(F64X2_SPLAT);
      shifted(F64_LOAD, rhsByte + 8 * (n + rowOrder[k]!));
      lane(F64X2_REPLACE_LANE, 1);
      simd(V128_CONST);
      code.f64(0);
      code.f64(0);
      simd(F64X2_ADD);
      op(LOCAL_SET, SUM);
      for (let p = rowStart[k]!; p < diagonal[k]!; p++) {
        loadV128(16 * p);
        multiplierForms();
        subtractProduct(yByte + 16 * colIndex[p]!, true);
      }
      shiftedAddress();
      op(LOCAL_GET, SUM);
      storeV128(yByte + 16 * k);
    }
    for (let i = n - 1; i >= 0; i--) {
      shifted(V128_LOAD, yByte + 16 * i);
      op(LOCAL_SET, SUM);
      for (let p = diagonal[i]! + 1; p < rowStart[i + 1]!; p++) {
        loadV128(16 * p);
        multiplierForms();
        subtractProduct(yByte + 16 * colIndex[p]!, true);
      }
      // y = s·(1/pivot): [sr, sr]·[pr, pi] + [−si, si]·[pi, pr], as the multiplier forms of s.
      shiftedAddress();
      op(LOCAL_GET, SUM);
      multiplierForms();
      timesForms(() => loadV128(inversePivotByte + 16 * i));
      storeV128(yByte + 16 * i);
    }
  };

  /** ω = maxᵢ |b − A·x|ᵢ / (|A|·|x| + |b|)ᵢ into WORST, the residual written (backwardError()). */
  const backwardError = () => {
    f64Const(0);
    op(LOCAL_SET, WORST);
    for (let i = 0; i < n; i++) {
      loadSplit(rhsByte + 8 * i, 8 * n);
      op(LOCAL_TEE, SUM);
      lane(F64X2_EXTRACT_LANE, 0);
      op(F64_ABS, LOCAL_GET, SUM);
      lane(F64X2_EXTRACT_LANE, 1);
      op(F64_ABS, F64_ADD, LOCAL_SET, SCALE);
      for (let q = rowFirst[i]!; q < rowFirst[i + 1]!; q++) {
        const slot = bySlot[q]!;
        const x = yByte + 16 * colStep[byCol[q]!]!;
        // [ar, ar] and [−ai, ai]; SUM −= a·x
        loadF64(matrixByte + 8 * slot);
        op(LOCAL_TEE, RE);
        simd(F64X2_SPLAT);
        op(LOCAL_SET, M_RE);
        loadF64(matrixByte + 8 * (slots + slot));
        op(LOCAL_TEE, IM);
        simd(F64X2_SPLAT);
        negateLane0();
        op(LOCAL_SET, M_IM);
        subtractProduct(x);
        // scale += (|ar| + |ai|)·(|xr| + |xi|)
        op(LOCAL_GET, SCALE, LOCAL_GET, RE, F64_ABS, LOCAL_GET, IM, F64_ABS, F64_ADD);
        op(LOCAL_GET, VALUE);
        lane(F64X2_EXTRACT_LANE, 0);
        op(F64_ABS, LOCAL_GET, VALUE);
        lane(F64X2_EXTRACT_LANE, 1);
        op(F64_ABS, F64_ADD, F64_MUL, F64_ADD, LOCAL_SET, SCALE);
      }
      address();
      op(LOCAL_GET, SUM);
      lane(F64X2_EXTRACT_LANE, 0);
      storeF64(residualByte + 8 * i);
      address();
      op(LOCAL_GET, SUM);
      lane(F64X2_EXTRACT_LANE, 1);
      storeF64(residualByte + 8 * (n + i));
      // if (scale !== 0) { error = (|rr| + |ri|)/scale; if (error > worst || error ≠ error) worst = error }
      op(LOCAL_GET, SCALE);
      f64Const(0);
      op(F64_NE, IF, VOID, LOCAL_GET, SUM);
      lane(F64X2_EXTRACT_LANE, 0);
      op(F64_ABS, LOCAL_GET, SUM);
      lane(F64X2_EXTRACT_LANE, 1);
      op(F64_ABS, F64_ADD, LOCAL_GET, SCALE, F64_DIV, LOCAL_SET, ERROR);
      op(LOCAL_GET, ERROR, LOCAL_GET, WORST, LOCAL_GET, ERROR, LOCAL_GET, WORST, F64_GT);
      op(LOCAL_GET, ERROR, LOCAL_GET, ERROR, F64_NE, I32_OR, SELECT, LOCAL_SET, WORST, END);
    }
  };

  /** x (split, by unknown) from y (by pivot step). */
  const writeSolution = () => {
    for (let unknown = 0; unknown < n; unknown++) {
      const y = yByte + 16 * colStep[unknown]!;
      address();
      loadF64(y);
      storeF64(solutionByte + 8 * unknown);
      address();
      loadF64(y + 8);
      storeF64(solutionByte + 8 * (n + unknown));
    }
  };

  // SHIFT = pass ? 16n : 0 (the residual and the correction lie 16n bytes past b and y).
  op(LOCAL_GET, PASS, IF, I32);
  i32Const(16 * n);
  op(ELSE);
  i32Const(0);
  op(END, LOCAL_SET, SHIFT);
  solve();
  // The refinement pass adds the correction to y.
  op(LOCAL_GET, PASS, IF, VOID);
  for (let k = 0; k < n; k++) {
    address();
    loadV128(yByte + 16 * k);
    loadV128(correctionByte + 16 * k);
    simd(F64X2_ADD);
    storeV128(yByte + 16 * k);
  }
  op(END);
  backwardError();
  // The solution is written by the refinement pass, or by the first when it is accurate enough:
  // if (pass || !(worst > refineAbove)).
  op(LOCAL_GET, PASS, LOCAL_GET, WORST, LOCAL_GET, REFINE_ABOVE, F64_GT, I32_EQZ, I32_OR, IF, VOID);
  writeSolution();
  op(END, LOCAL_GET, WORST);

  return functionModule({
    exportName: "check",
    params: [F64, I32],
    result: F64,
    memoryPages: Math.max(1, Math.ceil(layout.endByte / 65536)),
    locals: [
      [1, I32],
      [F64_LOCALS, F64],
      [V128_LOCALS, V128],
    ],
    code: code.view(),
  });
}
