import type { Curve } from "../core/curve.js";
import { type Issue, TympanError } from "../core/issues.js";
import { impedanceCurveWarnings } from "./impedanceCurveWarnings.js";
import { autocorrelationFactor } from "./residualCorrelation.js";

/**
 * A moving-coil driver's Thiele–Small figures read off its electrical impedance alone, with 95 %
 * intervals: what a maker's |Z| curve (or a measurement in free air) gives without a second
 * measurement (an added mass or a known box is needed for Mms, Cms, Bl and Vas, which |Z| cannot
 * separate).
 */
export interface ThieleSmallImpedanceFit {
  /** Voice-coil DC resistance, Ω. */
  readonly reOhm: number;
  /** Voice-coil inductance, H (a plain inductor: the model of the dynamicDriver element). */
  readonly leH: number;
  /** Resonance in free air, Hz. */
  readonly fsHz: number;
  /** Mechanical, electrical and total Q at fs (1/Qts = 1/Qes + 1/Qms). */
  readonly qms: number;
  readonly qes: number;
  readonly qts: number;
  /** The motional peak above Re, Res = Re·Qms/Qes, Ω. */
  readonly resOhm: number;
  /**
   * 95 % intervals [low, high] of Re, Le, fs, Qes and Qms (fitted as logarithms, so each is a factor
   * either side), from the linearised covariance of the fit with its residual variance; Qts's from
   * the same covariance through ln Qts = ln Qes + ln Qms − ln(Qes + Qms).
   */
  readonly intervals: Readonly<
    Record<"reOhm" | "leH" | "fsHz" | "qes" | "qms" | "qts", readonly [number, number]>
  >;
  /** What is suspect in the curve (an |Z| below 1 Ω everywhere, a phase of zero everywhere). */
  readonly warnings: readonly Issue[];
  /** RMS of |Z_model/Z_data| − 1 over the curve, %. */
  readonly residualRmsPercent: number;
  /** RMS phase error over the curve, degrees, when the curve has a phase. */
  readonly phaseRmsDeg?: number;
  /** The closed-form first estimate (Small's impedance method), before the least-squares refinement. */
  readonly closedForm: {
    readonly reOhm: number;
    readonly fsHz: number;
    readonly qms: number;
    readonly qes: number;
    readonly leH: number;
  };
}

const NAMES = ["reOhm", "leH", "fsHz", "qes", "qms"] as const;
/** Two-sided 95 % quantile of the normal distribution. */
const Z_95 = 1.959964;
/** Gauss–Newton iterations (a five-parameter fit from a close start converges in a handful). */
const MAX_ITERATIONS = 60;
/** Forward-difference step of the Jacobian, in log units. */
const DIFFERENCE_STEP = 1e-7;
/** A curve whose largest |Z| is within this ratio of its smallest is flat: no driver was measured. */
const FLAT_RATIO = 1.001;

/**
 * Fits Z(ω) = Re + jωLe + Res/(1 + jQms·(f/fs − fs/f)), Res = Re·Qms/Qes, the small-signal
 * impedance of a moving coil in free air (Thiele, JAES 19:382, 1971; Small, JAES 20:383, 1972; the
 * dynamicDriver element's impedance with Bl²/Zm written through fs, Qms, Qes), to an impedance
 * curve: ln|Z| at every point, and the phase (radians) when the curve has one.
 *
 * Closed-form start (Small's method, magnitude only): Re the smallest |Z| below the peak, fs the
 * peak (parabola in log f), r0 = Zmax/Re, f1 and f2 where |Z| = Re·√r0 either side,
 * Qms = fs·√r0/(f2 − f1), Qes = Qms/(r0 − 1); Le from |Z| at the top frequency. Then damped
 * Gauss–Newton in log coordinates (the Levenberg–Marquardt of eq/ sits in a later layer; five
 * parameters from a close start need no more). Intervals: ±1.96σ of s²·(JᵀJ)⁻¹, s² the residual
 * variance per row, rows counted as N·(1 − ρ)/(1 + ρ) independent (ρ the residuals' lag-one
 * autocorrelation: a model error is correlated along the curve).
 *
 * @throws TympanError when the curve is not an impedance, has fewer than 10 points, is the same at
 *   every frequency, or shows no resonance peak inside it (a peak at either end cannot be located).
 *   A curve below 1 Ω everywhere, or with a phase of zero everywhere (ignored), is fitted with a
 *   warning.
 */
