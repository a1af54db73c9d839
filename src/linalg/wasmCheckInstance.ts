import type { WasmCheck } from "./wasmCheck.js";
import { wasmApi } from "./wasmModule.js";

/*
 * The accuracy check of wasmCheck.ts instantiated on the memory of the plan's elimination, with
 * views of the regions the caller fills and reads.
 */

/**
 * The exported function, one pass of the check (see solveRefined): pass 0 solves for b and returns
 * its backward error, the solution written when that is not above `refineAbove`; pass 1 (only then)
 * takes the step of refinement, writes the solution and returns the error after it.
 */
export type WasmCheckRun = (refineAbove: number, pass: number) => number;

/** The check instantiated on an elimination's memory, with views of its regions. */
export interface WasmCheckInstance {
  readonly run: WasmCheckRun;
  readonly matrixRe: Float64Array;
  readonly matrixIm: Float64Array;
  readonly rhsRe: Float64Array;
  readonly rhsIm: Float64Array;
  readonly solutionRe: Float64Array;
  readonly solutionIm: Float64Array;
}

/** Instantiates `compiled` on `memory` (large enough for its layout); undefined if refused. */
export function instantiateCheck(
  compiled: WasmCheck,
  memory: { readonly buffer: ArrayBuffer },
  n: number,
  slots: number,
): WasmCheckInstance | undefined {
  const api = wasmApi();
  if (api === undefined) return undefined;
  const { matrixByte, rhsByte, solutionByte } = compiled.layout;
  try {
    const instance = new api.Instance(compiled.module, { env: { memory } });
    const { buffer } = memory;
    return {
      run: instance.exports["check"] as WasmCheckRun,
      matrixRe: new Float64Array(buffer, matrixByte, slots),
      matrixIm: new Float64Array(buffer, matrixByte + 8 * slots, slots),
      rhsRe: new Float64Array(buffer, rhsByte, n),
      rhsIm: new Float64Array(buffer, rhsByte + 8 * n, n),
      solutionRe: new Float64Array(buffer, solutionByte, n),
      solutionIm: new Float64Array(buffer, solutionByte + 8 * n, n),
    };
  } catch {
    return undefined;
  }
}
