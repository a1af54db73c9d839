/** One fitted number of a receiver part: value, 95 % interval, and how the fit ended. */
export interface FittedParameter {
  readonly value: number;
  /** The 95 % interval of fitReceiver (absent for a held gauge or a parameter the fit does not set). */
  readonly low?: number;
  readonly high?: number;
  /** Held at a gauge value the data cannot identify (fitParameters' GAUGE_VALUES). */
  readonly held?: boolean;
  /** The fit ended on this bound of its box: a limit, not a measurement. */
  readonly atBound?: "lower" | "upper";
}

/**
 * What scripts/write-knowles-parts.mjs keeps of one receiver's fit (knowlesFits.json, read and
 * checked by knowlesFits.ts).
 */
export interface KnowlesFitRecord {
  /** The maker's model number, e.g. "ED-30262-000". */
  readonly model: string;
  /** Page of the application note the curves are on. */
  readonly page: number;
  /** Drive of the datasheet response, V rms. */
  readonly driveVoltage: number;
  readonly diaphragmVent: boolean;
  readonly starts: number;
  readonly seed: number;
  /** Residuals: response dB RMS over 100 Hz–10 kHz, |Z| % RMS over 20 Hz–10 kHz. */
  readonly responseRmsDb: number;
  readonly impedanceRmsPercent: number;
  /** The second load and the widest 5–95 % band above 2 kHz there (and the envelope's), dB. */
  readonly secondLoad: string;
  readonly bandWidestAbove2kHzDb: number;
  readonly envelopeWidestAbove2kHzDb: number;
  /** The tube fitted for the maker's unpublished T8688 fixture (not part of the receiver). */
  readonly fixture: { readonly lengthM: number; readonly radiusM: number };
  /** Per motor, its balancedArmature parameters. */
  readonly motors: readonly Readonly<Record<string, FittedParameter>>[];
  /**
   * Per motor, the capacitor (F) it is fed through inside the case (null where there is none): a
   * two-way receiver's tweeter crossover, fitted with the rest. Not an element parameter: a design
   * puts a capacitor element in front of the motor.
   */
  readonly seriesCapacitors?: readonly (FittedParameter | null)[];
}
