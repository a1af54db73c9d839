import type { SparseComplexLu } from "../linalg/sparseLu.js";

/**
 * The current an input source delivers per volt of its own drive, every other source switched off
 * (voltage sources shorted, current sources opened), from a sweep's solves: what the source's load
 * impedance follows from (see SweepValues.inputCurrent).
 */
export class InputCurrent {
  /**
   * A unit drive on the source's branch alone: solved for as a second right-hand side when the
   * source is not the only drive (or is 0 V). Otherwise the sweep's own current, divided by the
   * source's unit-scaled value, already is the current per volt.
   */
  private readonly unitDriveRe: Float64Array;
  private readonly unitDriveIm: Float64Array;
  private readonly driveRe: Float64Array;
  private readonly driveIm: Float64Array;
  /** [branch]: the unit drive's only row and the only unknown wanted from its solve. */
  readonly only: Int32Array;
  /** Whether the source is the only drive (see unitDriveRe). */
  private alone = false;
  /** The current per volt found by the last `find`. */
  re = 0;
  im = 0;

  constructor(
    /** The source's branch unknown. */
    readonly branch: number,
    size: number,
  ) {
    this.only = Int32Array.of(branch);
    this.unitDriveRe = new Float64Array(size);
    this.unitDriveIm = new Float64Array(size);
    this.driveRe = new Float64Array(size);
    this.driveIm = new Float64Array(size);
    this.unitDriveRe[branch] = 1;
  }

  /** After new source values: `driven` are the rows the sources drive. */
  load(driven: Int32Array): void {
    this.alone = driven.length === 1 && driven[0] === this.branch;
  }

  /**
   * The current per volt at the frequency last factorised into `lu`, whose solution for the right-
   * hand side `rhsRe` (unit-scaled sources) is x; into `re`, `im`.
   */
  find(lu: SparseComplexLu, rhsRe: Float64Array, xRe: Float64Array, xIm: Float64Array): void {
    const { branch } = this;
    if (this.alone) {
      // The source is the only drive, at ±1 after scaling: its current is already per volt.
      const drive = rhsRe[branch]!;
      this.re = xRe[branch]! / drive;
      this.im = xIm[branch]! / drive;
    } else {
      // Its branch is eliminated last (an output), so this solve visits only the factor's tail.
      const { only } = this;
      lu.solveFor(this.unitDriveRe, this.unitDriveIm, only, this.driveRe, this.driveIm, only);
      this.re = this.driveRe[branch]!;
      this.im = this.driveIm[branch]!;
    }
  }
}
