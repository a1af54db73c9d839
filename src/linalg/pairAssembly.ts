import {
  Emitter,
  F64,
  F64_DIV,
  F64X2_ADD,
  F64X2_MUL,
  F64X2_REPLACE_LANE,
  F64X2_SPLAT,
  F64X2_SUB,
  I32,
  I32_ADD,
  I32_CONST,
  I32_LOAD,
  LOCAL_GET,
  LOCAL_SET,
  V128,
  V128_LOAD,
  V128_LOAD64_SPLAT,
  V128_STORE,
  functionModule,
} from "./wasmModule.js";

/*
 * The assembly of two matrices into a paired storage (wasmPairElimination.ts), as a second
 * WebAssembly function on the pair's memory: the entries that change with frequency (the jω terms'
 * and the stamps') copied in from the constant image (each value in both lanes), then every jω
 * term's ω·times − over/ω added at both frequencies — a lane each, the sums
 * SweepAssembly.intoFactor makes for one frequency, so the bits are the same. Every other entry the
 * elimination reads from the image until it writes it (pairTables.ts): nothing else is copied.
 *
 * It reads the pair's header (PAIR_HEADER): how far above the storage the image is, where the
 * changing entries' list and the term records are. A term record is 24 bytes: the i32 byte of its
 * entry's imaginary parts, then the doubles `times` (at 8) and `over` (at 16).
 */

/**
 * Gives an assembly a layout's constant matrix (a single storage along the plan: entry p's real
 * part at 2p, imaginary at 2p + 1) and jω terms (offsets of imaginary parts in a single storage,
 * coefficients of ω and of 1/ω); false when a term is on an entry the assembly does not write.
 */
export type AssemblyLoad = (
  constantLu: Float64Array,
  jOffsets: Int32Array,
  jTimes: Float64Array,
  jOver: Float64Array,
) => boolean;

/** Bytes of a term record. */
export const TERM_BYTES = 24;

/** Byte offsets of the header fields it reads (i32), after the kernel's (see PAIR_HEADER). */
export const ASSEMBLY_HEADER = {
  imageDelta: 40,
  /** The storage's bytes of the entries copied from the image (i32): [from, to). */
  dynamic: 44,
  dynamicEnd: 48,
  terms: 52,
  termsEnd: 56,
} as const;

// Locals: the parameters ωf and ωg, then v128, then i32.
const OMEGA_F = 0;
const OMEGA_G = 1;
const OMEGAS = 2;
const INVERSES = 3;
const I = 4;
const TO = 5;
const A = 6;
const DELTA = 7;

let compiled: Uint8Array | undefined;

/** The module bytes (made once): imports env.memory, exports assemble(ωf, ωg) → 1. */
export function pairAssemblyBytes(): Uint8Array {
  compiled ??= assemblyBytes();
  return compiled;
}

