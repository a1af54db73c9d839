// The designer's distortion view: the library's `distortion` at the drive that puts the drum at the
// chosen level at 1 kHz (`driveForLevel`), as `tympan distortion <design> --spl <dB>` computes it,
// shaped for the chart: THD, H2 and H3 as % of the fundamental.
import {
  chooseProbe,
  distortion,
  driveForLevel,
  formatIssue,
  logFrequencies,
} from "../../index.js";
import { preparedDesign } from "./designCalls.js";
import type { DistortionRequest, DistortionView } from "./protocol.js";

/** The sweep of `tympan distortion`'s default: 20 Hz–10 kHz. */
export const DISTORTION_RANGE_HZ = { fromHz: 20, toHz: 10_000 } as const;

/** Where the level is set, and the THD the caption quotes: 1 kHz, as reviewers do. */
export const LEVEL_FREQUENCY_HZ = 1000;

/**
 * Harmonics below the fundamental by more than this are the solver's floor (a linear element's
 * "zero"), not distortion: left out of the chart, as `distortionChart` leaves them out.
 */
const FLOOR_BELOW_FUNDAMENTAL_DB = 120;

/** The sweep: `points` log-spaced frequencies with 1 kHz among them (the caption's THD). */
export function distortionFrequencies(points: number): number[] {
  const sweep = [...logFrequencies({ ...DISTORTION_RANGE_HZ, points })];
  if (sweep.includes(LEVEL_FREQUENCY_HZ)) return sweep;
  return [...sweep, LEVEL_FREQUENCY_HZ].sort((a, b) => a - b);
}

export function designDistortion(request: DistortionRequest): DistortionView {
  const design = preparedDesign(request);
  const probe = chooseProbe(design, undefined);
  const frequencyHz = distortionFrequencies(request.points);
  const voltageRms = driveForLevel(design, {
    levelDb: request.levelDb,
    frequencyHz: LEVEL_FREQUENCY_HZ,
    probe,
  });
  const result = distortion(design, { frequencies: frequencyHz, voltageRms });
  const levels = result.probes[probe]!;
  const warnings = result.warnings ?? [];
  const linear = warnings.some((warning) => warning.code === "no-large-signal-parameters");
  const percentOf = (harmonicDb: readonly number[] | undefined) =>
    frequencyHz.map((_, j) => {
      const below = levels.fundamentalDb[j]! - (harmonicDb?.[j] ?? Number.NEGATIVE_INFINITY);
      return below < FLOOR_BELOW_FUNDAMENTAL_DB ? 100 * 10 ** (-below / 20) : null;
    });
  return {
    frequencyHz,
    probeId: probe,
    levelDb: request.levelDb,
    voltageRms,
    linear,
    thdPercent: levels.thdPercent.map((value) => (value > 0 && !linear ? value : null)),
    h2Percent: linear ? frequencyHz.map(() => null) : percentOf(levels.harmonicsDb["2"]),
    h3Percent: linear ? frequencyHz.map(() => null) : percentOf(levels.harmonicsDb["3"]),
    thdAt1kHzPercent: levels.thdPercent[frequencyHz.indexOf(LEVEL_FREQUENCY_HZ)]!,
    warnings: warnings
      .filter((warning) => warning.code !== "no-large-signal-parameters")
      .map((warning) => formatIssue(warning)),
  };
}
