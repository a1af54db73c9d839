import { type Air, STANDARD_AIR } from "../core/air.js";
import { type Issue, TympanError } from "../core/issues.js";
import { probeResult } from "../simulate/resultShape.js";
import { validDesign } from "./distortion.js";
import { DistortionModel, thdPercentOf } from "./distortionModel.js";
import { chooseProbe } from "./driveLevel.js";

export interface MaxSplOptions {
  /** Fundamental frequencies (Hz, > 0). */
  readonly frequencies: readonly number[];
  /** The THD limit, percent (datasheets quote 1, 3 or 10). */
  readonly thdPercent: number;
  /** The probe the level is read at; default "drum" when the design has one, else its first. */
  readonly probe?: string;
  /** Highest harmonic in the THD, default 5. */
  readonly harmonics?: number;
  /** Largest drive tried, V rms (default 100): beyond it the limit counts as not reached. */
  readonly maxVoltageRms?: number;
  readonly air?: Air;
  readonly adiabaticCavities?: boolean;
}

/** Why the search stopped at a frequency. */
export type MaxSplLimit = "thd" | "curves" | "drive";

export interface MaxSplResult {
  readonly frequencyHz: number[];
  readonly thdPercent: number;
  readonly probe: string;
  /**
   * The fundamental's level at the probe (dB, re 20 µPa on an acoustic probe) where THD reaches
   * the limit ("thd"); or the highest level harmonic balance solved, where the large-signal curves
   * run out first ("curves"), or where the drive reached maxVoltageRms first ("drive").
   */
  readonly levelDb: number[];
  readonly voltageRms: number[];
  readonly limitedBy: MaxSplLimit[];
}

/** THD found within this ratio of the limit (0.1 %, about 0.01 dB of level). */
const RELATIVE_TOLERANCE = 1e-3;
const MAX_STEPS = 40;

/**
 * The maximum level per frequency at a THD limit, as datasheets quote it ("max SPL at 1 % THD"):
 * at each fundamental the drive is searched for where harmonic balance's THD at the probe equals
 * `thdPercent`, by a secant in log(THD) against log(drive) (weak nonlinearity makes THD a power
 * of the drive, so the secant lands in a step or two), kept inside a bracket and bisected when it
 * strays. The design is compiled and swept once (DistortionModel); each trial is one harmonic-
 * balance solve, started from the last. Throws a TympanError for an invalid design or options.
 */
export function maxSplAtThd(input: unknown, options: MaxSplOptions): MaxSplResult {
  const design = validDesign(input);
  const probe = chooseProbe(design, options.probe);
  checkOptions(options);
  const model = new DistortionModel(design, options.air ?? STANDARD_AIR, {
    frequencies: options.frequencies,
    harmonics: options.harmonics ?? 5,
    method: "harmonic-balance",
    ...(options.adiabaticCavities ? { adiabaticCavities: true } : {}),
  });
  const p = model.ports.probes.findIndex((candidate) => candidate.id === probe);
  const domain = model.ports.probes[p]!.domain;
  const maxVoltage = options.maxVoltageRms ?? 100;
  const levelDb: number[] = [];
  const voltageRms: number[] = [];
  const limitedBy: MaxSplLimit[] = [];
  options.frequencies.forEach((frequencyHz, j) => {
    let start: ReturnType<DistortionModel["solve"]>["sources"] | undefined;
    const trial = (volts: number): Trial | undefined => {
      const solution = model.solve(j, volts, start);
      if (!solution.converged) return undefined;
      start = solution.sources;
      const harmonics = solution.probes[p]!;
      const at = probeResult(harmonics.re.subarray(1, 2), harmonics.im.subarray(1, 2), 1, domain);
      return { volts, thd: thdPercentOf(harmonics, model.reported), db: at.db[0]! };
    };
    const found = search(trial, options.thdPercent, maxVoltage);
    if (found === undefined) {
      throw new TympanError([
        {
          code: "harmonic-balance-not-converged",
          severity: "error",
          path: ["frequencies"],
          message: `harmonic balance does not converge at ${frequencyHz} Hz even at ${(1e-3 * maxVoltage).toPrecision(3)} V rms: the large-signal curves do not describe this design's excursion there`,
        },
      ]);
    }
    levelDb.push(found.point.db);
    voltageRms.push(found.point.volts);
    limitedBy.push(found.limitedBy);
  });
  return {
    frequencyHz: [...options.frequencies],
    thdPercent: options.thdPercent,
    probe,
    levelDb,
    voltageRms,
    limitedBy,
  };
}

