/*
 * Just enough of the WebAssembly binary format (core 2.0 with fixed-width SIMD) to write a module
 * of one function over an imported memory: a byte writer with the encodings, the opcodes used, and
 * the module's framing. See https://webassembly.github.io/spec/core/binary/.
 */

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

// Opcodes.
export const I32_CONST = 0x41;
export const F64_CONST = 0x44;
export const LOCAL_GET = 0x20;
export const LOCAL_SET = 0x21;
export const LOCAL_TEE = 0x22;
export const F64_LOAD = 0x2b;
export const F64_STORE = 0x39;
export const F64_ABS = 0x99;
export const F64_NEG = 0x9a;
export const F64_ADD = 0xa0;
export const F64_MUL = 0xa2;
export const F64_DIV = 0xa3;
export const F64_LT = 0x63;
export const F64_GT = 0x64;
export const F64_LE = 0x65;
export const F64_NE = 0x62;
export const F64_SUB = 0xa1;
export const I32_EQZ = 0x45;
export const I32_OR = 0x72;
export const I32_AND = 0x71;
export const IF = 0x04;
export const ELSE = 0x05;
export const BLOCK = 0x02;
export const LOOP = 0x03;
export const I32_LOAD = 0x28;
export const I32_ADD = 0x6a;
export const I32_GE_U = 0x4f;
export const BR = 0x0c;
export const BR_IF = 0x0d;
export const VOID = 0x40;
export const RETURN = 0x0f;
export const END = 0x0b;
export const SELECT = 0x1b;
/** The prefix of the bulk-memory opcodes (then a LEB128 number): memory.copy, then two memory indices. */
export const MISC = 0xfc;
export const MEMORY_COPY = 10;
/** The prefix of the SIMD opcodes below (each then a LEB128 number). */
export const SIMD = 0xfd;
export const V128_LOAD = 0;
export const V128_STORE = 11;
export const V128_CONST = 12;
export const I8X16_SHUFFLE = 13;
export const F64X2_SPLAT = 20;
export const F64X2_EXTRACT_LANE = 33;
export const F64X2_REPLACE_LANE = 34;
export const F64X2_ADD = 240;
export const F64X2_SUB = 241;
export const F64X2_MUL = 242;
export const F64X2_DIV = 243;
export const F64X2_ABS = 236;
export const F64X2_NEG = 237;
export const F64X2_LE = 75;
export const F64X2_GT = 74;
export const F64X2_GE = 76;
export const V128_AND = 78;
export const V128_BITSELECT = 82;
export const I64X2_ALL_TRUE = 195;
export const V128_LOAD64_SPLAT = 10;

