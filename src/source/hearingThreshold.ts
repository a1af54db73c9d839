import { interpolateLogFrequency } from "../analysis/interpolate.js";

/**
 * The threshold of hearing as sound pressure at the drum of an IEC 60318-4 (711) occluded-ear
 * simulator: the level at which half of young otologically normal listeners just hear a pure tone
 * from an insert earphone, expressed as the SPL that earphone produces in the 711.
 *
 * Values: the reference equivalent threshold sound pressure levels (RETSPL) for the insert earphone
 * ER-3A measured in the occluded-ear simulator, ISO 389-2:1994 / ANSI S3.6-2004 Table 7, at the
 * one-third-octave frequencies 125 Hz–8 kHz (the standards' range).
 *
 * Why these and not the free-field threshold of ISO 226 / ISO 389-7: those give the SPL at the
 * listener's position in a free field with the listener absent. The pressure at the eardrum is higher
 * by the head, pinna and canal gain (up to ≈ +17 dB near 2.5–3 kHz, ANSI S3.5-1997 Table 3), which an
 * IEM bypasses. Tympan's levels are at the 711's drum, so the threshold must be given there too, and
 * the insert-earphone RETSPL in a 711 is exactly that. Limits, said in every verdict: they are
 * monaural thresholds (listening with both ears lowers them by ≈ 2–3 dB), medians (a quarter of young
 * listeners hear ≈ 5 dB lower), for pure tones (a noise band narrower than a critical band is heard at
 * about the same band power; one-third-octave bands are about a critical band wide above ≈ 500 Hz).
 */
export const THRESHOLD_AT_711_DRUM: readonly { readonly hz: number; readonly db: number }[] = [
  { hz: 125, db: 28.0 },
  { hz: 160, db: 24.5 },
  { hz: 200, db: 21.5 },
  { hz: 250, db: 17.5 },
  { hz: 315, db: 15.5 },
  { hz: 400, db: 13.0 },
  { hz: 500, db: 9.5 },
  { hz: 630, db: 7.5 },
  { hz: 800, db: 5.5 },
  { hz: 1000, db: 5.5 },
  { hz: 1250, db: 8.5 },
  { hz: 1600, db: 9.5 },
  { hz: 2000, db: 11.5 },
  { hz: 2500, db: 13.5 },
  { hz: 3150, db: 13.0 },
  { hz: 4000, db: 15.0 },
  { hz: 5000, db: 18.5 },
  { hz: 6300, db: 16.0 },
  { hz: 8000, db: 15.5 },
];

export const THRESHOLD_SOURCE =
  "ISO 389-2:1994 / ANSI S3.6-2004 Table 7 (insert earphone ER-3A in the IEC 60318-4 occluded-ear simulator)";

/** The frequency range the threshold table covers. */
export const THRESHOLD_RANGE_HZ = { fromHz: 125, toHz: 8000 } as const;

/**
 * The threshold in dB SPL at the 711 drum at a frequency inside THRESHOLD_RANGE_HZ (log-frequency
 * interpolation between the tabulated frequencies); undefined outside it.
 */
export function thresholdAtDrumDb(frequencyHz: number): number | undefined {
  // A 3 % margin lets exact band centres (e.g. 7943 Hz for the nominal 8 kHz band) use the end values.
  if (
    frequencyHz < THRESHOLD_RANGE_HZ.fromHz * 0.97 ||
    frequencyHz > THRESHOLD_RANGE_HZ.toHz * 1.03
  )
    return undefined;
  const clamped = Math.min(
    Math.max(frequencyHz, THRESHOLD_RANGE_HZ.fromHz),
    THRESHOLD_RANGE_HZ.toHz,
  );
  const curve = {
    kind: "response" as const,
    frequencyHz: THRESHOLD_AT_711_DRUM.map((row) => row.hz),
    values: THRESHOLD_AT_711_DRUM.map((row) => row.db),
  };
  return interpolateLogFrequency(curve, [clamped])[0]!;
}
