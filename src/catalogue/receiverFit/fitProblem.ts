import { type Air, SPL_REFERENCE_PA } from "../../core/air.js";
import type {
  BoundedLeastSquaresProblem,
  NormalEquations,
} from "../../eq/boundedLevenbergMarquardt.js";
import type { FitTargets } from "./datasheetData.js";
import { type FitLayout, type FitParameter, receiverKeysWriter } from "./fitParameters.js";
import type { LoadChain } from "./loadChain.js";
import { MOTOR_KEYS, type ReceiverEvaluation, ReceiverEvaluator } from "./receiverModel.js";

/** dB per neper: an impedance ratio's logarithm counts like a level difference. */
const DB_PER_NEPER = 20 / Math.LN10;
/**
 * Weight of the impedance rows: 1.5 makes 1 dB of level weigh as an 8 % impedance error. Chosen on the
 * eight shared Knowles receivers, where it keeps every fit the element can represent within 1 dB RMS
 * and 6 % RMS (at 1 the |Z| errors reach 6.2 %, at 2 the response errors 0.96 dB).
 */
const IMPEDANCE_WEIGHT = 1.5;
/** Forward-difference step of the Jacobian in fit coordinates (a relative step for log ones). */
const DIFFERENCE_STEP = 1e-6;

/**
 * The least-squares problem of a datasheet fit: residuals are the model's level minus the smoothed
 * datasheet's, in dB, at each 1/24-octave point of each response's band, then ln|Z_model/Z_data| in
 * dB times IMPEDANCE_WEIGHT over the impedance band, and the phase
 * error in the same units (radians × 20/ln 10) when the file has a phase.
 */
export class ReceiverFitProblem implements BoundedLeastSquaresProblem {
  readonly parameters: readonly FitParameter[];
  readonly layout: FitLayout;
  readonly lower: number[];
  readonly upper: number[];
  readonly rows: number;
  readonly targets: FitTargets;
  private readonly evaluator: ReceiverEvaluator;
  private readonly driveVoltage: number;
  /** The evaluation `residuals` overwrites (read there and let go: no arrays per evaluation). */
  private readonly scratch: ReceiverEvaluation;
  /** Each motor's key at the point being evaluated (see receiverKeysWriter), overwritten. */
  private readonly motorKeys: Float64Array[];
  private readonly writeKeys: ReturnType<typeof receiverKeysWriter>;
  /** Evaluations so far (for the benchmark and the progress line). */
  evaluations = 0;

  constructor(
    targets: FitTargets,
    loads: readonly LoadChain[],
    layout: FitLayout,
    parameters: readonly FitParameter[],
    driveVoltage: number,
    air: Air,
  ) {
    this.targets = targets;
    this.layout = layout;
    this.parameters = parameters;
    this.driveVoltage = driveVoltage;
    this.evaluator = new ReceiverEvaluator(targets.frequencyHz, loads, air);
    this.scratch = this.evaluator.newEvaluation();
    this.writeKeys = receiverKeysWriter(parameters, layout);
    this.motorKeys = Array.from(
      { length: layout.motorCount },
      () => new Float64Array(MOTOR_KEYS.length),
    );
    this.lower = parameters.map((p) => (p.log ? Math.log(p.lower) : p.lower));
    this.upper = parameters.map((p) => (p.log ? Math.log(p.upper) : p.upper));
    const { impedance } = targets;
    this.rows =
      targets.responses.reduce((sum, response) => sum + response.indices.length, 0) +
      impedance.indices.length * (impedance.phaseRad ? 2 : 1);
  }

  /**
   * The receiver's impedance and responses at fit coordinates x (new arrays, or `into` overwritten).
   */
  evaluate(x: ArrayLike<number>, into?: ReceiverEvaluation): ReceiverEvaluation {
    this.evaluations++;
    const fixture = this.writeKeys(x, this.motorKeys);
    return this.evaluator.evaluateKeyed(this.motorKeys, fixture, into);
  }

  /** SPL (dB re 20 µPa) at the drive voltage of response `index`, on the fit grid. */
  levelDb(evaluation: ReceiverEvaluation, index: number): Float64Array {
    const re = evaluation.pressureRe[index]!;
    const im = evaluation.pressureIm[index]!;
    const level = new Float64Array(re.length);
    // 10·log10(|p|²) + 20·log10(V/p_ref): no square root, one logarithm per point.
    const offset = 20 * Math.log10(this.driveVoltage / SPL_REFERENCE_PA);
    for (let k = 0; k < re.length; k++)
      level[k] = DB_PER_NEPER * 0.5 * Math.log(re[k]! * re[k]! + im[k]! * im[k]!) + offset;
    return level;
  }

