/**
 * How well an EQ lands a measurement on a target: the level-matched residual error, the figure EQ
 * fits are compared by (docs/measurements.md §5). With e_i = measurement_i + eq_i − target_i on the fit grid
 * points inside [fromHz, toHz] (20 Hz–10 kHz by default) and ē their mean (the level match),
 *
 *   RMS = √( Σ (e_i − ē)² / N )
 */
import type { Curve } from "../core/curve.js";
import {
  DEFAULT_SAMPLE_RATE_HZ,
  type Biquad,
  chainResponseDbOnGrid,
  unitCircleGrid,
} from "./biquad.js";
import { curvesOnFitGrid } from "./fitGrid.js";

export interface EqResidualOptions {
  readonly fromHz?: number;
  readonly toHz?: number;
  readonly sampleRateHz?: number;
}

/** Defaults of eqResidual: the 20 Hz–10 kHz band the fit weighs point by point, at 48 kHz. */
export const EQ_RESIDUAL_DEFAULTS: Required<EqResidualOptions> = {
  fromHz: 20,
  toHz: 10_000,
  sampleRateHz: DEFAULT_SAMPLE_RATE_HZ,
};

export interface EqResidual {
  /** Level-matched RMS of the error over the band, dB. */
  readonly rmsDb: number;
  /** The largest |e_i − ē| in the band, dB. */
  readonly maxAbsDb: number;
  /** ē: how far the equalised curve sits above the target on average, dB. */
  readonly levelOffsetDb: number;
  /** Grid points in the band. */
  readonly points: number;
}

/**
 * The residual of `measurement` equalised by `filters` against `target` (no filters: the error
 * before EQ), on the fit grid (eqFitGrid).
 *
 * @throws TympanError when a curve does not cover 20 Hz–10 kHz or a filter is invalid.
 */
export function eqResidual(
  measurement: Curve,
  target: Curve,
  filters: readonly Biquad[],
  options: EqResidualOptions = {},
): EqResidual {
  const { fromHz, toHz, sampleRateHz } = { ...EQ_RESIDUAL_DEFAULTS, ...options };
  const { frequencyHz, measurementDb, targetDb } = curvesOnFitGrid(measurement, target);
  const eq = chainResponseDbOnGrid(filters, unitCircleGrid(frequencyHz, sampleRateHz));
  return levelMatchedResidual(
    frequencyHz,
    Float64Array.from(measurementDb, (value, i) => value + eq[i]! - targetDb[i]!),
    fromHz,
    toHz,
  );
}

/** The level-matched statistics of an error curve `errorDb` over the grid points in [fromHz, toHz]. */
export function levelMatchedResidual(
  frequencyHz: ArrayLike<number>,
  errorDb: ArrayLike<number>,
  fromHz: number,
  toHz: number,
): EqResidual {
  const band: number[] = [];
  for (let i = 0; i < frequencyHz.length; i++) {
    const f = frequencyHz[i] as number;
    // A relative tolerance keeps the band's end points in despite rounding of the grid.
    if (f >= fromHz * (1 - 1e-9) && f <= toHz * (1 + 1e-9)) band.push(errorDb[i] as number);
  }
  const mean = band.reduce((sum, v) => sum + v, 0) / band.length;
  const squares = band.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return {
    rmsDb: Math.sqrt(squares / band.length),
    maxAbsDb: band.reduce((max, v) => Math.max(max, Math.abs(v - mean)), 0),
    levelOffsetDb: mean,
    points: band.length,
  };
}