/** A growing byte buffer with the encodings a module needs. */
export class Bytes {
  private buffer = new Uint8Array(1 << 16);
  length = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));

  byte(value: number): void {
    if (this.length === this.buffer.length) this.grow(this.length + 1);
    this.buffer[this.length++] = value;
  }

  bytes(values: ArrayLike<number>): void {
    if (this.length + values.length > this.buffer.length) this.grow(this.length + values.length);
    const { buffer } = this;
    if (values instanceof Uint8Array) {
      // Whole sections and function bodies: one copy.
      buffer.set(values, this.length);
      this.length += values.length;
      return;
    }
    for (let i = 0; i < values.length; i++) buffer[this.length++] = values[i]!;
  }

  /** Room for at least `size` bytes, the buffer doubled as often as needed. */
  private grow(size: number): void {
    let capacity = 2 * this.buffer.length;
    while (capacity < size) capacity *= 2;
    const larger = new Uint8Array(capacity);
    larger.set(this.buffer.subarray(0, this.length));
    this.buffer = larger;
  }

  /** Unsigned LEB128. */
  u32(value: number): void {
    let v = value >>> 0;
    do {
      const low = v & 0x7f;
      v >>>= 7;
      this.byte(v === 0 ? low : low | 0x80);
    } while (v !== 0);
  }

  /** IEEE 754 double, little-endian. */
  f64(value: number): void {
    this.scratch.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.byte(this.scratch.getUint8(i));
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** One function's signature, locals and code (its instructions, without the final END). */
export interface FunctionSpec {
  readonly exportName: string;
  readonly params: readonly number[];
  readonly result: number;
  /** Imported as env.memory, at least this many 64 KiB pages. */
  readonly memoryPages: number;
  /** Local declarations after the parameters: [count, type] each. */
  readonly locals: readonly (readonly [count: number, type: number])[];
  readonly code: Uint8Array;
}

/** The bytes of a module with the one function of `spec`, exported under its name. */
export function functionModule(spec: FunctionSpec): Uint8Array {
  const out = new Bytes();
  const name = (text: string) => {
    out.u32(text.length);
    for (let i = 0; i < text.length; i++) out.byte(text.charCodeAt(i));
  };
  const section = (id: number, write: () => void) => {
    const start = out.length;
    write();
    const content = out.view().slice(start);
    out.length = start;
    out.byte(id);
    out.u32(content.length);
    out.bytes(content);
  };
  out.bytes([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  section(1, () => {
    out.bytes([1, 0x60]); // one type: a function
    out.u32(spec.params.length);
    out.bytes(spec.params);
    out.bytes([1, spec.result]);
  });
  section(2, () => {
    out.byte(1);
    name("env");
    name("memory");
    out.bytes([0x02, 0x00]); // a memory, minimum only
    out.u32(spec.memoryPages);
  });
  section(3, () => out.bytes([1, 0])); // function 0 has type 0
  section(7, () => {
    out.byte(1);
    name(spec.exportName);
    out.bytes([0x00, 0]); // function 0
  });
  section(10, () => {
    const body = new Bytes();
    body.u32(spec.locals.length);
    for (const [count, type] of spec.locals) {
      body.u32(count);
      body.byte(type);
    }
    body.bytes(spec.code);
    body.byte(END);
    out.byte(1);
    out.u32(body.length);
    out.bytes(body.view());
  });
  return out.view().slice();
}

/** The parts of the WebAssembly global used here (present in browsers and Node). */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { readonly exports: Record<string, unknown> };
}

/** The WebAssembly global, or undefined where there is none. */
export function wasmApi(): WasmApi | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return typeof api === "object" ? api : undefined;
}

/**
 * Writes a function's instructions over one memory, where every access has a constant address
 * (the offset of the access, from address 0): the helpers the generated modules share.
 */
export class Emitter {
  readonly code = new Bytes();

  readonly op = (...values: number[]): void => this.code.bytes(values);

  /** A SIMD instruction (its prefix, then the opcode). */
  readonly simd = (opcode: number): void => {
    this.code.byte(SIMD);
    this.code.u32(opcode);
  };

  /** A lane instruction (extract, replace) with its lane index. */
  readonly lane = (opcode: number, index: number): void => {
    this.simd(opcode);
    this.code.byte(index);
  };

  readonly f64Const = (value: number): void => {
    this.code.byte(F64_CONST);
    this.code.f64(value);
  };

  /** [a, b] on the stack → [−a, b] (times [−1, 1]: the complex products' [−im, im] forms). */
  readonly negateLane0 = (): void => {
    this.simd(V128_CONST);
    this.code.f64(-1);
    this.code.f64(1);
    this.simd(F64X2_MUL);
  };

  /** [a, b] twice on the stack → [b, a] (the shuffle of the complex products). */
  readonly swapLanes = (): void => {
    this.simd(I8X16_SHUFFLE);
    this.op(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
  };

  /** i32.const, its value in signed LEB128. */
  readonly i32Const = (value: number): void => {
    this.code.byte(I32_CONST);
    for (let v = value | 0; ;) {
      const low = v & 0x7f;
      v >>= 7;
      const last = (v === 0 && (low & 0x40) === 0) || (v === -1 && (low & 0x40) !== 0);
      this.code.byte(last ? low : low | 0x80);
      if (last) return;
    }
  };

  /** The address the constant offsets count from (0). */
  readonly address = (): void => this.op(I32_CONST, 0);

  readonly loadF64 = (byte: number): void => {
    this.address();
    this.op(F64_LOAD, 3);
    this.code.u32(byte);
  };

  /** The address must be on the stack below the value. */
  readonly storeF64 = (byte: number): void => {
    this.op(F64_STORE, 3);
    this.code.u32(byte);
  };

  readonly loadV128 = (byte: number): void => {
    this.address();
    this.simd(V128_LOAD);
    this.op(4);
    this.code.u32(byte);
  };

  /** [x, x] as a constant. */
  readonly splatConst = (x: number): void => {
    this.simd(V128_CONST);
    this.code.f64(x);
    this.code.f64(x);
  };

  /** The address must be on the stack below the value. */
  readonly storeV128 = (byte: number): void => {
    this.simd(V128_STORE);
    this.op(4);
    this.code.u32(byte);
  };

  /** The i32 at constant byte `byte` (a field of a header at address 0). */
  readonly loadI32 = (byte: number): void => {
    this.address();
    this.op(I32_LOAD, 2);
    this.code.u32(byte);
  };

  /**
   * for (at = from; at < to; at += stride) body, over the i32 locals `at` and `to`; `bounds` pushes
   * from, then to.
   */
  readonly countedLoop = (
    at: number,
    to: number,
    stride: number,
    bounds: () => void,
    body: () => void,
  ): void => {
    bounds();
    this.op(LOCAL_SET, to, LOCAL_SET, at, BLOCK, VOID, LOOP, VOID);
    this.op(LOCAL_GET, at, LOCAL_GET, to, I32_GE_U, BR_IF, 1);
    body();
    this.op(LOCAL_GET, at, I32_CONST, stride, I32_ADD, LOCAL_SET, at, BR, 0, END, END);
  };
}