export function thieleSmallFromImpedance(curve: Curve): ThieleSmallImpedanceFit {
  const name = curve.name ?? "the impedance curve";
  const fail = (message: string, hint: string): never => {
    throw new TympanError([
      {
        code: "fit-not-applicable",
        severity: "error",
        path: [],
        message: `${name}: ${message}`,
        hint,
      },
    ]);
  };
  if (curve.kind !== "impedance")
    fail("is a response, not an impedance", "give an impedance curve (|Z| in Ω)");
  const f = curve.frequencyHz;
  const magnitude = curve.values;
  if (f.length < 10)
    fail(
      `has ${f.length} points; a Thiele–Small fit needs at least 10 around the resonance`,
      "measure or export the impedance over 10 Hz–20 kHz",
    );
  if (magnitude.some((value) => !(value > 0)))
    fail("has an |Z| that is not positive", "check the file's columns: |Z| in Ω comes second");
  const [smallest, largest] = [Math.min(...magnitude), Math.max(...magnitude)];
  if (largest < FLAT_RATIO * smallest)
    fail(
      `is ${smallest.toPrecision(3)} Ω at every frequency: a driver's impedance peaks at its resonance and rises towards the top, so the file holds no measurement`,
      "export the impedance again, or take it from the maker's datasheet",
    );
  const start = closedFormEstimate(f, magnitude, fail);
  const phase = curve.phaseDeg?.some((value) => value !== 0)
    ? curve.phaseDeg.map((d) => (d * Math.PI) / 180)
    : undefined;
  const rows = f.length * (phase ? 2 : 1);
  const residuals = (x: Float64Array, out: Float64Array = new Float64Array(rows)): Float64Array => {
    let row = 0;
    for (let k = 0; k < f.length; k++) {
      const [re, im] = modelImpedance(x, f[k]!);
      out[row++] = 0.5 * Math.log(re * re + im * im) - Math.log(magnitude[k]!);
      if (phase) {
        const d = Math.atan2(im, re) - phase[k]!;
        out[row++] = Math.atan2(Math.sin(d), Math.cos(d));
      }
    }
    return out;
  };
  let x = Float64Array.from([start.reOhm, start.leH, start.fsHz, start.qes, start.qms], Math.log);
  let r = residuals(x);
  let cost = sumOfSquares(r);
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS && damping < 1e10; iteration++) {
    const { jtj, jtr } = normalEquations(x, r, residuals);
    const a = Float64Array.from(jtj);
    for (let p = 0; p < 5; p++) a[p * 5 + p] = jtj[p * 5 + p]! * (1 + damping);
    const step = solveSymmetric(
      a,
      jtr.map((value) => -value),
    );
    const trial = step ? x.map((value, p) => value + step[p]!) : x;
    const trialR = residuals(trial);
    const trialCost = sumOfSquares(trialR);
    if (step && trialCost < cost) {
      const gain = (cost - trialCost) / Math.max(cost, 1e-300);
      [x, r, cost] = [trial, trialR, trialCost];
      damping = Math.max(damping / 10, 1e-12);
      if (gain < 1e-12) break;
    } else {
      damping *= 10;
    }
  }
  const [reOhm, leH, fsHz, qes, qms] = Array.from(x, Math.exp) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const { jtj } = normalEquations(x, r, residuals);
  const variance = cost / Math.max(1, rows * autocorrelationFactor(r) - 5);
  const covariance = invert5(jtj);
  const within = (logValue: number, logVariance: number) => {
    const half = Z_95 * Math.sqrt(Math.max(0, variance * logVariance));
    return [Math.exp(logValue - half), Math.exp(logValue + half)] as const;
  };
  // ln Qts's gradient in (ln Qes, ln Qms) is (Qms, Qes)/(Qes + Qms).
  const [gQes, gQms] = [qms / (qes + qms), qes / (qes + qms)];
  const qtsVariance = covariance
    ? gQes * gQes * covariance[18]! +
      2 * gQes * gQms * covariance[19]! +
      gQms * gQms * covariance[24]!
    : Infinity;
  const intervals = {
    ...Object.fromEntries(
      NAMES.map((key, p) => [key, within(x[p]!, covariance?.[p * 5 + p] ?? Infinity)]),
    ),
    qts: within(Math.log((qms * qes) / (qms + qes)), qtsVariance),
  } as ThieleSmallImpedanceFit["intervals"];
  let magnitudeSum = 0;
  let phaseSum = 0;
  for (let k = 0; k < f.length; k++) {
    const [re, im] = modelImpedance(x, f[k]!);
    magnitudeSum += (Math.hypot(re, im) / magnitude[k]! - 1) ** 2;
    if (phase) {
      const d = Math.atan2(im, re) - phase[k]!;
      phaseSum += Math.atan2(Math.sin(d), Math.cos(d)) ** 2;
    }
  }
  return {
    reOhm,
    leH,
    fsHz,
    qms,
    qes,
    qts: (qms * qes) / (qms + qes),
    resOhm: (reOhm * qms) / qes,
    intervals,
    residualRmsPercent: 100 * Math.sqrt(magnitudeSum / f.length),
    ...(phase ? { phaseRmsDeg: (180 / Math.PI) * Math.sqrt(phaseSum / f.length) } : {}),
    closedForm: start,
    warnings: impedanceCurveWarnings(curve, 100 * Math.sqrt(magnitudeSum / f.length)),
  };
}

