/**
 * The EQ fit as a least-squares problem: parameters, bounds, the residual rows and their normal
 * equations. fitParametricEq.ts decides where to start and which basins to try; this file and
 * eqFitRows.ts only say what "better" means.
 *
 * Parameters, per slot in order: ln fc and ln Q where the slot leaves them free, then the gain in dB;
 * last, the level offset c (dB) that matches the levels of the equalised curve and the target.
 * With eq(f) the summed EQ in dB, L = mean_pt(eq) its level over the point band, and
 * d(f) = target(f) − measurement(f) (what the EQ should be, up to level), the residual rows are:
 *
 *   point rows         r_i = w_i · (eq_i − d_i − c)                  every grid point 20 Hz–10 kHz
 *   treble row         r = √N_hf · (mean_hf(eq − d) − c)              the N_hf points above 10 kHz
 *   boost rows         r_i = W_boost · (eq_i − maxBoost)              where eq_i > maxBoost
 *   sharpness rows     r_k = W_sharp · (gain_k − (20/18)·maxSlope/Q_k) boosting peaking filters above that
 *   headroom rows      r_i = W_head · (eq_i − L)                      where the EQ rises above its level
 *   cancellation rows  r_i = W_cancel · min(S₊_i, S₋_i)               where filters of both signs overlap
 *   loudness row       r = W_loud · √N_pt · L                         the point rows' band
 *   gain rows          r_k = W_gain · gain_k                          every filter
 *
 * The first two are AutoEq's loss: point by point up to 10 kHz, where measurements are reliable
 * (w_i, desiredEq.ts, says how far), and only the average level above (the treble row weighs as much
 * as the points it replaces). The boost rows keep the summed EQ below the maximum boost; the
 * sharpness rows keep each boosting peaking filter's slope within `maxSlopeDbPerOctave` (AutoEq's
 * 18 dB/octave, DEFAULT_MAX_SLOPE), so the fit does not answer a coupler's narrow dips with
 * needle-sharp boosts. Like AutoEq's own sharpness penalty it spares cuts: narrow peaks are far more
 * audible than narrow dips of the same size (R. Bücklein, "The audibility of frequency response
 * irregularities", J. Audio Eng. Soc. 29:126, 1981), so a sharp cut taming a resonance is welcome.
 *
 * The headroom rows price what the preamp takes from the listener: the preamp is −max(eq), so the
 * level after it is L − max(eq), and it is the boosts above the EQ's own level that cost loudness, not
 * boosts above 0 dB — a cost on eq > 0 is met by sinking the whole EQ (all cuts, no preamp, the same
 * loss of level). The loudness row then holds the level L near 0 dB: with nothing else tied to the
 * absolute level, the EQ is placed where its filters do the least, and sinks only as far as the
 * boost limit requires. The cancellation rows price filters that undo each other (eqFitRows.ts). The
 * gain rows are a light tie-breaker towards small gains. A filter's parameters move only its own
 * curve, whose derivatives come in closed form from differenced coefficients.
 */
import type { BoundedLeastSquaresProblem, NormalEquations } from "./boundedLevenbergMarquardt.js";
import { rangeOf, type FilterSlot } from "./eqConstraints.js";
import { type RowSetup, RowWork } from "./eqFitRowWork.js";
import { accumulateRows } from "./eqFitRows.js";
import type { Biquad } from "./biquad.js";
import {
  SHAPE_BY_GAIN,
  SHAPE_BY_LOG_FC,
  SHAPE_BY_LOG_Q,
  SHAPE_STRIDE,
  writeFilterShape,
} from "./filterShape.js";

export interface EqFitProblemData {
  /** The fit grid, Hz, increasing. */
  readonly frequencyHz: Float64Array;
  /** target − measurement on the grid, dB. */
  readonly desiredDb: Float64Array;
  /**
   * How much each point row counts (its residual is multiplied by this), at least up to the point
   * band's end; 1 everywhere when not given.
   */
  readonly pointWeight?: Float64Array;
}

