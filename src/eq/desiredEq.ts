/**
 * What the EQ fit aims at and how much each point of it counts: the desired EQ (target − measurement)
 * with the boosts no EQ should give clipped, and a weight per grid point that says how far the
 * measurement deserves to be trusted there.
 */
import { EQ_POINT_BAND_TO_HZ } from "./fitGrid.js";

/**
 * In the point band the desired EQ is clipped at level + this × maxBoost (clippedBoosts): the fit may
 * sink the EQ by up to maxBoost below its level to reach a relative boost of twice the limit.
 */
const POINT_BAND_HEADROOM_FACTOR = 2;

/** Where the measurement stops being trusted fully, Hz (AutoEq's DEFAULT_TREBLE_F_LOWER). */
export const RELIABLE_TO_HZ = 6000;

/**
 * How much the error at each grid frequency counts in the fit: 1 up to 6 kHz, falling linearly in log
 * frequency to `weightAtPointBandEnd` at 10 kHz, and that value above. Between 6 and 10 kHz an in-ear
 * measurement depends on the coupler and on how deep the tip sits: the ear-canal (quarter-wave)
 * resonance and the notch above it move by kilohertz between seatings, so a narrow correction there
 * fits one seating and spoils the next. AutoEq treats the same band by smoothing its EQ target over
 * 2 octaves above 6–8 kHz (constants.py DEFAULT_TREBLE_SMOOTHING_F_LOWER/UPPER, WINDOW_SIZE 2.0);
 * a lower weight keeps the broad level there and lets the narrow features go, without a smoothing
 * window that also blurs the reliable band below. The reported residual is not weighted.
 */
export function measurementWeights(
  frequencyHz: ArrayLike<number>,
  weightAtPointBandEnd: number,
): Float64Array {
  const span = Math.log(EQ_POINT_BAND_TO_HZ / RELIABLE_TO_HZ);
  return Float64Array.from({ length: frequencyHz.length }, (_, i) => {
    const f = frequencyHz[i] as number;
    if (f <= RELIABLE_TO_HZ) return 1;
    if (f >= EQ_POINT_BAND_TO_HZ) return weightAtPointBandEnd;
    return 1 + (weightAtPointBandEnd - 1) * (Math.log(f / RELIABLE_TO_HZ) / span);
  });
}

/**
 * The EQ the fit aims at, with boosts beyond what the limit allows clipped (as AutoEq clips its EQ
 * target). The level an EQ of peaks and shelves leaves alone is the desired EQ's mean over the point
 * band (20 Hz–10 kHz), and the residual is level-matched, so the fit may sink the whole EQ below that
 * level to make room under the absolute boost limit for a relative boost — at the cost of loudness,
 * which the listener pays for in volume. The clip bounds that trade:
 *  - in the point band, anything more than 2·maxBoost above the level is cut to that: the EQ may
 *    sit at most maxBoost lower to reach a peak up to 2·maxBoost above its level. A clip at
 *    level + maxBoost here gave up a broad presence dip that needs ~8 dB of relative boost (the
 *    Sennheiser IE 800 toward AutoEq's target: 0.67 dB RMS instead of 0.10 dB; AutoEq's own 0.50);
 *  - above the point band only the average level counts, and there anything more than maxBoost
 *    above the level is cut: a treble roll-off (a BA toward a planar) would otherwise have the fit
 *    pull the whole EQ down by tens of dB for a region that is not even fitted point by point.
 */
export function clippedBoosts(
  desiredDb: Float64Array,
  frequencyHz: Float64Array,
  maxBoostDb: number,
): Float64Array {
  const points = frequencyHz.findIndex((hz) => hz > EQ_POINT_BAND_TO_HZ);
  const count = points < 0 ? desiredDb.length : points;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += desiredDb[i]!;
  const level = sum / count;
  return desiredDb.map((value, i) =>
    Math.min(value, level + (i < count ? POINT_BAND_HEADROOM_FACTOR : 1) * maxBoostDb),
  );
}
