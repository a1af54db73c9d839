import { DEFAULT_LOG_GRID, logFrequencies } from "../core/frequencyGrid.js";
import { type Issue, type IssueCode, TympanError } from "../core/issues.js";
import { FREQUENCY_RANGE_HZ } from "./simulate.js";

/**
 * The most frequencies one request may ask for. A simulation keeps every probe's values at every
 * frequency (about 1.2 kB per frequency for a reference design, with per-driver shares), and a
 * million points took 6.7 s and 1.2 GB; 100 000 points is far finer than any measurement (REW
 * exports 1/48 octave, about 480 points over the audio band) and stays near 0.1 GB.
 */
export const MAX_FREQUENCY_POINTS = 100_000;

/**
 * Frequencies asked for as text, the way the command line's flags and the web app's fields give
 * them: either a list `at` ("100,1000,10000") or a log-spaced sweep `from`/`to`/`points`.
 */
export interface FrequencyGridText {
  readonly at?: string;
  readonly from?: string;
  readonly to?: string;
  readonly points?: string;
}

function gridError(code: IssueCode, flag: string, message: string): TympanError {
  const issue: Issue = { severity: "error", code, path: [flag], message };
  return new TympanError([issue]);
}

/** "0.01 Hz–10 MHz", the range simulate accepts. */
const RANGE_TEXT = `${FREQUENCY_RANGE_HZ.from} Hz–${FREQUENCY_RANGE_HZ.to / 1e6} MHz`;

function checkInRange(flag: string, text: string, valueHz: number): void {
  if (valueHz < FREQUENCY_RANGE_HZ.from || valueHz > FREQUENCY_RANGE_HZ.to) {
    throw gridError(
      "frequency-out-of-range",
      flag,
      `${text} Hz is outside ${RANGE_TEXT}, the range the models are meant for; give a frequency within it`,
    );
  }
}

/**
 * The frequencies (Hz) of a request: the listed ones for `at`, else `points` log-spaced from `from`
 * to `to`, both included (defaults 20 Hz, 20 kHz, 1000 points). Every frequency must lie in the range
 * simulate accepts (FREQUENCY_RANGE_HZ, 0.01 Hz–10 MHz) and there may be at most
 * MAX_FREQUENCY_POINTS of them. A bad value throws a TympanError whose issue path names the
 * command-line flag it came from ("--at", "--from", "--to", "--points") and says how to fix it.
 */
export function frequencyGrid(text: FrequencyGridText): number[] {
  if (text.at !== undefined) {
    if (text.from !== undefined || text.to !== undefined || text.points !== undefined) {
      throw gridError(
        "usage",
        "--at",
        "give either --at f1,f2,… or --from/--to/--points, not both",
      );
    }
    const parts = text.at.split(",").map((part) => part.trim());
    if (parts.length > MAX_FREQUENCY_POINTS) {
      throw gridError(
        "invalid-point-count",
        "--at",
        `${parts.length} frequencies; give at most ${MAX_FREQUENCY_POINTS}`,
      );
    }
    return parts.map((part) => {
      const value = Number(part);
      if (part === "" || !Number.isFinite(value) || value <= 0) {
        throw gridError(
          "invalid-frequency",
          "--at",
          `"${part}" is not a frequency in Hz; give positive numbers separated by commas, e.g. --at 100,1000,10000`,
        );
      }
      checkInRange("--at", part, value);
      return value;
    });
  }
  const number = (flag: string, given: string | undefined, fallback: number) => {
    if (given === undefined) return fallback;
    const value = Number(given);
    if (given.trim() === "" || !Number.isFinite(value)) {
      throw gridError("not-a-number", flag, `"${given}" is not a number`);
    }
    return value;
  };
  const fromHz = number("--from", text.from, DEFAULT_LOG_GRID.fromHz);
  const toHz = number("--to", text.to, DEFAULT_LOG_GRID.toHz);
  const points = number("--points", text.points, DEFAULT_LOG_GRID.points);
  if (!(fromHz > 0) || !(toHz > fromHz)) {
    throw gridError(
      "invalid-frequency-range",
      "--from",
      `--from ${fromHz} --to ${toHz}: need 0 < from < to (in Hz)`,
    );
  }
  checkInRange("--from", String(fromHz), fromHz);
  checkInRange("--to", String(toHz), toHz);
  if (points > MAX_FREQUENCY_POINTS) {
    throw gridError(
      "invalid-point-count",
      "--points",
      `${points} points is more than the ${MAX_FREQUENCY_POINTS} one simulation may ask for; give a whole number from 2 to ${MAX_FREQUENCY_POINTS}`,
    );
  }
  if (!Number.isInteger(points) || points < 2) {
    throw gridError(
      "invalid-point-count",
      "--points",
      `${points}: give a whole number from 2 to ${MAX_FREQUENCY_POINTS}`,
    );
  }
  return Array.from(logFrequencies({ fromHz, toHz, points }));
}
