/**
 * Complex Bessel functions J₀, J₁ of a complex argument and the thermoviscous ratio
 * F(x) = 2·J₁(x)/(x·J₀(x)) that the exact tube model needs (docs/physics.md §3). Allocation-free: results go
 * into a caller-owned Float64Array.
 *
 * Method
 * - |x| < HANKEL_MIN_MODULUS: the power series (DLMF 10.2.2) of J₀, 2J₁/x and 4J₂/x², summed together.
 * - |x| ≥ HANKEL_MIN_MODULUS: Hankel's asymptotic expansion (DLMF 10.17.3), after mapping x into the
 *   fourth quadrant with J₀(−x) = J₀(x), J₁(−x) = −J₁(x) and J(x̄) = conj J(x).
 *
 * Accuracy. The series loses about e^{|x| − |Im x|} (the ratio of its largest term to the envelope
 * e^{|Im x|}); the asymptotic series' smallest term, which bounds its truncation error, is 2.3e-16
 * at |x| = 17 and falls like e^{−2|x|}. On the tube rays arg x = ±45°, ±135° the series loses at most
 * e^{0.29·17} ≈ 150, so J₀, J₁ and F are good to a few 1e-14 relative for every |x| (tested up to
 * 1000 against mpmath). Close to the real axis, 10 < |x| < 17, the series' absolute error grows to
 * ~1e-16·e^{|x|} (≈ 2e-9 at |x| = 17); that band does not occur in the tube models.
 * J₀ and J₁ themselves overflow for |Im x| ≳ 709; F never does (it is a ratio formed before scaling).
 */

/** |x| from which the asymptotic (Hankel) expansion is used instead of the power series. */
export const HANKEL_MIN_MODULUS = 17;

const MAX_SERIES_TERMS = 120;
const MAX_HANKEL_TERMS = 60;
const TERM_TOLERANCE = 1e-17;

/** Scratch for the internal kernels: [J0re, J0im, S1re, S1im, S2re, S2im] or Hankel partial results. */
const scratch = new Float64Array(8);

/**
 * Power series at z with y = −z²/4: writes J₀ = Σ y^k/(k!)² at 0, S₁ = Σ y^k/(k!(k+1)!) = 2J₁(z)/z
 * at 2 and S₂ = Σ y^k/(k!(k+2)!) = 4J₂(z)/z² at 4. Nothing is divided by z, so z = 0 is fine.
 */
function seriesKernel(zRe: number, zIm: number, out: Float64Array): void {
  // y = −z²/4; every series is Σ c_k y^k.
  const yRe = -(zRe * zRe - zIm * zIm) / 4;
  const yIm = -(2 * zRe * zIm) / 4;
  const yAbs = Math.hypot(yRe, yIm);
  let t0Re = 1;
  let t0Im = 0;
  let t1Re = 1;
  let t1Im = 0;
  let t2Re = 0.5;
  let t2Im = 0;
  let s0Re = 1;
  let s0Im = 0;
  let s1Re = 1;
  let s1Im = 0;
  let s2Re = 0.5;
  let s2Im = 0;
  for (let k = 1; k <= MAX_SERIES_TERMS; k++) {
    let re = t0Re * yRe - t0Im * yIm;
    let im = t0Re * yIm + t0Im * yRe;
    t0Re = re / (k * k);
    t0Im = im / (k * k);
    re = t1Re * yRe - t1Im * yIm;
    im = t1Re * yIm + t1Im * yRe;
    t1Re = re / (k * (k + 1));
    t1Im = im / (k * (k + 1));
    re = t2Re * yRe - t2Im * yIm;
    im = t2Re * yIm + t2Im * yRe;
    t2Re = re / (k * (k + 2));
    t2Im = im / (k * (k + 2));
    s0Re += t0Re;
    s0Im += t0Im;
    s1Re += t1Re;
    s1Im += t1Im;
    s2Re += t2Re;
    s2Im += t2Im;
    // Terms only shrink once k² > |y|; |t1|, |t2| ≤ |t0| term by term.
    if (k * k > yAbs && Math.hypot(t0Re, t0Im) <= TERM_TOLERANCE * Math.hypot(s0Re, s0Im)) break;
  }
  out[0] = s0Re;
  out[1] = s0Im;
  out[2] = s1Re;
  out[3] = s1Im;
  out[4] = s2Re;
  out[5] = s2Im;
}

/**
 * Σ_m a_m(ν)·w^m with a_m(ν) = Π_{i=1..m} (4ν² − (2i−1)²) / (m!·8^m) (DLMF 10.17.1), summed until the
 * terms stop decreasing (the series is asymptotic) or fall below TERM_TOLERANCE. With w = ±j/x this is
 * P_ν(x) ± j·Q_ν(x) of DLMF 10.17.3. Writes re, im at `offset`.
 */
