/**
 * Numbers as people read them in Tympan's text output (the command line, reports, the web app's
 * labels): one frequency formatter and one signed-decibel formatter, so every table agrees.
 */

/**
 * A frequency for reading: "850 Hz", "63.5 Hz", "2.3 kHz", "12.5 kHz". Below 100 Hz one decimal, below
 * 1 kHz whole hertz, in kHz two decimals below 9.95 kHz and one above; trailing zeros dropped
 * ("1 kHz", not "1.00 kHz").
 */
export function formatHz(frequencyHz: number): string {
  if (frequencyHz >= 1000)
    return `${+(frequencyHz / 1000).toFixed(frequencyHz >= 9950 ? 1 : 2)} kHz`;
  return `${+frequencyHz.toFixed(frequencyHz >= 100 ? 0 : 1)} Hz`;
}

/**
 * A signed level difference in dB with `digits` decimals (default 1): "+1.2", "−3.4" with a true
 * minus sign, and no sign at all when it rounds to zero ("0.0", never "−0.0").
 */
export function signedDb(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  return Number(text) === 0 ? text : `${value > 0 ? "+" : "−"}${text}`;
}
