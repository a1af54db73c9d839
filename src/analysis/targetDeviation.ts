import type { Curve } from "../core/curve.js";
import { interpolateLogFrequency } from "./interpolate.js";

export interface TargetDeviationOptions {
  /** Band over which the deviation is judged (default 20 Hz–10 kHz, where IEM targets are trusted). */
  readonly fromHz?: number;
  readonly toHz?: number;
  /** Both curves are set to 0 dB here before comparing (default 1 kHz). */
  readonly alignHz?: number;
  /** Points per octave of the comparison grid (default 48). */
  readonly pointsPerOctave?: number;
}

export interface TargetDeviation {
  /** Largest |curve − target| in the band after alignment, dB, and where. */
  readonly worstDb: number;
  readonly worstAtHz: number;
  /** Signed deviation there: positive when the curve is above the target. */
  readonly worstSignedDb: number;
  /** RMS deviation over the band, dB. */
  readonly rmsDb: number;
}

/**
 * How far a response strays from a target once both are aligned at one frequency: the worst and RMS
 * difference on a log grid. The tuning bar of the reference designs (within ±6 dB of Harman in-ear
 * 2019 v2 from 20 Hz to 10 kHz after alignment at 1 kHz) is read off `worstDb`.
 */
export function targetDeviation(
  curve: Curve,
  target: Curve,
  options: TargetDeviationOptions = {},
): TargetDeviation {
  const fromHz = options.fromHz ?? 20;
  const toHz = options.toHz ?? 10_000;
  const alignHz = options.alignHz ?? 1000;
  const perOctave = options.pointsPerOctave ?? 48;
  const points = Math.max(2, Math.round(Math.log2(toHz / fromHz) * perOctave) + 1);
  const grid = Array.from(
    { length: points },
    (_, i) => fromHz * (toHz / fromHz) ** (i / (points - 1)),
  );
  const [curveAtAlign] = interpolateLogFrequency(curve, [alignHz]);
  const [targetAtAlign] = interpolateLogFrequency(target, [alignHz]);
  const values = interpolateLogFrequency(curve, grid);
  const targets = interpolateLogFrequency(target, grid);
  let worstDb = -1;
  let worstAtHz = fromHz;
  let worstSignedDb = 0;
  let sumSquares = 0;
  grid.forEach((frequency, i) => {
    const difference = values[i]! - curveAtAlign! - (targets[i]! - targetAtAlign!);
    sumSquares += difference * difference;
    if (Math.abs(difference) > worstDb) {
      worstDb = Math.abs(difference);
      worstAtHz = frequency;
      worstSignedDb = difference;
    }
  });
  return { worstDb, worstAtHz, worstSignedDb, rmsDb: Math.sqrt(sumSquares / points) };
}