function hankelSum(nu: number, wRe: number, wIm: number, out: Float64Array, offset: number): void {
  const fourNuSquared = 4 * nu * nu;
  let termRe = 1;
  let termIm = 0;
  let sumRe = 1;
  let sumIm = 0;
  let previous = 1;
  for (let m = 1; m <= MAX_HANKEL_TERMS; m++) {
    const factor = (fourNuSquared - (2 * m - 1) ** 2) / (8 * m);
    const re = (termRe * wRe - termIm * wIm) * factor;
    const im = (termRe * wIm + termIm * wRe) * factor;
    const size = Math.hypot(re, im);
    if (size >= previous) break;
    termRe = re;
    termIm = im;
    sumRe += re;
    sumIm += im;
    previous = size;
    if (size <= TERM_TOLERANCE) break;
  }
  out[offset] = sumRe;
  out[offset + 1] = sumIm;
}

/**
 * Hankel expansion for z in the closed fourth quadrant (Re z ≥ 0, Im z ≤ 0), where e^{jχ} dominates:
 * J_ν(z) = √(2/(πz))·½·e^{jχ_ν}·[(P_ν + jQ_ν) + e^{−2jχ_ν}(P_ν − jQ_ν)], χ_ν = z − (ν/2 + 1/4)π.
 * With E = e^{−2jχ₀} = j·e^{−2jz} (|E| = e^{2 Im z} ≤ 1) this gives
 * N₀ = (P₀+jQ₀) + E(P₀−jQ₀), N₁ = (P₁+jQ₁) − E(P₁−jQ₁), J₁/J₀ = −j·N₁/N₀.
 * Writes N₀ at 0..1 and J₁/J₀ at 2..3.
 */
function hankelKernel(zRe: number, zIm: number, out: Float64Array): void {
  const inverseModulusSquared = 1 / (zRe * zRe + zIm * zIm);
  // w = j/z = j·z̄/|z|²
  const wRe = zIm * inverseModulusSquared;
  const wIm = zRe * inverseModulusSquared;
  hankelSum(0, wRe, wIm, out, 0);
  const p0PlusRe = out[0] ?? 0;
  const p0PlusIm = out[1] ?? 0;
  hankelSum(0, -wRe, -wIm, out, 0);
  const p0MinusRe = out[0] ?? 0;
  const p0MinusIm = out[1] ?? 0;
  hankelSum(1, wRe, wIm, out, 0);
  const p1PlusRe = out[0] ?? 0;
  const p1PlusIm = out[1] ?? 0;
  hankelSum(1, -wRe, -wIm, out, 0);
  const p1MinusRe = out[0] ?? 0;
  const p1MinusIm = out[1] ?? 0;

  // E = j·e^{−2jz} = j·e^{2·Im z}·(cos 2Re z − j sin 2Re z)
  const decay = Math.exp(2 * zIm);
  const eRe = decay * Math.sin(2 * zRe);
  const eIm = decay * Math.cos(2 * zRe);
  const n0Re = p0PlusRe + (eRe * p0MinusRe - eIm * p0MinusIm);
  const n0Im = p0PlusIm + (eRe * p0MinusIm + eIm * p0MinusRe);
  const n1Re = p1PlusRe - (eRe * p1MinusRe - eIm * p1MinusIm);
  const n1Im = p1PlusIm - (eRe * p1MinusIm + eIm * p1MinusRe);
  // −j·N₁/N₀
  const inverseN0 = 1 / (n0Re * n0Re + n0Im * n0Im);
  const qRe = (n1Re * n0Re + n1Im * n0Im) * inverseN0;
  const qIm = (n1Im * n0Re - n1Re * n0Im) * inverseN0;
  out[0] = n0Re;
  out[1] = n0Im;
  out[2] = qIm;
  out[3] = -qRe;
}

/**
 * Writes [Re J₀(x), Im J₀(x), Re J₁(x), Im J₁(x)] into `out` (length ≥ 4) for x = xRe + j·xIm.
 * Reference: DLMF §10.2 (series), §10.17 (Hankel expansion). Accuracy: see the module comment.
 */
