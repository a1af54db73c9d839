import { DEFAULT_LOG_GRID, logFrequencies } from "../core/frequencyGrid.js";
import { usageError } from "./errors.js";

export interface FrequencyFlags {
  readonly at?: string;
  readonly from?: string;
  readonly to?: string;
  readonly points?: string;
}

/** Frequencies from `--at f1,f2,…` or a log grid `--from --to --points` (default 20 Hz–20 kHz, 1000). */
export function frequenciesFromFlags(flags: FrequencyFlags): number[] {
  if (flags.at !== undefined) {
    if (flags.from !== undefined || flags.to !== undefined || flags.points !== undefined) {
      throw usageError("give either --at f1,f2,… or --from/--to/--points, not both");
    }
    const parts = flags.at.split(",").map((part) => part.trim());
    return parts.map((part) => {
      const value = Number(part);
      if (part === "" || !Number.isFinite(value) || value <= 0) {
        throw usageError(
          `--at: "${part}" is not a frequency in Hz; give positive numbers separated by commas, e.g. --at 100,1000,10000`,
        );
      }
      return value;
    });
  }
  const number = (flag: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value))
      throw usageError(`--${flag}: "${text}" is not a number`);
    return value;
  };
  const fromHz = number("from", flags.from, DEFAULT_LOG_GRID.fromHz);
  const toHz = number("to", flags.to, DEFAULT_LOG_GRID.toHz);
  const points = number("points", flags.points, DEFAULT_LOG_GRID.points);
  if (!(fromHz > 0) || !(toHz > fromHz)) {
    throw usageError(`--from ${fromHz} --to ${toHz}: need 0 < from < to (in Hz)`);
  }
  if (!Number.isInteger(points) || points < 2 || points > 1_000_000) {
    throw usageError(`--points ${points}: need a whole number from 2 to 1000000`);
  }
  return Array.from(logFrequencies({ fromHz, toHz, points }));
}
