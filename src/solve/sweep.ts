import { TympanError } from "../core/issues.js";
import type { Network } from "./network.js";
import { SparseComplexLu } from "./sparseLu.js";

/**
 * Largest componentwise backward error accepted from a reused pivot order (after one refinement
 * step) before ordering afresh: about 100 units of rounding.
 */
const ACCEPTABLE_BACKWARD_ERROR = 1e-14;

/** Verify accuracy at least every this many frequencies … */
const CHECK_EVERY_POINTS = 16;
/** … and whenever the frequency has moved by more than this natural-log step (10 %) since. */
const CHECK_EVERY_LOG_STEP = Math.log(1.1);

/** Complex values of chosen unknowns over a frequency sweep (split re/im, one row per unknown). */
export interface SweepValues {
  /** Values for sources scaled to a largest amplitude of 1: the true values are these × `scale`. */
  readonly re: Float64Array[];
  readonly im: Float64Array[];
  /**
   * Largest source amplitude. Solving for unit sources keeps tiny or huge amplitudes (1e-300 V)
   * from underflowing or overflowing inside the solve; ratios such as impedances need no rescaling.
   */
  readonly scale: number;
}

/**
 * Solves a compiled network at many frequencies. The LU pivot order and fill pattern are computed at
 * the first frequency and reused; per frequency the work is: zero, stamp, refactor, solve — with no
 * allocation. Keep one instance per network to sweep it repeatedly (an optimiser does).
 */
export class FrequencySweep {
  readonly network: Network;
  /** The unknowns `run` reports, in order (indices; -1 reads as ground, i.e. 0). */
  private readonly reported: readonly number[];
  /** The same without ground, for the partial solves. */
  private readonly outputs: Int32Array;
  private readonly lu: SparseComplexLu;
  private readonly matrixRe: Float64Array;
  private readonly matrixIm: Float64Array;
  private readonly rhsRe: Float64Array;
  private readonly rhsIm: Float64Array;
  private readonly xRe: Float64Array;
  private readonly xIm: Float64Array;

  /** Largest source amplitude (1 when every source is 0). */
  private readonly sourceScale: number;
  /** The sources divided by `sourceScale`: the right-hand side actually solved for. */
  private readonly unitSources: Float64Array;

  constructor(network: Network, outputs: readonly number[]) {
    this.network = network;
    const largest = network.sourceRe.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    this.sourceScale = largest > 0 ? largest : 1;
    this.unitSources = network.sourceRe.map((value) => value / this.sourceScale);
    this.outputs = Int32Array.from(outputs.filter((unknown) => unknown >= 0));
    this.reported = outputs;
    // Outputs and driven rows are eliminated last, so each solve needs only the factor's tail.
    const driven: number[] = [];
    network.sourceRe.forEach((value, row) => value !== 0 && driven.push(row));
    this.lu = new SparseComplexLu(network.size, network.rows, network.cols, {
      eliminateLast: [...this.outputs, ...driven],
    });
    this.matrixRe = new Float64Array(network.rows.length);
    this.matrixIm = new Float64Array(network.rows.length);
    this.rhsRe = new Float64Array(network.size);
    this.rhsIm = new Float64Array(network.size);
    this.xRe = new Float64Array(network.size);
    this.xIm = new Float64Array(network.size);
  }