export function besselJ0J1(xRe: number, xIm: number, out: Float64Array): void {
  if (Math.hypot(xRe, xIm) < HANKEL_MIN_MODULUS) {
    seriesKernel(xRe, xIm, scratch);
    const s1Re = scratch[2] ?? 0;
    const s1Im = scratch[3] ?? 0;
    out[0] = scratch[0] ?? 0;
    out[1] = scratch[1] ?? 0;
    // J₁ = (x/2)·S₁
    out[2] = 0.5 * (xRe * s1Re - xIm * s1Im);
    out[3] = 0.5 * (xRe * s1Im + xIm * s1Re);
    return;
  }
  const reflect = xRe < 0;
  const zRe = reflect ? -xRe : xRe;
  let zIm = reflect ? -xIm : xIm;
  const conjugate = zIm > 0;
  if (conjugate) zIm = -zIm;
  hankelKernel(zRe, zIm, scratch);
  const n0Re = scratch[0] ?? 0;
  const n0Im = scratch[1] ?? 0;
  const ratioRe = scratch[2] ?? 0;
  const ratioIm = scratch[3] ?? 0;

  // √(2/(πz))·½·e^{j(z − π/4)}; 1/√z from the principal root (Re z ≥ 0 here).
  const modulus = Math.hypot(zRe, zIm);
  const rootRe = Math.sqrt(0.5 * (modulus + zRe));
  const rootIm = zIm / (2 * rootRe);
  const scale = (Math.sqrt(2 / Math.PI) * 0.5) / modulus;
  const invRootRe = rootRe * scale;
  const invRootIm = -rootIm * scale;
  const growth = Math.exp(-zIm);
  const phase = zRe - Math.PI / 4;
  const expRe = growth * Math.cos(phase);
  const expIm = growth * Math.sin(phase);
  const prefRe = invRootRe * expRe - invRootIm * expIm;
  const prefIm = invRootRe * expIm + invRootIm * expRe;
  const j0Re = prefRe * n0Re - prefIm * n0Im;
  const j0Im = prefRe * n0Im + prefIm * n0Re;
  let j1Re = j0Re * ratioRe - j0Im * ratioIm;
  let j1Im = j0Re * ratioIm + j0Im * ratioRe;
  if (reflect) {
    j1Re = -j1Re;
    j1Im = -j1Im;
  }
  const sign = conjugate ? -1 : 1;
  out[0] = j0Re;
  out[1] = sign * j0Im;
  out[2] = j1Re;
  out[3] = sign * j1Im;
}

/**
 * Writes [Re F, Im F, Re (1 − F), Im (1 − F)] into `out` (length ≥ 4), with
 * F(x) = 2·J₁(x)/(x·J₀(x)) (F(0) = 1; F = 1 + x²/8 + x⁴/48 + …).
 * 1 − F is returned separately because it is what the viscous branch divides by and it cancels for
 * small x: it is formed as −J₂(x)/J₀(x) (from J₀ + J₂ = 2J₁/x, DLMF 10.6.1), keeping full relative
 * precision as x → 0. For large |x| the ratio J₁/J₀ comes straight from the Hankel expansion, so
 * nothing overflows however large |Im x| is. Undefined at zeros of J₀ (real x only; the tube
 * arguments lie on arg x = ±45°, where J₀ has none).
 */
export function besselF(xRe: number, xIm: number, out: Float64Array): void {
  const modulus = Math.hypot(xRe, xIm);
  if (modulus < HANKEL_MIN_MODULUS) {
    seriesKernel(xRe, xIm, scratch);
    const j0Re = scratch[0] ?? 0;
    const j0Im = scratch[1] ?? 0;
    const s1Re = scratch[2] ?? 0;
    const s1Im = scratch[3] ?? 0;
    // J₂/J₀ = (x²/4)·S₂/J₀; 1 − F = −J₂/J₀.
    const s2Re = scratch[4] ?? 0;
    const s2Im = scratch[5] ?? 0;
    const qRe = ((xRe * xRe - xIm * xIm) / 4) * s2Re - ((2 * xRe * xIm) / 4) * s2Im;
    const qIm = ((xRe * xRe - xIm * xIm) / 4) * s2Im + ((2 * xRe * xIm) / 4) * s2Re;
    const inverseJ0 = 1 / (j0Re * j0Re + j0Im * j0Im);
    out[0] = (s1Re * j0Re + s1Im * j0Im) * inverseJ0;
    out[1] = (s1Im * j0Re - s1Re * j0Im) * inverseJ0;
    out[2] = -(qRe * j0Re + qIm * j0Im) * inverseJ0;
    out[3] = -(qIm * j0Re - qRe * j0Im) * inverseJ0;
    return;
  }
  // F is even and real-symmetric, so reduce x to the fourth quadrant and conjugate back.
  const zRe = Math.abs(xRe);
  const flip = xRe < 0 ? -xIm : xIm;
  const conjugate = flip > 0;
  const zIm = conjugate ? -flip : flip;
  hankelKernel(zRe, zIm, scratch);
  const ratioRe = scratch[2] ?? 0;
  const ratioIm = scratch[3] ?? 0;
  // F = (2/z)·(J₁/J₀), 2/z = 2·z̄/|z|²
  const twoOverModulusSquared = 2 / (modulus * modulus);
  const fRe = (zRe * ratioRe + zIm * ratioIm) * twoOverModulusSquared;
  const fIm = (zRe * ratioIm - zIm * ratioRe) * twoOverModulusSquared;
  const sign = conjugate ? -1 : 1;
  out[0] = fRe;
  out[1] = sign * fIm;
  out[2] = 1 - fRe;
  out[3] = -sign * fIm;
}