/** Z (re, im) of the model at log coordinates x = ln[Re, Le, fs, Qes, Qms], frequency fHz. */
function modelImpedance(x: ArrayLike<number>, fHz: number): [number, number] {
  const re = Math.exp(x[0]!);
  const le = Math.exp(x[1]!);
  const fs = Math.exp(x[2]!);
  const qes = Math.exp(x[3]!);
  const qms = Math.exp(x[4]!);
  const res = (re * qms) / qes;
  // Res/(1 + jy), y = Qms·(f/fs − fs/f).
  const y = qms * (fHz / fs - fs / fHz);
  const d = 1 + y * y;
  return [re + res / d, 2 * Math.PI * fHz * le - (res * y) / d];
}

/** Small's closed-form estimate from |Z| alone (see thieleSmallFromImpedance). */
function closedFormEstimate(
  f: readonly number[],
  magnitude: readonly number[],
  fail: (message: string, hint: string) => never,
): ThieleSmallImpedanceFit["closedForm"] {
  // The resonance: the highest |Z| that is a local peak (the inductive rise at the top is not one).
  let peak = -1;
  for (let k = 1; k < f.length - 1; k++) {
    if (magnitude[k]! >= magnitude[k - 1]! && magnitude[k]! > magnitude[k + 1]!)
      if (peak < 0 || magnitude[k]! > magnitude[peak]!) peak = k;
  }
  if (peak < 0)
    fail(
      "shows no resonance peak inside the curve",
      "measure down to well below the driver's resonance (e.g. from 10 Hz)",
    );
  const reOhm = resistanceBelowResonance(f, magnitude, f[peak]!);
  // Parabola through the peak and its neighbours in (log f, ln|Z|).
  const [u0, u1, u2] = [peak - 1, peak, peak + 1].map((k) => Math.log(f[k]!));
  const [v0, v1, v2] = [peak - 1, peak, peak + 1].map((k) => Math.log(magnitude[k]!));
  const denominator = (u0! - u1!) * (u0! - u2!) * (u1! - u2!);
  const a = (u2! * (v1! - v0!) + u1! * (v0! - v2!) + u0! * (v2! - v1!)) / denominator;
  const b =
    (u2! ** 2 * (v0! - v1!) + u1! ** 2 * (v2! - v0!) + u0! ** 2 * (v1! - v2!)) / denominator;
  const top = a < 0 ? -b / (2 * a) : u1!;
  const fsHz = Math.exp(Math.min(u2!, Math.max(u0!, top)));
  const zMax = Math.exp(a < 0 ? v1! + a * (top - u1!) ** 2 : v1!);
  const r0 = zMax / reOhm;
  const level = reOhm * Math.sqrt(r0);
  const crossing = (from: number, direction: 1 | -1): number => {
    for (let k = from; k + direction >= 0 && k + direction < f.length; k += direction) {
      const [m0, m1] = [magnitude[k]!, magnitude[k + direction]!];
      if ((m0 - level) * (m1 - level) <= 0 && m0 !== m1) {
        const t = (Math.log(level) - Math.log(m0)) / (Math.log(m1) - Math.log(m0));
        return Math.exp(Math.log(f[k]!) + t * (Math.log(f[k + direction]!) - Math.log(f[k]!)));
      }
    }
    return fail(
      "does not fall to √(Zmax·Re) on both sides of its peak, so the resonance's width cannot be read",
      "measure over a wider band around the resonance",
    );
  };
  const f1 = crossing(peak, -1);
  const f2 = crossing(peak, 1);
  const qms = (fsHz * Math.sqrt(r0)) / (f2 - f1);
  const qes = qms / Math.max(r0 - 1, 1e-6);
  // Le from the top point: what |Z| has above Re there, as a reactance.
  const last = f.length - 1;
  const reactance = Math.sqrt(Math.max(magnitude[last]! ** 2 - reOhm ** 2, (0.01 * reOhm) ** 2));
  return { reOhm, fsHz, qms, qes, leH: reactance / (2 * Math.PI * f[last]!) };
}

