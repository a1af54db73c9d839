import { TympanError } from "./issues.js";

export interface LogGridOptions {
  readonly fromHz: number;
  readonly toHz: number;
  readonly points: number;
}

export const DEFAULT_LOG_GRID: LogGridOptions = { fromHz: 20, toHz: 20_000, points: 1000 };

/** `points` frequencies spaced evenly in log f from `fromHz` to `toHz`, both included. */
export function logFrequencies(options: Partial<LogGridOptions> = {}): Float64Array {
  const { fromHz, toHz, points } = { ...DEFAULT_LOG_GRID, ...options };
  if (!(fromHz > 0) || !(toHz > fromHz) || !Number.isFinite(toHz)) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-frequency-range",
        path: [],
        message: `frequency range ${fromHz}–${toHz} Hz is not usable; give 0 < from < to (e.g. 20 to 20000)`,
      },
    ]);
  }
  if (!Number.isInteger(points) || points < 2) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-point-count",
        path: [],
        message: `a log grid needs a whole number of at least 2 points (got ${points})`,
      },
    ]);
  }
  const grid = new Float64Array(points);
  const logFrom = Math.log(fromHz);
  const step = (Math.log(toHz) - logFrom) / (points - 1);
  for (let i = 0; i < points; i++) grid[i] = Math.exp(logFrom + i * step);
  grid[0] = fromHz;
  grid[points - 1] = toHz;
  return grid;
}
