/**
 * One RBJ filter's power response in the form the EQ fit evaluates fastest, with its derivatives in
 * closed form.
 *
 * A biquad numerator b = [p + q, r, p − q] has |B(e^{jw})|² = (r + 2p·cos w)² + 4q²·sin² w (expand
 * b0² + b1² + b2² + 2(b0b1 + b1b2)cos w + 2b0b2 cos 2w). In u = 1 − cos w and s = sin² w = u(2 − u):
 *
 *   |H(w)|² = N/D,   N = (aN − bN·u)² + cN·s,   D = (aD − bD·u)² + cD·s
 *
 * With A = 10^(gain/40), u0 = 1 − cos w0 = 2·sin²(w0/2) and α² = sin² w0 / (4Q²) (biquad.ts's
 * cookbook formulae; factors common to N and D dropped):
 *
 *   peaking     aN = 2u0,     bN = 2,                      cN = 4α²A²
 *               aD = 2u0,     bD = 2,                      cD = 4α²/A²
 *   low shelf   aN = 4A²u0,   bN = 4A + 2(A² − A)u0,       cN = 16A³α²
 *               aD = 4u0,     bD = 4A − 2(A − 1)u0,        cD = 16Aα²
 *   high shelf  aN = 4A·u0,   bN = 4A² − 2(A² − A)u0,      cN = 16A³α²
 *               aD = 4A·u0,   bD = 4 + 2(A − 1)u0,         cD = 16Aα²
 *
 * u0 enters as 2·sin²(w0/2), never as 1 − cos w0, so a filter at 20 Hz keeps its precision (biquad.ts
 * says why that matters). The six scalars are polynomials in A, u0 and α², so their derivatives in
 * ln fc, ln Q and gain (dB) follow by the chain rule: dA/dgain = A·ln10/40, du0/d ln fc = w0·sin w0,
 * dα²/d ln fc = 2α²·w0·cot w0, dα²/d ln Q = −2α². A point's derivative of the response in dB is then
 * (10/ln 10)·(N'/N − D'/D) with N' = 2(aN − bN·u)(aN' − bN'·u) + cN'·s: no finite differences.
 */
import type { BiquadType } from "./biquad.js";

/** Scalars per filter in a shape buffer: aN bN cN aD bD cD, then the same for ∂/∂ ln fc, ∂/∂ ln Q, ∂/∂ gain. */
export const SHAPE_STRIDE = 24;
/** Offsets of the derivative blocks within one filter's shape. */
export const SHAPE_BY_LOG_FC = 6;
export const SHAPE_BY_LOG_Q = 12;
export const SHAPE_BY_GAIN = 18;

/**
 * Writes the shape of the filter (type, fc Hz, Q, gain dB at sampleRateHz) and its derivatives into
 * out[offset … offset + SHAPE_STRIDE). No allocation: the fit calls this for every filter at every
 * evaluation. The filter is not validated (the fit's bounds keep fc below Nyquist and Q positive).
 */