/**
 * Re from |Z| well below the resonance, where the motional part is the inductance Lces = Res/(Qms·ωs)
 * in series (|Z|² ≈ Re² + ω²·Lces²): the intercept of |Z|² against ω² over the points below fs/4
 * (the smallest |Z| below the peak when fewer than two are). Taking the smallest |Z| instead is
 * 17 % high on a woofer measured from 10 Hz (fs 42 Hz, Qms 4.2).
 */
function resistanceBelowResonance(
  f: readonly number[],
  magnitude: readonly number[],
  peakHz: number,
): number {
  const below = f.flatMap((value, k) => (value <= peakHz / 4 ? [k] : []));
  const smallest = Math.min(
    ...magnitude.slice(
      0,
      Math.max(
        1,
        f.findIndex((value) => value >= peakHz),
      ),
    ),
  );
  if (below.length < 2) return smallest;
  const u = below.map((k) => f[k]! ** 2);
  const v = below.map((k) => magnitude[k]! ** 2);
  const meanU = u.reduce((sum, value) => sum + value, 0) / u.length;
  const meanV = v.reduce((sum, value) => sum + value, 0) / v.length;
  let covariance = 0;
  let spread = 0;
  u.forEach((value, j) => {
    covariance += (value - meanU) * (v[j]! - meanV);
    spread += (value - meanU) ** 2;
  });
  const intercept = meanV - (covariance / spread) * meanU;
  return intercept > 0 ? Math.min(Math.sqrt(intercept), smallest) : smallest;
}

function normalEquations(
  x: Float64Array,
  r: Float64Array,
  residuals: (x: Float64Array, out?: Float64Array) => Float64Array,
): { jtj: Float64Array; jtr: Float64Array } {
  const rows = r.length;
  const j = new Float64Array(rows * 5);
  const shifted = Float64Array.from(x);
  const column = new Float64Array(rows);
  for (let p = 0; p < 5; p++) {
    shifted[p] = x[p]! + DIFFERENCE_STEP;
    residuals(shifted, column);
    shifted[p] = x[p]!;
    for (let row = 0; row < rows; row++)
      j[row * 5 + p] = (column[row]! - r[row]!) / DIFFERENCE_STEP;
  }
  const jtj = new Float64Array(25);
  const jtr = new Float64Array(5);
  for (let row = 0; row < rows; row++) {
    for (let p = 0; p < 5; p++) {
      jtr[p] = jtr[p]! + j[row * 5 + p]! * r[row]!;
      for (let q = 0; q < 5; q++)
        jtj[p * 5 + q] = jtj[p * 5 + q]! + j[row * 5 + p]! * j[row * 5 + q]!;
    }
  }
  return { jtj, jtr };
}

/**
 * x of A·x = b for a symmetric positive definite n×n A (row-major), by Cholesky; undefined when A is
 * not positive definite. (JᵀJ is; nonlinear/denseSolve's general LU is not used here: its solve
 * applies the row swaps interleaved with the elimination and goes wrong after a late pivot swap.)
 */
function solveSymmetric(a: Float64Array, b: Float64Array): Float64Array | undefined {
  const n = b.length;
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j]!;
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k]! ** 2;
    if (!(diagonal > 0)) return undefined;
    l[j * n + j] = Math.sqrt(diagonal);
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = sum / l[j * n + j]!;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) x[i] = x[i]! - l[i * n + k]! * x[k]!;
    x[i] = x[i]! / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) x[i] = x[i]! - l[k * n + i]! * x[k]!;
    x[i] = x[i]! / l[i * n + i]!;
  }
  return x;
}

/** The inverse of a symmetric positive definite 5×5 matrix, or undefined when it is not one. */
function invert5(a: Float64Array): Float64Array | undefined {
  const inverse = new Float64Array(25);
  for (let c = 0; c < 5; c++) {
    const column = solveSymmetric(
      a,
      Float64Array.from({ length: 5 }, (_, p) => (p === c ? 1 : 0)),
    );
    if (!column) return undefined;
    for (let p = 0; p < 5; p++) inverse[p * 5 + c] = column[p]!;
  }
  return inverse;
}

function sumOfSquares(r: Float64Array): number {
  let sum = 0;
  for (const value of r) sum += value * value;
  return Number.isFinite(sum) ? sum : Infinity;
}
