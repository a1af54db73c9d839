/**
 * Allocation-free complex helpers for per-frequency loops. A complex number is a pair of plain numbers
 * (re, im); results are written into a caller-owned Float64Array at `offset` (re at offset, im at
 * offset + 1), so nothing is allocated per call.
 */

/** Writes a/b (with Smith's scaling, so |b| near the float limits neither overflows nor underflows). */
export function complexDivide(
  aRe: number,
  aIm: number,
  bRe: number,
  bIm: number,
  out: Float64Array,
  offset = 0,
): void {
  if (Math.abs(bRe) >= Math.abs(bIm)) {
    const ratio = bIm / bRe;
    const denominator = bRe + bIm * ratio;
    out[offset] = (aRe + aIm * ratio) / denominator;
    out[offset + 1] = (aIm - aRe * ratio) / denominator;
  } else {
    const ratio = bRe / bIm;
    const denominator = bRe * ratio + bIm;
    out[offset] = (aRe * ratio + aIm) / denominator;
    out[offset + 1] = (aIm * ratio - aRe) / denominator;
  }
}

/**
 * Writes the principal square root (Re ≥ 0). On the negative real axis the root is +j·√|z| whatever
 * the sign of a zero imaginary part: for a lossless line Z'Y' = −ω²L'C' must give Γ = +jk (a wave
 * travelling towards +x with e^{jωt}), never −jk, which a signed −0 would otherwise select.
 */
export function complexSqrt(re: number, im: number, out: Float64Array, offset = 0): void {
  // √(re² + im²) directly when that cannot overflow or underflow (Math.hypot costs several times more).
  const modulusSquared = re * re + im * im;
  const modulus =
    modulusSquared > 1e-290 && modulusSquared < 1e290
      ? Math.sqrt(modulusSquared)
      : Math.hypot(re, im);
  if (modulus === 0) {
    out[offset] = 0;
    out[offset + 1] = 0;
    return;
  }
  // Each branch avoids the cancellation of modulus − |re| by dividing instead of subtracting.
  if (re >= 0) {
    const root = Math.sqrt(0.5 * (modulus + re));
    out[offset] = root;
    out[offset + 1] = im / (2 * root);
  } else {
    const rootIm = Math.sqrt(0.5 * (modulus - re));
    out[offset] = Math.abs(im) / (2 * rootIm);
    out[offset + 1] = im < 0 ? -rootIm : rootIm;
  }
}

/**
 * Writes cosh w at `offset` and sinh(w)/w at `offset + 2` for w = re + j·im (sinh(w)/w → 1 at w = 0).
 * Both are even in w, so a transmission-line matrix built from them does not depend on the branch of
 * Γ = √(Z'Y'). One exponential serves both: with m = e^{|Re w|} − 1 (Math.expm1),
 * sinh|Re w| = (m + m/(m + 1))/2 and cosh Re w = 1 + m²/(2(m + 1)), neither of which cancels. From
 * |Re w| = 709, where e^{|Re w|} overflows, e^{|Re w|}/2 is formed as e^{|Re w| − ln 2} (finite up to
 * |Re w| ≈ 710.4) and e^{−|Re w|} is dropped.
 */
export function complexCoshAndSinhc(re: number, im: number, out: Float64Array, offset = 0): void {
  const cosIm = Math.cos(im);
  const sinIm = Math.sin(im);
  const absRe = Math.abs(re);
  let coshRe: number;
  let sinhAbs: number;
  if (absRe < 709) {
    const m = Math.expm1(absRe);
    const ratio = m / (m + 1);
    coshRe = 1 + 0.5 * m * ratio;
    sinhAbs = 0.5 * (m + ratio);
  } else {
    coshRe = Math.exp(absRe - Math.LN2);
    sinhAbs = coshRe;
  }
  const sinhRe = re < 0 ? -sinhAbs : sinhAbs;
  out[offset] = coshRe * cosIm;
  out[offset + 1] = sinhRe * sinIm;

  const modulusSquared = re * re + im * im;
  if (modulusSquared < 1e-6) {
    // sinh(w)/w = 1 + w²/6 + w⁴/120 + w⁶/5040; the next term is below 1e-24 here.
    const w2Re = re * re - im * im;
    const w2Im = 2 * re * im;
    const w4Re = w2Re * w2Re - w2Im * w2Im;
    const w4Im = 2 * w2Re * w2Im;
    const w6Re = w4Re * w2Re - w4Im * w2Im;
    const w6Im = w4Re * w2Im + w4Im * w2Re;
    out[offset + 2] = 1 + w2Re / 6 + w4Re / 120 + w6Re / 5040;
    out[offset + 3] = w2Im / 6 + w4Im / 120 + w6Im / 5040;
    return;
  }
  // sinh(w)/w = (sinh(w)/|w|²)·w̄, scaled first so that nothing overflows while sinh w is finite.
  const inverse = 1 / modulusSquared;
  const scaledRe = sinhRe * cosIm * inverse;
  const scaledIm = coshRe * sinIm * inverse;
  out[offset + 2] = scaledRe * re + scaledIm * im;
  out[offset + 3] = scaledIm * re - scaledRe * im;
}