interface Trial {
  readonly volts: number;
  readonly thd: number;
  readonly db: number;
}

/**
 * The drive where THD meets `limit`: a bracket of solved levels below (low) and above (high) the
 * limit, or a ceiling where harmonic balance stops converging; secant steps in log–log inside the
 * bracket, bisection when they stray, factor-of-ten steps until there is one.
 */
function search(
  trial: (volts: number) => Trial | undefined,
  limit: number,
  maxVoltage: number,
): { point: Trial; limitedBy: MaxSplLimit } | undefined {
  const logLimit = Math.log(limit);
  let point = trial(1e-3 * maxVoltage);
  if (point === undefined) return undefined;
  let low: Trial | undefined;
  let high: Trial | undefined;
  let ceiling = Infinity;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (point !== undefined) {
      if (Math.abs(Math.log(point.thd) - logLimit) < RELATIVE_TOLERANCE)
        return { point, limitedBy: "thd" };
      if (point.thd < limit) low = point;
      else high = point;
    }
    let next: number;
    if (low !== undefined && high !== undefined) {
      const slope = (Math.log(high.thd) - Math.log(low.thd)) / Math.log(high.volts / low.volts);
      next = low.volts * Math.exp((logLimit - Math.log(low.thd)) / slope);
      if (!(next > low.volts && next < high.volts)) next = Math.sqrt(low.volts * high.volts);
    } else if (low !== undefined) {
      if (low.volts >= maxVoltage) return { point: low, limitedBy: "drive" };
      if (ceiling / low.volts < 1 + RELATIVE_TOLERANCE) return { point: low, limitedBy: "curves" };
      // THD grows at least as fast as the drive below the limit: aim at it, at most ×10.
      next = Math.min(low.volts * Math.min(10, limit / low.thd), maxVoltage);
      if (next >= ceiling) next = Math.sqrt(low.volts * ceiling);
    } else next = high!.volts / Math.min(10, high!.thd / limit);
    point = trial(next);
    if (point === undefined) ceiling = Math.min(ceiling, next);
  }
  const best = low ?? high!;
  return { point: best, limitedBy: low !== undefined && ceiling < Infinity ? "curves" : "thd" };
}

function checkOptions(options: MaxSplOptions) {
  const issues: Issue[] = [];
  const bad = (path: string, message: string) =>
    issues.push({ code: "invalid-value", severity: "error", path: [path], message });
  if (!(Number.isFinite(options.thdPercent) && options.thdPercent > 0 && options.thdPercent < 100))
    bad(
      "thdPercent",
      `the THD limit must be a percentage between 0 and 100 (got ${options.thdPercent})`,
    );
  if (
    options.maxVoltageRms !== undefined &&
    !(options.maxVoltageRms > 0 && Number.isFinite(options.maxVoltageRms))
  )
    bad(
      "maxVoltageRms",
      `the largest drive must be a positive number of volts (got ${options.maxVoltageRms})`,
    );
  if (options.frequencies.length === 0) bad("frequencies", "give at least one frequency");
  for (const f of options.frequencies)
    if (!(Number.isFinite(f) && f > 0))
      bad("frequencies", `frequencies must be positive numbers of Hz (got ${f})`);
  if (issues.length > 0) throw new TympanError(issues as [Issue, ...Issue[]]);
}
