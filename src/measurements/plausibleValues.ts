/**
 * The ranges a measurement's numbers must lie in to be read. Outside them a value is a typo, a unit
 * mix-up or a broken export, never a measurement, and taking it would print -Infinity ratings or NaN
 * charts further on; the reader refuses it, naming the line.
 *
 * - Frequencies 1 Hz–1 MHz: audio measurements span 20 Hz–20 kHz; ultrasonic rigs reach a few hundred
 *   kHz. Below 1 Hz no coupler or interface measures, and log-frequency grids would stretch to nothing.
 * - Levels within ±250 dB: 194 dB SPL is one atmosphere peak in air and the quietest figures printed
 *   (noise floors re 1 V) stay above −200 dB, so ±250 dB leaves room for any reference level.
 * - Impedances up to 1 GΩ: an open input of an audio analyser is about 1 MΩ; a gigaohm is no earphone.
 */
export const PLAUSIBLE_MEASUREMENT = {
  fromHz: 1,
  toHz: 1e6,
  maxAbsLevelDb: 250,
  maxImpedanceOhm: 1e9,
} as const;

/** Why a row's values cannot be a measurement, or undefined when they can. */
export function implausibleValue(
  frequencyHz: number,
  value: number,
  kind: "response" | "impedance",
): string | undefined {
  const { fromHz, toHz, maxAbsLevelDb, maxImpedanceOhm } = PLAUSIBLE_MEASUREMENT;
  if (frequencyHz < fromHz || frequencyHz > toHz) {
    return `the frequency ${frequencyHz} Hz is outside ${fromHz} Hz–${toHz / 1e6} MHz, where measurements lie; check the column and its unit (kHz written as Hz?) or delete the row`;
  }
  if (kind === "response" && Math.abs(value) > maxAbsLevelDb) {
    return `the level ${value} dB is beyond ±${maxAbsLevelDb} dB, which no measurement reaches; check the column (is it a linear value, or Pa rather than dB?) or delete the row`;
  }
  if (kind === "impedance" && value > maxImpedanceOhm) {
    return `the impedance ${value} Ω is above ${maxImpedanceOhm / 1e9} GΩ, which no earphone has; check the column and its unit or delete the row`;
  }
  return undefined;
}
