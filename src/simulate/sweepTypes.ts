/* What a FrequencySweep (sweep.ts) takes and gives. */

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
  /**
   * Current delivered by the input source per volt of its own drive, every other source switched
   * off (voltage sources shorted, current sources opened): what its load impedance follows from.
   */
  readonly inputCurrent?: { readonly re: Float64Array; readonly im: Float64Array };
}

export interface SweepOptions {
  /** Branch unknown of the source whose load impedance is wanted (see SweepValues.inputCurrent). */
  readonly inputBranch?: number;
  /**
   * More unknowns to report, after `outputs`. Unlike the outputs they do not shape the pivot order
   * (which keeps the outputs for last), so asking for them leaves the outputs' values unchanged to
   * the last bit; a solve for them only visits more rows of the factor.
   */
  readonly alsoReport?: readonly number[];
  /**
   * Whether a run may skip the head of the factor where an earlier run left it (see HeadCache;
   * default true). The results are the same to the last bit either way.
   */
  readonly keepHead?: boolean;
  /** Whether a run may factorise two frequencies at once (see PairSteps; default true): the same bits. */
  readonly pairs?: boolean;
}
