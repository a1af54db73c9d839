/**
 * The EQ fit as a least-squares problem: parameters, bounds, the residual rows and their normal
 * equations. fitParametricEq.ts decides where to start and which basins to try; this file only says
 * what "better" means.
 *
 * Parameters, per slot in order: ln fc and ln Q where the slot leaves them free, then the gain in dB;
 * last, the level offset c (dB) that matches the levels of the equalised curve and the target.
 * With eq(f) the summed EQ in dB and d(f) = target(f) − measurement(f) (what the EQ should be, up to
 * level), the residual rows are:
 *
 *   point rows       r_i = eq_i − d_i − c                             every grid point 20 Hz–10 kHz
 *   treble row       r = √N_hf · (mean_hf(eq − d) − c)                the N_hf points above 10 kHz
 *   boost rows       r_i = W_boost · (eq_i − maxBoost)                where eq_i > maxBoost
 *   sharpness rows   r_k = W_sharp · (gain_k − (20/18)·maxSlope/Q_k)   boosting peaking filters above that
 *   gain rows        r_k = W_gain · gain_k                            every filter
 *   loudness row     r = W_loud · √N_pt · mean_pt(eq)                 the point rows' band
 *
 * The first two are AutoEq's loss (MEASUREMENTS §5): point by point up to 10 kHz, where measurements
 * are reliable, and only the average level above (the treble row weighs as much as the points it
 * replaces). The boost rows keep the summed EQ below the maximum boost; the sharpness rows keep each
 * boosting peaking filter's slope within `maxSlopeDbPerOctave` (AutoEq's 18 dB/octave,
 * DEFAULT_MAX_SLOPE), so the fit does not answer a coupler's narrow dips with needle-sharp boosts.
 * Like AutoEq's own sharpness penalty it spares cuts: narrow peaks are far more audible than narrow
 * dips of the same size (R. Bücklein, "The audibility of frequency response irregularities", J. Audio
 * Eng. Soc. 29:126, 1981), so a sharp cut taming a resonance is welcome. The rule is per filter:
 * filters side by side can still make a steeper edge. The last two are light
 * tie-breakers: the level match lets a broad filter and the offset trade places, and among fits that
 * are nearly as good they prefer small gains and an EQ that leaves the loudness alone. A filter's
 * parameters move only its own curve, whose derivatives come in closed form from differenced
 * coefficients.
 */
import type { Biquad } from "./biquad.js";
import type { BoundedLeastSquaresProblem, NormalEquations } from "./boundedLevenbergMarquardt.js";
import { rangeOf, type FilterSlot } from "./eqConstraints.js";
import {
  type UnitCircleGrid,
  chainResponseDbOnGrid,
  powerPolynomials,
  unitCircleGrid,
} from "./eqResponse.js";

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
  /** Weight of the loudness row (a tie-breaker towards an EQ whose mean level is 0 dB), per dB. */
  readonly loudnessWeight: number;
  /** Weight of a cancellation row (dB of one filter undone by another at a grid point), per dB. */
  readonly cancelWeight: number;
  /** Weight of a headroom row (dB of the summed EQ above 0 dB at a grid point), per dB. */
  readonly headroomWeight: number;
}

/** Forward-difference steps: ln fc, ln Q, gain dB. */
const STEP = { logFc: 1e-6, logQ: 1e-6, gainDb: 1e-5 } as const;

/** Where each slot's parameters sit in the parameter vector (−1: fixed). */
interface SlotLayout {
  readonly logFc: number;
  readonly logQ: number;
  readonly gainDb: number;
}

