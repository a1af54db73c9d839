/**
 * A measured or simulated curve on a frequency axis: the one currency of measurements, targets,
 * scores and EQ. Frequencies strictly increase, in Hz; values are finite.
 */
export interface Curve {
  /** What the values are: a frequency response in dB, or an impedance magnitude in Ω. */
  readonly kind: "response" | "impedance";
  readonly frequencyHz: readonly number[];
  /** dB (SPL or relative) for a response; Ω for an impedance. */
  readonly values: readonly number[];
  /** Phase in degrees, when the source had one. */
  readonly phaseDeg?: readonly number[];
  /** Where it came from (a file name, a design name), for legends and messages. */
  readonly name?: string;
}
