// Complex values as plain {re, im} data, one number or one per frequency, with the small arithmetic
// that code running once per file (not per solve) needs. The solver uses split typed arrays instead.
import { complexDivide, complexSqrt } from "./complex.js";

/** Complex values per frequency, split into real and imaginary parts of equal length. */
export interface ComplexSeries {
  readonly re: readonly number[];
  readonly im: readonly number[];
}

/** One complex number. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/** A series of `count` zeros, to be filled with `setComplexAt`. */
export function newComplexSeries(count: number): { re: number[]; im: number[] } {
  return { re: new Array<number>(count).fill(0), im: new Array<number>(count).fill(0) };
}

export function setComplexAt(
  series: { re: number[]; im: number[] },
  k: number,
  value: Complex,
): void {
  series.re[k] = value.re;
  series.im[k] = value.im;
}

export function complexAt(series: ComplexSeries, k: number): Complex {
  return { re: series.re[k]!, im: series.im[k]! };
}

const scratch = new Float64Array(2);

export function cAdd(a: Complex, b: Complex): Complex {
  return { re: a.re + b.re, im: a.im + b.im };
}

export function cSub(a: Complex, b: Complex): Complex {
  return { re: a.re - b.re, im: a.im - b.im };
}

export function cMul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

export function cDiv(a: Complex, b: Complex): Complex {
  complexDivide(a.re, a.im, b.re, b.im, scratch);
  return { re: scratch[0]!, im: scratch[1]! };
}

export function cSqrt(a: Complex): Complex {
  complexSqrt(a.re, a.im, scratch);
  return { re: scratch[0]!, im: scratch[1]! };
}

export function cAbs(a: Complex): number {
  return Math.hypot(a.re, a.im);
}