export interface EqFitWeights {
  readonly sampleRateHz: number;
  /** Point-by-point fit up to here; only the average level counts above, Hz. */
  readonly pointBandToHz: number;
  readonly maxBoostDb: number;
  /** The summed EQ's limit above the point band (≤ maxBoostDb), dB. */
  readonly trebleMaxBoostDb: number;
  readonly maxSlopeDbPerOctave: number;
  /** Weight of a boost row, per dB over the limit. */
  readonly boostWeight: number;
  /** Weight of a sharpness row, per dB of boost over the filter's limit. */
  readonly sharpnessWeight: number;
  /** Weight of each filter's gain row (a tie-breaker towards small gains), per dB. */
  readonly gainWeight: number;
  /** Weight of the loudness row (the EQ's level held near 0 dB), per dB. */
  readonly loudnessWeight: number;
  /** Weight of a cancellation row (dB of one filter undone by another at a grid point), per dB. */
  readonly cancelWeight: number;
  /** Weight of a headroom row (dB of the summed EQ above its own level at a grid point), per dB. */
  readonly headroomWeight: number;
}

/** Where each slot's parameters sit in the parameter vector (−1: fixed). */
interface SlotLayout {
  readonly logFc: number;
  readonly logQ: number;
  readonly gainDb: number;
}

/** dB per natural-log unit of power ratio. */
const DB_PER_NEPER_OF_POWER = 10 / Math.LN10;

export class EqFitProblem implements BoundedLeastSquaresProblem {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  /** Index of the level offset c. */
  readonly offsetIndex: number;
  readonly layout: readonly SlotLayout[];
  readonly weights: EqFitWeights;
  private readonly pointCount: number;
  private readonly rowSetup: RowSetup;
  private readonly rowWork: RowWork;
  /** u = 1 − cos w and s = sin² w = u(2 − u) at each grid point (filterShape.ts). */
  private readonly u: Float64Array;
  private readonly s: Float64Array;
  /** Work arrays, allocated once: the EQ, boosts, cuts, each filter's side, derivative columns. */
  private readonly work: {
    eq: Float64Array;
    boostsDb: Float64Array;
    cutsDb: Float64Array;
    side: Uint8Array[];
    /** ∂eq_i/∂x_p at derivative[p·m + i]. */
    derivative: Float64Array;
    plus: Float64Array;
    minus: Float64Array;
    shape: Float64Array;
    active: boolean[];
    /** For the filter whose columns are being written: aN − bN·u, aD − bD·u, (10/ln 10)/N, (10/ln 10)/D. */
    tN: Float64Array;
    tD: Float64Array;
    byN: Float64Array;
    byD: Float64Array;
  };

