/**
 * One-third-octave bands of IEC 61260-1:2014 (base-10 system): exact mid-band frequencies
 * f_m = 1000·10^(n/10) Hz and band edges f_m·10^(∓1/20). Their nominal names (125, 160, 200 … Hz) are
 * the rounded values the hearing-threshold tables are given at.
 */
export interface Band {
  /** The nominal mid-band frequency, as tables print it (e.g. 3150). */
  readonly nominalHz: number;
  /** The exact mid-band frequency 1000·10^(n/10). */
  readonly centreHz: number;
  readonly lowerHz: number;
  readonly upperHz: number;
}

/** IEC 61260-1 nominal mid-band frequencies of the one-third-octave bands from 10 Hz to 20 kHz. */
const NOMINAL_HZ = [
  10, 12.5, 16, 20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800,
  1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000,
];

/** The one-third-octave bands whose nominal mid-band frequency lies in [fromHz, toHz]. */
export function thirdOctaveBands(fromHz: number, toHz: number): Band[] {
  return NOMINAL_HZ.filter((nominal) => nominal >= fromHz && nominal <= toHz).map((nominal) => {
    const index = Math.round(10 * Math.log10(nominal / 1000));
    const centreHz = 1000 * 10 ** (index / 10);
    return {
      nominalHz: nominal,
      centreHz,
      lowerHz: centreHz * 10 ** -0.05,
      upperHz: centreHz * 10 ** 0.05,
    };
  });
}