export function writeFilterShape(
  type: BiquadType,
  fcHz: number,
  q: number,
  gainDb: number,
  sampleRateHz: number,
  out: Float64Array,
  offset: number,
): void {
  const A = 10 ** (gainDb / 40);
  const w0 = (2 * Math.PI * fcHz) / sampleRateHz;
  const halfSin = Math.sin(w0 / 2);
  const u0 = 2 * halfSin * halfSin;
  const sinW0 = Math.sin(w0);
  const alpha2 = (sinW0 * sinW0) / (4 * q * q);
  // Partials of the six scalars in A, u0 and α² (rows: aN bN cN aD bD cD).
  let byA0: number, byA1: number, byA2: number, byA3: number, byA4: number, byA5: number;
  let byU0: number, byU1: number, byU3: number, byU4: number;
  let byAlpha2N: number, byAlpha2D: number;
  const o = offset;
  switch (type) {
    case "peaking": {
      out[o] = 2 * u0;
      out[o + 1] = 2;
      out[o + 2] = 4 * alpha2 * A * A;
      out[o + 3] = 2 * u0;
      out[o + 4] = 2;
      out[o + 5] = (4 * alpha2) / (A * A);
      byA0 = byA1 = byA3 = byA4 = 0;
      byA2 = 8 * alpha2 * A;
      byA5 = (-8 * alpha2) / A ** 3;
      byU0 = byU3 = 2;
      byU1 = byU4 = 0;
      byAlpha2N = 4 * A * A;
      byAlpha2D = 4 / (A * A);
      break;
    }
    case "low-shelf": {
      out[o] = 4 * A * A * u0;
      out[o + 1] = 4 * A + 2 * (A * A - A) * u0;
      out[o + 2] = 16 * A ** 3 * alpha2;
      out[o + 3] = 4 * u0;
      out[o + 4] = 4 * A - 2 * (A - 1) * u0;
      out[o + 5] = 16 * A * alpha2;
      byA0 = 8 * A * u0;
      byA1 = 4 + 2 * (2 * A - 1) * u0;
      byA2 = 48 * A * A * alpha2;
      byA3 = 0;
      byA4 = 4 - 2 * u0;
      byA5 = 16 * alpha2;
      byU0 = 4 * A * A;
      byU1 = 2 * (A * A - A);
      byU3 = 4;
      byU4 = -2 * (A - 1);
      byAlpha2N = 16 * A ** 3;
      byAlpha2D = 16 * A;
      break;
    }
    case "high-shelf": {
      out[o] = 4 * A * u0;
      out[o + 1] = 4 * A * A - 2 * (A * A - A) * u0;
      out[o + 2] = 16 * A ** 3 * alpha2;
      out[o + 3] = 4 * A * u0;
      out[o + 4] = 4 + 2 * (A - 1) * u0;
      out[o + 5] = 16 * A * alpha2;
      byA0 = 4 * u0;
      byA1 = 8 * A - 2 * (2 * A - 1) * u0;
      byA2 = 48 * A * A * alpha2;
      byA3 = 4 * u0;
      byA4 = 2 * u0;
      byA5 = 16 * alpha2;
      byU0 = 4 * A;
      byU1 = -2 * (A * A - A);
      byU3 = 4 * A;
      byU4 = 2 * (A - 1);
      byAlpha2N = 16 * A ** 3;
      byAlpha2D = 16 * A;
      break;
    }
  }
  const aByGain = (A * Math.LN10) / 40;
  const u0ByLogFc = w0 * sinW0;
  const alpha2ByLogFc = (2 * alpha2 * w0 * Math.cos(w0)) / sinW0;
  const alpha2ByLogQ = -2 * alpha2;
  const f = o + SHAPE_BY_LOG_FC;
  out[f] = byU0 * u0ByLogFc;
  out[f + 1] = byU1 * u0ByLogFc;
  out[f + 2] = byAlpha2N * alpha2ByLogFc;
  out[f + 3] = byU3 * u0ByLogFc;
  out[f + 4] = byU4 * u0ByLogFc;
  out[f + 5] = byAlpha2D * alpha2ByLogFc;
  const g = o + SHAPE_BY_LOG_Q;
  out[g] = 0;
  out[g + 1] = 0;
  out[g + 2] = byAlpha2N * alpha2ByLogQ;
  out[g + 3] = 0;
  out[g + 4] = 0;
  out[g + 5] = byAlpha2D * alpha2ByLogQ;
  const h = o + SHAPE_BY_GAIN;
  out[h] = byA0 * aByGain;
  out[h + 1] = byA1 * aByGain;
  out[h + 2] = byA2 * aByGain;
  out[h + 3] = byA3 * aByGain;
  out[h + 4] = byA4 * aByGain;
  out[h + 5] = byA5 * aByGain;
}