  constructor(
    readonly slots: readonly FilterSlot[],
    readonly data: EqFitProblemData,
    weights: EqFitWeights,
  ) {
    this.weights = weights;
    const layout: SlotLayout[] = [];
    const add = (min: number, max: number) => {
      this.lower.push(min);
      this.upper.push(max);
      return this.lower.length - 1;
    };
    for (const slot of slots) {
      const fc = rangeOf(slot.fcHz);
      const q = rangeOf(slot.q);
      layout.push({
        logFc: fc.min === fc.max ? -1 : add(Math.log(fc.min), Math.log(fc.max)),
        logQ: q.min === q.max ? -1 : add(Math.log(q.min), Math.log(q.max)),
        gainDb: add(slot.gainDb.min, slot.gainDb.max),
      });
    }
    this.layout = layout;
    this.offsetIndex = add(-1e3, 1e3);
    const f = data.frequencyHz;
    const m = f.length;
    const n = this.lower.length;
    this.u = new Float64Array(m);
    this.s = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const half = Math.sin((Math.PI * f[i]!) / weights.sampleRateHz);
      const u = 2 * half * half;
      this.u[i] = u;
      this.s[i] = u * (2 - u);
    }
    const points = f.findIndex((hz) => hz > weights.pointBandToHz);
    this.pointCount = points < 0 ? m : points;
    const pointWeight2 = Float64Array.from({ length: this.pointCount }, (_, i) => {
      const weight = data.pointWeight?.[i] ?? 1;
      return weight * weight;
    });
    this.rowSetup = {
      desiredDb: data.desiredDb,
      pointWeight2,
      layout,
      slotParameters: layout.map((at) =>
        Int32Array.from([at.logFc, at.logQ, at.gainDb].filter((p) => p >= 0)),
      ),
      fixedQ: slots.map((slot) => rangeOf(slot.q).min),
      peaking: slots.map((slot) => slot.type === "peaking"),
      offsetIndex: this.offsetIndex,
      parameterCount: n,
      weights,
    };
    this.rowWork = new RowWork(m, n);
    this.work = {
      eq: new Float64Array(m),
      boostsDb: new Float64Array(m),
      cutsDb: new Float64Array(m),
      side: slots.map(() => new Uint8Array(m)),
      derivative: new Float64Array(n * m),
      plus: new Float64Array(m),
      minus: new Float64Array(m),
      shape: new Float64Array(SHAPE_STRIDE),
      active: new Array<boolean>(n).fill(true),
      tN: new Float64Array(m),
      tD: new Float64Array(m),
      byN: new Float64Array(m),
      byD: new Float64Array(m),
    };
  }

  get parameterCount(): number {
    return this.lower.length;
  }

  /** The filters a parameter vector describes. */
  filtersAt(x: ArrayLike<number>): Biquad[] {
    return this.slots.map((slot, k) => this.filterAt(x, k));
  }

  filterAt(x: ArrayLike<number>, k: number): Biquad {
    return {
      type: this.slots[k]!.type,
      fcHz: this.fcOf(x, k),
      q: this.qOf(x, k),
      gainDb: x[this.layout[k]!.gainDb] as number,
    };
  }

  private fcOf(x: ArrayLike<number>, k: number): number {
    const at = this.layout[k]!.logFc;
    return at < 0 ? (this.slots[k]!.fcHz as number) : Math.exp(x[at] as number);
  }

  private qOf(x: ArrayLike<number>, k: number): number {
    const at = this.layout[k]!.logQ;
    return at < 0 ? (this.slots[k]!.q as number) : Math.exp(x[at] as number);
  }

  /** Writes filter `k`'s fc, Q and gain into x (clamped into the slot's ranges). */
  setFilter(x: Float64Array, k: number, filter: Omit<Biquad, "type">): void {
    const at = this.layout[k]!;
    const put = (index: number, value: number) => {
      if (index >= 0) x[index] = Math.min(this.upper[index]!, Math.max(this.lower[index]!, value));
    };
    put(at.logFc, Math.log(filter.fcHz));
    put(at.logQ, Math.log(filter.q));
    put(at.gainDb, filter.gainDb);
  }

  /** The summed EQ (dB) on the fit grid. */
  eqDb(x: ArrayLike<number>): Float64Array {
    this.evaluate(x, false);
    return Float64Array.from(this.work.eq);
  }

  /** Number of point rows (grid points up to the point band's end). */
  get pointRows(): number {
    return this.pointCount;
  }

  cost(x: Float64Array): number {
    this.evaluate(x, false);
    return accumulateRows(this.rowSetup, x, this.work, this.rowWork);
  }

  /**
   * The EQ at x, and each filter's side (boost or cut) at each point with the summed boosts S₊ and
   * cuts S₋: the products of the filters' power ratios above and below 1, so two logarithms a point
   * however many filters (eq = S₊ − S₋). With `derivatives`, also ∂eq/∂x_p for every parameter the
   * active mask marks (filterShape.ts: closed form, one pass with the response).
   */
  private evaluate(x: ArrayLike<number>, derivatives: boolean): void {
    const { u, s } = this;
    const { eq, boostsDb, cutsDb, side, plus, minus, shape, derivative, active } = this.work;
    const { tN: tNs, tD: tDs, byN, byD } = this.work;
    const { sampleRateHz } = this.weights;
    const m = eq.length;
    plus.fill(1);
    minus.fill(1);
    for (let k = 0; k < this.slots.length; k++) {
      const at = this.layout[k]!;
      writeFilterShape(
        this.slots[k]!.type,
        this.fcOf(x, k),
        this.qOf(x, k),
        x[at.gainDb] as number,
        sampleRateHz,
        shape,
        0,
      );
      const aN = shape[0]!;
      const bN = shape[1]!;
      const cN = shape[2]!;
      const aD = shape[3]!;
      const bD = shape[4]!;
      const cD = shape[5]!;
      const own = side[k]!;
      for (let i = 0; i < m; i++) {
        const tN = aN - bN * u[i]!;
        const tD = aD - bD * u[i]!;
        const numerator = tN * tN + cN * s[i]!;
        const denominator = tD * tD + cD * s[i]!;
        const ratio = numerator / denominator;
        if (derivatives) {
          tNs[i] = tN;
          tDs[i] = tD;
          byN[i] = DB_PER_NEPER_OF_POWER / numerator;
          byD[i] = DB_PER_NEPER_OF_POWER / denominator;
        }
        if (ratio > 1) {
          plus[i] = plus[i]! * ratio;
          own[i] = 1;
        } else if (ratio < 1) {
          minus[i] = minus[i]! * ratio;
          own[i] = 2;
        } else {
          own[i] = 0;
        }
      }
      if (!derivatives) continue;
      const columns = [
        [at.logFc, SHAPE_BY_LOG_FC],
        [at.logQ, SHAPE_BY_LOG_Q],
        [at.gainDb, SHAPE_BY_GAIN],
      ] as const;
      for (const [p, block] of columns) {
        if (p < 0 || !active[p]) continue;
        this.derivativeColumn(derivative.subarray(p * m, (p + 1) * m), block);
      }
    }
    for (let i = 0; i < m; i++) {
      const boosts = 10 * Math.log10(plus[i]!);
      const cuts = -10 * Math.log10(minus[i]!);
      boostsDb[i] = boosts;
      cutsDb[i] = cuts;
      eq[i] = boosts - cuts;
    }
  }

  /** ∂eq_i/∂θ = (10/ln 10)·(N'/N − D'/D) for the filter evaluate() just swept; θ's partials at `block`. */
  private derivativeColumn(out: Float64Array, block: number): void {
    const { u, s } = this;
    const { shape, tN, tD, byN, byD } = this.work;
    const daN = shape[block]!;
    const dbN = shape[block + 1]!;
    const dcN = shape[block + 2]!;
    const daD = shape[block + 3]!;
    const dbD = shape[block + 4]!;
    const dcD = shape[block + 5]!;
    for (let i = 0; i < out.length; i++) {
      const ui = u[i]!;
      const si = s[i]!;
      out[i] =
        (2 * tN[i]! * (daN - dbN * ui) + dcN * si) * byN[i]! -
        (2 * tD[i]! * (daD - dbD * ui) + dcD * si) * byD[i]!;
    }
  }

  normalEquations(x: Float64Array, fixed?: readonly boolean[]): NormalEquations {
    const n = this.parameterCount;
    const { active, derivative } = this.work;
    for (let p = 0; p < n; p++) active[p] = p === this.offsetIndex || !fixed?.[p];
    this.evaluate(x, true);
    const jtj = new Float64Array(n * n);
    const jtr = new Float64Array(n);
    const cost = accumulateRows(this.rowSetup, x, this.work, this.rowWork, {
      derivative,
      active,
      jtj,
      jtr,
    });
    for (let r = 0; r < n; r++) for (let c = 0; c < r; c++) jtj[c * n + r] = jtj[r * n + c]!;
    return { cost, jtj, jtr };
  }
}