  /**
   * Values of the output unknowns given to the constructor at every frequency in Hz.
   * Throws a TympanError naming the frequency and the elements involved if the network is singular.
   */
  run(frequenciesHz: ArrayLike<number>): SweepValues {
    const unknowns = this.reported;
    const count = frequenciesHz.length;
    const re = unknowns.map(() => new Float64Array(count));
    const im = unknowns.map(() => new Float64Array(count));
    const { matrixRe, matrixIm, rhsRe, rhsIm, xRe, xIm, lu } = this;
    // Accuracy is verified (componentwise backward error, with refinement) at the first and last
    // frequency and wherever the frequency has moved far enough from the last verified one; when a
    // check fails, the pivot order has gone stale: order afresh and redo the unverified stretch.
    let verified = -1;
    for (let f = 0; f < count; f++) {
      const frequency = frequenciesHz[f]!;
      this.assemble(frequency);
      if (!lu.factor(matrixRe, matrixIm)) throw this.singular(frequency, lu.singularRows);
      const due =
        verified < 0 ||
        f === count - 1 ||
        f - verified >= CHECK_EVERY_POINTS ||
        Math.abs(Math.log(frequency / frequenciesHz[verified]!)) > CHECK_EVERY_LOG_STEP;
      if (!due) {
        lu.solveFor(rhsRe, rhsIm, this.outputs, xRe, xIm);
        this.store(f, frequency, unknowns, re, im);
        continue;
      }
      if (lu.solveRefined(matrixRe, matrixIm, rhsRe, rhsIm, xRe, xIm) > ACCEPTABLE_BACKWARD_ERROR) {
        for (let g = verified + 1; g <= f; g++) {
          this.assemble(frequenciesHz[g]!);
          if (!lu.orderAndFactor(matrixRe, matrixIm)) {
            throw this.singular(frequenciesHz[g]!, lu.singularRows);
          }
          lu.solveRefined(matrixRe, matrixIm, rhsRe, rhsIm, xRe, xIm);
          this.store(g, frequenciesHz[g]!, unknowns, re, im);
        }
      } else {
        this.store(f, frequency, unknowns, re, im);
      }
      verified = f;
    }
    return { re, im, scale: this.sourceScale };
  }

  /** Fills the matrix and right-hand side at one frequency. */
  private assemble(frequencyHz: number): void {
    const { matrixRe, matrixIm, rhsRe, rhsIm } = this;
    const {
      stamps,
      constantRe,
      constantIm,
      timesJOmegaSlots,
      timesJOmegaCoefficients,
      overJOmegaSlots,
      overJOmegaCoefficients,
    } = this.network;
    const omega = 2 * Math.PI * frequencyHz;
    const inverseOmega = 1 / omega;
    matrixRe.set(constantRe);
    matrixIm.set(constantIm);
    rhsRe.set(this.unitSources);
    rhsIm.fill(0);
    for (let k = 0; k < timesJOmegaSlots.length; k++) {
      const slot = timesJOmegaSlots[k]!;
      matrixIm[slot] = matrixIm[slot]! + omega * timesJOmegaCoefficients[k]!;
    }
    // coefficient/(jω) = −j·coefficient/ω
    for (let k = 0; k < overJOmegaSlots.length; k++) {
      const slot = overJOmegaSlots[k]!;
      matrixIm[slot] = matrixIm[slot]! - overJOmegaCoefficients[k]! * inverseOmega;
    }
    for (let s = 0; s < stamps.length; s++) stamps[s]!(omega, matrixRe, matrixIm);
  }

  /** Copies the wanted unknowns of the current solution into column f of the results. */
  private store(
    f: number,
    frequencyHz: number,
    unknowns: readonly number[],
    re: Float64Array[],
    im: Float64Array[],
  ): void {
    const { xRe, xIm } = this;
    for (let u = 0; u < unknowns.length; u++) {
      const k = unknowns[u]!;
      const vr = k >= 0 ? xRe[k]! : 0;
      const vi = k >= 0 ? xIm[k]! : 0;
      if (!Number.isFinite(vr) || !Number.isFinite(vi))
        throw this.singular(frequencyHz, k >= 0 ? [k] : []);
      re[u]![f] = vr;
      im[u]![f] = vi;
    }
  }

  private singular(frequencyHz: number, unknowns: readonly number[]): TympanError {
    const { unknownLabels, elementsOfUnknown } = this.network;
    const shown = unknowns.slice(0, 6);
    const where = shown.map((k) => unknownLabels[k]).join(", ");
    const ids = [...new Set(shown.flatMap((k) => elementsOfUnknown[k] ?? []))];
    return new TympanError([
      {
        code: "singular-network",
        path: ["elements"],
        elementIds: ids,
        message: `the network has no unique solution at ${frequencyHz.toPrecision(6)} Hz${where ? ` near ${where}` : ""}${ids.length > 0 ? ` (elements ${ids.join(", ")})` : ""}. Look for a part that is disconnected on one side, an ideal lossless resonance exactly at this frequency, or a coupling whose other port is open`,
      },
    ]);
  }
}