export class EqFitProblem implements BoundedLeastSquaresProblem {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  /** Index of the level offset c. */
  readonly offsetIndex: number;
  readonly layout: readonly SlotLayout[];
  readonly weights: EqFitWeights;
  private readonly grid: UnitCircleGrid;
  private readonly pointCount: number;
  private readonly trebleCount: number;
  private readonly buffer: Float64Array;
  private readonly pointResiduals: Float64Array;
  /** The point rows' weights squared, and a work column weighted by them. */
  private readonly pointWeight2: Float64Array;
  private readonly weightedColumn: Float64Array;
  private readonly row: Float64Array;
  /** Each filter's own response on the grid, dB (for the cancellation rows). */
  private readonly filterDb: Float64Array[];
  /** Work arrays of normalEquations, allocated once: derivative columns and per-point products. */
  private readonly work: {
    derivative: Float64Array[];
    ratio: Float64Array;
    numerator: Float64Array;
    denominator: Float64Array;
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
    this.grid = unitCircleGrid(f, weights.sampleRateHz);
    this.pointCount = f.findIndex((hz) => hz > weights.pointBandToHz);
    if (this.pointCount < 0) this.pointCount = f.length;
    this.trebleCount = f.length - this.pointCount;
    this.buffer = new Float64Array(f.length);
    this.pointResiduals = new Float64Array(this.pointCount);
    this.pointWeight2 = Float64Array.from({ length: this.pointCount }, (_, i) => {
      const weight = data.pointWeight?.[i] ?? 1;
      return weight * weight;
    });
    this.weightedColumn = new Float64Array(this.pointCount);
    this.row = new Float64Array(this.lower.length);
    this.filterDb = slots.map(() => new Float64Array(f.length));
    this.work = {
      derivative: Array.from({ length: this.lower.length }, () => new Float64Array(f.length)),
      ratio: new Float64Array(f.length),
      numerator: new Float64Array(f.length),
      denominator: new Float64Array(f.length),
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
    const slot = this.slots[k]!;
    const at = this.layout[k]!;
    return {
      type: slot.type,
      fcHz: at.logFc < 0 ? (slot.fcHz as number) : Math.exp(x[at.logFc] as number),
      q: at.logQ < 0 ? (slot.q as number) : Math.exp(x[at.logQ] as number),
      gainDb: x[at.gainDb] as number,
    };
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
  eqDb(
    x: ArrayLike<number>,
    out: Float64Array = new Float64Array(this.buffer.length),
  ): Float64Array {
    return chainResponseDbOnGrid(this.filtersAt(x), this.grid, out);
  }

  /** Number of point rows (grid points up to the point band's end). */
  get pointRows(): number {
    return this.pointCount;
  }

  cost(x: Float64Array): number {
    const eq = this.eqDb(x, this.buffer);
    if (this.weights.cancelWeight > 0) {
      this.slots.forEach((_, k) =>
        chainResponseDbOnGrid([this.filterAt(x, k)], this.grid, this.filterDb[k]),
      );
    }
    return this.accumulate(eq, x, undefined);
  }

  normalEquations(x: Float64Array, fixed?: readonly boolean[]): NormalEquations {
    const m = this.buffer.length;
    const n = this.parameterCount;
    const { cosW, cos2W, sampleRateHz } = this.grid;
    // derivative[p][i] = ∂eq_i/∂x_p (zero for the offset, which enters the rows directly). A filter's
    // power response is N/D with N, D linear in its six polynomial coefficients, so
    // ∂(10·log10 N/D)/∂θ = (10/ln 10)·(N'/N − D'/D), N' and D' from differenced coefficients.
    const { derivative, numerator, denominator } = this.work;
    const ratio = this.work.ratio.fill(1);
    // Columns the step leaves fixed are not computed: zero, so the rows below may read them.
    if (fixed) fixed.forEach((held, p) => held && derivative[p]!.fill(0));
    this.slots.forEach((_, k) => {
      const filter = this.filterAt(x, k);
      const base = powerPolynomials(filter, sampleRateHz);
      for (let i = 0; i < m; i++) {
        const c1 = cosW[i]!;
        const c2 = cos2W[i]!;
        numerator[i] = base.n0 + base.n1 * c1 + base.n2 * c2;
        denominator[i] = base.d0 + base.d1 * c1 + base.d2 * c2;
        ratio[i] = (ratio[i]! * numerator[i]!) / denominator[i]!;
      }
      if (this.weights.cancelWeight > 0) {
        const own = this.filterDb[k]!;
        for (let i = 0; i < m; i++) own[i] = 10 * Math.log10(numerator[i]! / denominator[i]!);
      }
      const at = this.layout[k]!;
      const column = (index: number, step: number, moved: Biquad) => {
        if (index < 0 || fixed?.[index]) return;
        const p = powerPolynomials(moved, sampleRateHz);
        const scale = 10 / Math.LN10 / step;
        const [dn0, dn1, dn2] = [p.n0 - base.n0, p.n1 - base.n1, p.n2 - base.n2];
        const [dd0, dd1, dd2] = [p.d0 - base.d0, p.d1 - base.d1, p.d2 - base.d2];
        const out = derivative[index]!;
        for (let i = 0; i < m; i++) {
          const c1 = cosW[i]!;
          const c2 = cos2W[i]!;
          out[i] =
            scale *
            ((dn0 + dn1 * c1 + dn2 * c2) / numerator[i]! -
              (dd0 + dd1 * c1 + dd2 * c2) / denominator[i]!);
        }
      };
      column(at.logFc, STEP.logFc, { ...filter, fcHz: filter.fcHz * Math.exp(STEP.logFc) });
      column(at.logQ, STEP.logQ, { ...filter, q: filter.q * Math.exp(STEP.logQ) });
      column(at.gainDb, STEP.gainDb, { ...filter, gainDb: filter.gainDb + STEP.gainDb });
    });
    const eq = Float64Array.from(ratio, (r) => 10 * Math.log10(r));
    const jtj = new Float64Array(n * n);
    const jtr = new Float64Array(n);
    const active = Array.from({ length: n }, (_, p) => p === this.offsetIndex || !fixed?.[p]);
    const cost = this.accumulate(eq, x, { derivative, active, jtj, jtr });
    for (let r = 0; r < n; r++) for (let c = 0; c < r; c++) jtj[c * n + r] = jtj[r * n + c]!;
    return { cost, jtj, jtr };
  }

  /**
   * Σ r² over every row at `eq` (the EQ of parameters `x`), and (when `linear` is given) adds the rows' J into JᵀJ (lower
   * triangle) and Jᵀr. The point rows, the bulk, go in as dot products of derivative columns.
   */
  private accumulate(
    eq: Float64Array,
    x: ArrayLike<number>,
    linear:
      | { derivative: Float64Array[]; active: boolean[]; jtj: Float64Array; jtr: Float64Array }
      | undefined,
  ): number {
    const { desiredDb } = this.data;
    const m = eq.length;
    const n = this.parameterCount;
    const w = this.weights;
    const c = this.offsetIndex;
    const offset = x[c] as number;
    const points = this.pointCount;
    let cost = 0;
    const residual = this.pointResiduals;
    const w2 = this.pointWeight2;
    let weightSum = 0;
    for (let i = 0; i < points; i++) {
      const r = eq[i]! - desiredDb[i]! - offset;
      residual[i] = r;
      cost += w2[i]! * r * r;
      weightSum += w2[i]!;
    }
    if (linear) {
      const { derivative, active, jtj, jtr } = linear;
      const weighted = this.weightedColumn;
      let sumResidual = 0;
      for (let i = 0; i < points; i++) sumResidual += w2[i]! * residual[i]!;
      for (let p = 0; p < n; p++) {
        if (p === c || !active[p]) continue;
        const column = derivative[p]!;
        let gradient = 0;
        let columnSum = 0;
        for (let i = 0; i < points; i++) {
          const d = column[i]! * w2[i]!;
          weighted[i] = d;
          gradient += d * residual[i]!;
          columnSum += d;
        }
        jtr[p] = jtr[p]! + gradient;
        for (let q = 0; q <= p; q++) {
          if (q === c || !active[q]) continue;
          const other = derivative[q]!;
          let dot = 0;
          for (let i = 0; i < points; i++) dot += weighted[i]! * other[i]!;
          jtj[p * n + q] = jtj[p * n + q]! + dot;
        }
        // The offset's column is −(the row's weight) in every point row.
        if (c > p) jtj[c * n + p] = jtj[c * n + p]! - columnSum;
        else jtj[p * n + c] = jtj[p * n + c]! - columnSum;
      }
      jtr[c] = jtr[c]! - sumResidual;
      jtj[c * n + c] = jtj[c * n + c]! + weightSum;
    }
    const row = this.row;
    const addRow = (r: number) => {
      if (!linear) return;
      for (let p = 0; p < n; p++) {
        const jp = row[p]!;
        if (jp === 0) continue;
        linear.jtr[p] = linear.jtr[p]! + jp * r;
        for (let q = 0; q <= p; q++) linear.jtj[p * n + q] = linear.jtj[p * n + q]! + jp * row[q]!;
      }
    };
    const trebleCount = m - points;
    if (trebleCount > 0) {
      let mean = 0;
      for (let i = points; i < m; i++) mean += eq[i]! - desiredDb[i]!;
      mean /= trebleCount;
      const scale = Math.sqrt(trebleCount);
      const r = scale * (mean - offset);
      cost += r * r;
      if (linear) {
        for (let p = 0; p < n; p++) {
          let sum = 0;
          const column = linear.derivative[p]!;
          for (let i = points; i < m; i++) sum += column[i]!;
          row[p] = (scale * sum) / trebleCount;
        }
        row[c] = -scale;
        addRow(r);
      }
    }
    for (let i = 0; i < m; i++) {
      const over = eq[i]! - (i < points ? w.maxBoostDb : w.trebleMaxBoostDb);
      if (over <= 0) continue;
      const r = w.boostWeight * over;
      cost += r * r;
      if (linear) {
        for (let p = 0; p < n; p++) row[p] = w.boostWeight * linear.derivative[p]![i]!;
        row[c] = 0;
        addRow(r);
      }
    }
    // Sharpness: a boosting peaking filter's steepest slope is ≈ 0.9 dB/octave per dB·Q (RBJ
    // peaking, Q ≥ 1; checked in the tests), so gain ≤ (20/18)·maxSlope/Q keeps it within maxSlope.
    const sharpness = (20 / 18) * w.maxSlopeDbPerOctave;
    this.layout.forEach((at, k) => {
      if (this.slots[k]!.type !== "peaking") return;
      const gain = x[at.gainDb] as number;
      const q = at.logQ < 0 ? (this.slots[k]!.q as number) : Math.exp(x[at.logQ] as number);
      const over = gain - sharpness / q;
      if (gain <= 0 || over <= 0) return;
      const r = w.sharpnessWeight * over;
      cost += r * r;
      if (linear) {
        row.fill(0);
        row[at.gainDb] = w.sharpnessWeight;
        if (at.logQ >= 0) row[at.logQ] = (w.sharpnessWeight * sharpness) / q;
        addRow(r);
      }
    });
    if (w.headroomWeight > 0) {
      for (let i = 0; i < m; i++) {
        if (eq[i]! <= 0) continue;
        const r = w.headroomWeight * eq[i]!;
        cost += r * r;
        if (linear) {
          for (let p = 0; p < n; p++) row[p] = w.headroomWeight * linear.derivative[p]![i]!;
          row[c] = 0;
          addRow(r);
        }
      }
    }
    if (w.cancelWeight > 0) cost += this.cancellation(linear);
    if (w.loudnessWeight > 0) {
      let mean = 0;
      for (let i = 0; i < points; i++) mean += eq[i]!;
      mean /= points;
      const scale = w.loudnessWeight * Math.sqrt(points);
      const r = scale * mean;
      cost += r * r;
      if (linear) {
        for (let p = 0; p < n; p++) {
          const column = linear.derivative[p]!;
          let sum = 0;
          for (let i = 0; i < points; i++) sum += column[i]!;
          row[p] = (scale * sum) / points;
        }
        row[c] = 0;
        addRow(r);
      }
    }
    if (w.gainWeight > 0) {
      for (const at of this.layout) {
        const r = w.gainWeight * (x[at.gainDb] as number);
        cost += r * r;
        if (linear) {
          linear.jtr[at.gainDb] = linear.jtr[at.gainDb]! + w.gainWeight * r;
          linear.jtj[at.gainDb * n + at.gainDb] =
            linear.jtj[at.gainDb * n + at.gainDb]! + w.gainWeight * w.gainWeight;
        }
      }
    }
    return cost;
  }

  /**
   * The cancellation rows: at each grid point, with S₊ and S₋ the summed boosts and cuts of the
   * filters there (dB), r = W_cancel · min(S₊, S₋), the part of one filter that another undoes. It is
   * zero where the filters agree in sign, and Σ|eq_k| − |Σ eq_k| = 2·min(S₊, S₋), so the rows price
   * exactly what the cancellation index (eqMetrics.ts) measures. The row's gradient is the sum of the
   * derivatives of the smaller side's filters.
   */
  private cancellation(
    linear:
      | { derivative: Float64Array[]; active: boolean[]; jtj: Float64Array; jtr: Float64Array }
      | undefined,
  ): number {
    const weight = this.weights.cancelWeight;
    const m = this.buffer.length;
    const n = this.parameterCount;
    const columns: number[] = [];
    const values: number[] = [];
    let cost = 0;
    for (let i = 0; i < m; i++) {
      let boosts = 0;
      let cuts = 0;
      for (const own of this.filterDb) {
        const v = own[i]!;
        if (v > 0) boosts += v;
        else cuts -= v;
      }
      const cancelled = Math.min(boosts, cuts);
      if (!(cancelled > 0)) continue;
      const r = weight * cancelled;
      cost += r * r;
      if (!linear) continue;
      const side = boosts <= cuts ? 1 : -1;
      columns.length = 0;
      values.length = 0;
      this.layout.forEach((at, k) => {
        if (side * this.filterDb[k]![i]! <= 0) return;
        for (const p of [at.logFc, at.logQ, at.gainDb]) {
          if (p < 0 || !linear.active[p]) continue;
          columns.push(p);
          values.push(side * weight * linear.derivative[p]![i]!);
        }
      });
      for (let a = 0; a < columns.length; a++) {
        const p = columns[a]!;
        const jp = values[a]!;
        linear.jtr[p] = linear.jtr[p]! + jp * r;
        for (let b = 0; b < columns.length; b++) {
          const q = columns[b]!;
          if (q > p) continue;
          linear.jtj[p * n + q] = linear.jtj[p * n + q]! + jp * values[b]!;
        }
      }
    }
    return cost;
  }
}