function assemblyBytes(): Uint8Array {
  const { code, op, simd, lane, f64Const, countedLoop, loadI32: header } = new Emitter();
  /** [f(ωf), f(ωg)] into `local`, f pushing its value from the ω on the stack. */
  const lanes = (local: number, f: (omega: number) => void) => {
    f(OMEGA_F);
    simd(F64X2_SPLAT);
    f(OMEGA_G);
    lane(F64X2_REPLACE_LANE, 1);
    op(LOCAL_SET, local);
  };
  lanes(OMEGAS, (omega) => op(LOCAL_GET, omega));
  lanes(INVERSES, (omega) => {
    f64Const(1);
    op(LOCAL_GET, omega, F64_DIV);
  });
  /** for (I = from; I < to; I += stride) body, from and to the header's fields. */
  const loop = (from: number, to: number, stride: number, body: () => void) =>
    countedLoop(
      I,
      TO,
      stride,
      () => {
        header(from);
        header(to);
      },
      body,
    );
  // Every changing entry copied in from the image: a(entry) = image(entry), 32 bytes.
  header(ASSEMBLY_HEADER.imageDelta);
  op(LOCAL_SET, DELTA);
  loop(ASSEMBLY_HEADER.dynamic, ASSEMBLY_HEADER.dynamicEnd, 4, () => {
    op(LOCAL_GET, I, I32_LOAD, 2, 0, LOCAL_SET, A);
    for (const part of [0, 16]) {
      op(LOCAL_GET, A, LOCAL_GET, A, LOCAL_GET, DELTA, I32_ADD);
      simd(V128_LOAD);
      op(4, part);
      simd(V128_STORE);
      op(4, part);
    }
  });
  // Every term: a(entry).im += ω·times − over·(1/ω), both lanes.
  loop(ASSEMBLY_HEADER.terms, ASSEMBLY_HEADER.termsEnd, TERM_BYTES, () => {
    op(LOCAL_GET, I, I32_LOAD, 2, 0, LOCAL_SET, A);
    op(LOCAL_GET, A, LOCAL_GET, A);
    simd(V128_LOAD);
    op(4, 0);
    op(LOCAL_GET, OMEGAS, LOCAL_GET, I);
    simd(V128_LOAD64_SPLAT);
    op(3, 8);
    simd(F64X2_MUL);
    op(LOCAL_GET, I);
    simd(V128_LOAD64_SPLAT);
    op(3, 16);
    op(LOCAL_GET, INVERSES);
    simd(F64X2_MUL);
    simd(F64X2_SUB);
    simd(F64X2_ADD);
    simd(V128_STORE);
    op(4, 0);
  });
  op(I32_CONST, 1);
  return functionModule({
    exportName: "assemble",
    params: [F64, F64],
    result: I32,
    memoryPages: 1,
    locals: [
      [2, V128],
      [4, I32],
    ],
    code: code.view(),
  });
}

/**
 * Writes what `assemble` reads into the pair's memory `buffer`: the constant image from
 * `constantLu` (a single storage: entry p's real part at 2p, imaginary at 2p + 1) and the term
 * records from the layout's terms (jOffsets: offsets of imaginary parts in the single storage).
 * False, writing nothing, when a term's entry is not one the assembly writes (`dynamic`, per entry,
 * what the pair's tables were made for): the pair is then not for this network.
 */
export function loadAssembly(
  buffer: ArrayBuffer,
  where: {
    readonly luByte: number;
    readonly imageDelta: number;
    readonly termsByte: number;
    readonly termsCapacity: number;
  },
  dynamic: Uint8Array,
  constantLu: Float64Array,
  jOffsets: Int32Array,
  jTimes: Float64Array,
  jOver: Float64Array,
): boolean {
  const { luByte, imageDelta, termsByte, termsCapacity } = where;
  if (jOffsets.length > termsCapacity) return false;
  for (let k = 0; k < jOffsets.length; k++) if (!dynamic[jOffsets[k]! >> 1]) return false;
  const image = new Float64Array(buffer, luByte + imageDelta, 2 * constantLu.length);
  for (let p = 0; p < constantLu.length; p += 2) {
    image[2 * p] = image[2 * p + 1] = constantLu[p]!;
    image[2 * p + 2] = image[2 * p + 3] = constantLu[p + 1]!;
  }
  const words = new Int32Array(buffer, termsByte, (TERM_BYTES / 4) * jOffsets.length);
  const doubles = new Float64Array(buffer, termsByte, (TERM_BYTES / 8) * jOffsets.length);
  for (let k = 0; k < jOffsets.length; k++) {
    words[(TERM_BYTES / 4) * k] = luByte + 16 * jOffsets[k]!;
    doubles[(TERM_BYTES / 8) * k + 1] = jTimes[k]!;
    doubles[(TERM_BYTES / 8) * k + 2] = jOver[k]!;
  }
  const header = new Int32Array(buffer, 0, 16);
  header[ASSEMBLY_HEADER.terms / 4] = termsByte;
  header[ASSEMBLY_HEADER.termsEnd / 4] = termsByte + TERM_BYTES * jOffsets.length;
  return true;
}
