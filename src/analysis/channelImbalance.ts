import { TympanError, isNonEmpty, type Issue } from "../core/issues.js";
import type { Curve } from "../core/curve.js";
import { onCommonGrid } from "./commonGrid.js";
import { interpolateLogFrequency } from "./interpolate.js";

export interface ChannelImbalanceOptions {
  /** |L − R| above this, in dB, is an imbalance. */
  readonly thresholdDb?: number;
  /** The band checked, in Hz (cut to the range both channels cover). */
  readonly fromHz?: number;
  readonly toHz?: number;
}

const IMBALANCE_DEFAULTS: Required<ChannelImbalanceOptions> = {
  thresholdDb: 2,
  fromHz: 100,
  toHz: 10_000,
};

/** A stretch of frequencies where |L − R| exceeds the threshold. */
export interface ImbalanceBand {
  readonly fromHz: number;
  readonly toHz: number;
  /** The largest difference in the band, signed L − R in dB (positive: left louder). */
  readonly maxDb: number;
}

export interface ChannelImbalance {
  /** L − R in dB over the whole common range of the two channels. */
  readonly difference: Curve;
  /** The largest |L − R| within the checked band, signed L − R in dB, and where it is. */
  readonly maxDifferenceDb: number;
  readonly atHz: number;
  /** Where |L − R| > threshold within the checked band, in increasing frequency. */
  readonly bands: readonly ImbalanceBand[];
}

/**
 * The difference between two channels, L − R in dB, on the union of their grids over the range both
 * cover, and the bands within `fromHz`–`toHz` (default 100 Hz–10 kHz) where |L − R| exceeds
 * `thresholdDb` (default 2 dB). Band edges are where the log-interpolated difference crosses the
 * threshold (or the ends of the checked band), not the nearest grid points.
 *
 * @throws TympanError when either curve is not a usable response, the options are not a positive
 *   range and a non-negative threshold, or the checked band lies outside the channels' common range.
 */
export function channelImbalance(
  left: Curve,
  right: Curve,
  options: ChannelImbalanceOptions = {},
): ChannelImbalance {
  const { thresholdDb, fromHz, toHz } = { ...IMBALANCE_DEFAULTS, ...options };
  const issues: Issue[] = [];
  if (!(thresholdDb >= 0) || !Number.isFinite(thresholdDb)) {
    issues.push({
      severity: "error",
      code: "invalid-threshold",
      path: ["options", "thresholdDb"],
      message: `imbalance threshold ${thresholdDb} dB must be a non-negative finite number, e.g. 2`,
    });
  }
  if (!(fromHz > 0) || !Number.isFinite(toHz) || !(toHz > fromHz)) {
    issues.push({
      severity: "error",
      code: "invalid-band",
      path: ["options", "fromHz"],
      message: `imbalance band ${fromHz}–${toHz} Hz is not a range of positive frequencies; give 0 < fromHz < toHz`,
    });
  }
  if (isNonEmpty(issues)) throw new TympanError(issues);

  const grid = onCommonGrid(left, right, "the channel-imbalance check");
  const differenceDb = grid.frequencyHz.map(
    (_, i) => (grid.left[i] as number) - (grid.right[i] as number),
  );
  const difference: Curve = {
    kind: "response",
    frequencyHz: grid.frequencyHz,
    values: differenceDb,
  };

  const commonLow = grid.frequencyHz[0] as number;
  const commonHigh = grid.frequencyHz[grid.frequencyHz.length - 1] as number;
  const lowHz = Math.max(fromHz, commonLow);
  const highHz = Math.min(toHz, commonHigh);
  if (lowHz > highHz) {
    throw new TympanError([
      {
        severity: "error",
        code: "band-not-covered",
        path: ["options", "fromHz"],
        message: `the channels share ${commonLow}–${commonHigh} Hz, outside the checked band ${fromHz}–${toHz} Hz; widen the band or use measurements that cover it`,
      },
    ]);
  }

  // The checked band's points: its two ends (interpolated) and every grid point between them.
  const [lowDb, highDb] = interpolateLogFrequency(difference, [lowHz, highHz]) as [number, number];
  const xs: number[] = [Math.log10(lowHz)];
  const ds: number[] = [lowDb];
  grid.frequencyHz.forEach((f, i) => {
    if (f > lowHz && f < highHz) {
      xs.push(Math.log10(f));
      ds.push(differenceDb[i] as number);
    }
  });
  if (highHz > lowHz) {
    xs.push(Math.log10(highHz));
    ds.push(highDb);
  }

  let maxIndex = 0;
  ds.forEach((d, i) => {
    if (Math.abs(d) > Math.abs(ds[maxIndex] as number)) maxIndex = i;
  });

  const bands: ImbalanceBand[] = [];
  let start: number | undefined;
  let peak = 0;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i] as number;
    const over = Math.abs(d) > thresholdDb;
    if (over && start === undefined) {
      start = i === 0 ? (xs[0] as number) : crossing(xs, ds, i - 1, i, Math.sign(d) * thresholdDb);
      peak = d;
    } else if (over && Math.abs(d) > Math.abs(peak)) {
      peak = d;
    }
    // A run ends below the threshold, or where the sign flips (it passes through 0 dB in between).
    const next = ds[i + 1];
    const ends =
      start !== undefined &&
      (next === undefined || Math.abs(next) <= thresholdDb || Math.sign(next) !== Math.sign(d));
    if (ends && start !== undefined) {
      const endX =
        next === undefined
          ? (xs[i] as number)
          : crossing(xs, ds, i, i + 1, Math.sign(d) * thresholdDb);
      bands.push({ fromHz: 10 ** start, toHz: 10 ** endX, maxDb: peak });
      start = undefined;
    }
  }

  return {
    difference,
    maxDifferenceDb: ds[maxIndex] as number,
    atHz: 10 ** (xs[maxIndex] as number),
    bands,
  };
}

/** The log f where the difference, linear in log f from point a to point b, equals `levelDb`. */
function crossing(
  xs: readonly number[],
  ds: readonly number[],
  a: number,
  b: number,
  levelDb: number,
): number {
  const xa = xs[a] as number;
  const da = ds[a] as number;
  return xa + (((xs[b] as number) - xa) * (levelDb - da)) / ((ds[b] as number) - da);
}