  residuals(x: ArrayLike<number>, out = new Float64Array(this.rows)): Float64Array {
    const evaluation = this.evaluate(x, this.scratch);
    let row = 0;
    // The level as levelDb computes it, at the band's points only (a third of the grid lies outside).
    const offset = 20 * Math.log10(this.driveVoltage / SPL_REFERENCE_PA);
    this.targets.responses.forEach((response, index) => {
      const re = evaluation.pressureRe[index]!;
      const im = evaluation.pressureIm[index]!;
      const { indices, db } = response;
      for (let j = 0; j < indices.length; j++) {
        const k = indices[j]!;
        const level = DB_PER_NEPER * 0.5 * Math.log(re[k]! * re[k]! + im[k]! * im[k]!) + offset;
        out[row++] = level - db[j]!;
      }
    });
    const { indices, logMagnitude, phaseRad } = this.targets.impedance;
    for (let j = 0; j < indices.length; j++) {
      const k = indices[j]!;
      const re = evaluation.impedanceRe[k]!;
      const im = evaluation.impedanceIm[k]!;
      out[row++] =
        (0.5 * Math.log(re * re + im * im) - logMagnitude[j]!) * DB_PER_NEPER * IMPEDANCE_WEIGHT;
      if (phaseRad) {
        const difference = Math.atan2(im, re) - phaseRad[j]!;
        out[row++] = Math.atan2(Math.sin(difference), Math.cos(difference)) * DB_PER_NEPER;
      }
    }
    return out;
  }

  cost(x: Float64Array): number {
    const r = this.residuals(x);
    let sum = 0;
    for (const value of r) sum += value * value;
    return Number.isFinite(sum) ? sum : Infinity;
  }

  /**
   * The Jacobian by forward differences, column-major (column c holds ∂r/∂x_c at rows·c … rows·c +
   * rows − 1, so JᵀJ is dot products of contiguous columns), and the residuals at x. Fixed columns
   * stay zero.
   */
  jacobian(
    x: ArrayLike<number>,
    fixed?: readonly boolean[],
    r: Float64Array = this.residuals(x),
  ): { r: Float64Array; j: Float64Array } {
    const n = this.parameters.length;
    const rows = this.rows;
    const j = new Float64Array(rows * n);
    const shifted = Float64Array.from(x);
    for (let c = 0; c < n; c++) {
      if (fixed?.[c]) continue;
      // Step inward at the upper bound so the model is never evaluated outside the box.
      const step = x[c]! + DIFFERENCE_STEP > this.upper[c]! ? -DIFFERENCE_STEP : DIFFERENCE_STEP;
      shifted[c] = x[c]! + step;
      const column = j.subarray(c * rows, (c + 1) * rows);
      this.residuals(shifted, column);
      shifted[c] = x[c]!;
      for (let row = 0; row < rows; row++) column[row] = (column[row]! - r[row]!) / step;
    }
    return { r, j };
  }

  normalEquations(x: Float64Array, fixed?: readonly boolean[]): NormalEquations {
    return this.normalEquationsWith(x, this.residuals(x), fixed);
  }

  /** The normal equations at x whose residuals `r` are known already. */
  normalEquationsWith(
    x: Float64Array,
    r: Float64Array,
    fixed?: readonly boolean[],
  ): NormalEquations {
    const n = this.parameters.length;
    const { j } = this.jacobian(x, fixed, r);
    return { ...normalMatrices(r, j, n), cost: r.reduce((sum, value) => sum + value * value, 0) };
  }
}

/**
 * JᵀJ and Jᵀr of a column-major Jacobian with n columns (as ReceiverFitProblem.jacobian gives it).
 * Each entry sums its products row by row, skipping rows where the column of the larger index is zero
 * (a fixed column contributes nothing, even against a non-finite entry). Four entries of a row of
 * JᵀJ are summed in one pass over the rows (column a read once for four), each in its own sum, so
 * every sum adds the same products in the same order as one entry at a time.
 */
export function normalMatrices(
  r: Float64Array,
  j: Float64Array,
  n: number,
): { jtj: Float64Array; jtr: Float64Array } {
  const rows = r.length;
  const jtj = new Float64Array(n * n);
  const jtr = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const ca = a * rows;
    let any = false;
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const ja = j[ca + row]!;
      if (ja === 0) continue;
      any = true;
      sum += ja * r[row]!;
    }
    if (!any) continue;
    jtr[a] = sum;
    let b = 0;
    for (; b + 3 <= a; b += 4) {
      const c0 = b * rows;
      const c1 = c0 + rows;
      const c2 = c1 + rows;
      const c3 = c2 + rows;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let row = 0; row < rows; row++) {
        const ja = j[ca + row]!;
        if (ja === 0) continue;
        s0 += ja * j[c0 + row]!;
        s1 += ja * j[c1 + row]!;
        s2 += ja * j[c2 + row]!;
        s3 += ja * j[c3 + row]!;
      }
      jtj[a * n + b] = s0;
      jtj[a * n + b + 1] = s1;
      jtj[a * n + b + 2] = s2;
      jtj[a * n + b + 3] = s3;
    }
    for (; b <= a; b++) {
      const cb = b * rows;
      let product = 0;
      for (let row = 0; row < rows; row++) {
        const ja = j[ca + row]!;
        if (ja !== 0) product += ja * j[cb + row]!;
      }
      jtj[a * n + b] = product;
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) jtj[b * n + a] = jtj[a * n + b]!;
  return { jtj, jtr };
}
