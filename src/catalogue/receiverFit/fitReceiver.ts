import { type Air, STANDARD_AIR } from "../../core/air.js";
import { type Issue, TympanError } from "../../core/issues.js";
import { receiverLevenbergMarquardt } from "./levenbergMarquardtRun.js";
import { RESPONSE_BAND_HZ, type ReceiverDatasheet, fitTargets } from "./datasheetData.js";
import { ReceiverFitProblem } from "./fitProblem.js";
import {
  type FitLayout,
  type FitParameter,
  GAUGE_VALUES,
  fitParameters,
  fromCoordinate,
  receiverAt,
} from "./fitParameters.js";
import { fitUncertainty } from "./fitUncertainty.js";
import {
  DAMPER_AND_TUBE_INTO_711,
  type LoadChain,
  describeLoadChain,
  hasFixture,
} from "./loadChain.js";
import type { FixtureTube, ReceiverMotor } from "./receiverModel.js";
import { posteriorSamples } from "./posteriorSamples.js";
import { secondLoadBand, type SecondLoadBand } from "./secondLoadBand.js";
import { datasheetGuess, perturbedStart, seededRandom } from "./startingPoints.js";

export interface ReceiverFitOptions {
  /** Motors in the case: 1, or 2 for a dual or a woofer + tweeter receiver (wired in parallel). */
  readonly motors?: 1 | 2;
  /** Fit a front–rear diaphragm vent (barometric leak) and the rear volume it acts against. */
  readonly diaphragmVent?: boolean;
  /**
   * Feed the second motor (a woofer + tweeter case's tweeter) through a capacitor inside the case,
   * fitted with the rest (needs `motors: 2`). Designs get it as a capacitor element.
   */
  readonly seriesCapacitor?: boolean;
  /** Starting points of the multi-start: the datasheet guess and `starts − 1` perturbed ones. */
  readonly starts?: number;
  /** Seed of the perturbations: the same seed gives the same fit. */
  readonly seed?: number;
  /** The load the disagreement of equally good fits is shown in. */
  readonly secondLoad?: LoadChain;
  readonly air?: Air;
  /** Called after each start with the best fit so far. */
  readonly onProgress?: (progress: FitProgress) => void;
}

export interface FitProgress {
  readonly start: number;
  readonly starts: number;
  /** RMS of all residual rows of the best fit so far, dB. */
  readonly bestRmsDb: number;
}

/** What fitReceiver uses for each option left out: one motor, no diaphragm vent, no series capacitor, 8 starts, seed 1, the damper-and-tube load. */
export const RECEIVER_FIT_DEFAULTS = {
  motors: 1,
  diaphragmVent: false,
  seriesCapacitor: false,
  starts: 8,
  seed: 1,
  secondLoad: DAMPER_AND_TUBE_INTO_711,
} as const;

/** The drive assumed when the datasheet states none (a warning says so). */
const ASSUMED_DRIVE_V = 0.1;
/** How far the perturbed starts reach from the datasheet guess: ±1 natural-log unit (×/÷ 2.7). */
const START_SPREAD = 1;
/**
 * Iterations of each start before the best is polished. 12 would halve the fit time with the same
 * residuals on the eight Knowles receivers (within 0.1 dB and 0.2 %), but it lands WBFK-30095 on a
 * different, equally good optimum (its 5–95 % band above 2 kHz 4 dB instead of 35 dB, a tweeter
 * several dB hotter in a damper load): the catalogue parts and the two-way-knowles design are fitted
 * with 25, so changing this means regenerating them (scripts/write-knowles-parts.mjs) and retuning.
 */
const START_ITERATIONS = 25;
const POLISH_ITERATIONS = 300;

/** One fitted (or held) number with its 95 % interval. */
export interface FittedValue {
  readonly name: string;
  /** Motor index, or undefined for the fixture. */
  readonly motor?: number;
  readonly value: number;
  readonly unit: string;
  /** 95 % interval, widened to cover every equally good fit; equal to value for a held gauge. */
  readonly low: number;
  readonly high: number;
  /** The fit ended on a bound of its box: the model strains there. */
  readonly atBound?: "lower" | "upper";
  /** Held at a gauge value the data cannot identify (see GAUGE_VALUES). */
  readonly held?: boolean;
}

export interface ReceiverFit {
  readonly motorCount: number;
  readonly diaphragmVent: boolean;
  readonly driveVoltage: number;
  readonly parameters: readonly FittedValue[];
  /** Each motor's balancedArmature parameters, ready for a design element. */
  readonly motors: readonly Record<string, number>[];
  /** Per motor, the capacitor (F) it is fed through inside the case, or undefined (seriesCapacitor). */
  readonly seriesCapacitance: readonly (number | undefined)[];
  readonly fixture?: FixtureTube;
  readonly residuals: {
    /** Per response, its load and the RMS level error over 100 Hz–10 kHz (dB). */
    readonly responses: readonly { readonly load: string; readonly rmsDb: number }[];
    /** RMS of |Z_model/Z_data| − 1 over 20 Hz–10 kHz, in %; undefined without a usable impedance. */
    readonly impedanceRmsPercent?: number;
  };
  readonly secondLoad: SecondLoadBand;
  /** The smoothed data and the fit on the 1/24-octave grid, for plots and reports. */
  readonly curves: {
    readonly frequencyHz: readonly number[];
    readonly responses: readonly { readonly dataDb: (number | null)[]; readonly fitDb: number[] }[];
    readonly impedance: { readonly dataOhm: (number | null)[]; readonly fitOhm: number[] };
  };
  readonly starts: number;
  readonly evaluations: number;
  readonly warnings: readonly Issue[];
}

/**
 * Fits a balanced-armature receiver (one or two motors, optionally with a diaphragm vent) and the
 * maker's unknown test fixture to a datasheet: responses at a stated drive in known loads and the
 * electrical impedance, smoothed to 1/24 octave (see fitTargets). Bounded Levenberg–Marquardt from a
 * datasheet guess and `starts − 1` seeded perturbations of it (deterministic), the best polished.
 *
 * Returns the parameters with 95 % intervals and bound flags, the residuals (response dB RMS over
 * 100 Hz–10 kHz, |Z| % RMS over 20 Hz–10 kHz), and the band of the responses that equally good fits
 * predict in a second, source-sensitive load (a 1500 Ω damper and 10 mm of tubing into a 711 by
 * default): one response through a fixture does not pin the receiver's acoustic source impedance
 * down, and the band says by how much. Responses in further known loads narrow it.
 *
 * Held gauges: the diaphragm area, a sealed rear volume and the spout radius (GAUGE_VALUES), since
 * the data cannot tell them from the parameters they trade with; the net stiffness is written as
 * armatureStiffness with the diaphragm's and magnet's at 0 (only their sum enters the linear model).
 */
export function fitReceiver(
  datasheet: ReceiverDatasheet,
  options: ReceiverFitOptions = {},
): ReceiverFit {
  const settings = { ...RECEIVER_FIT_DEFAULTS, ...options };
  if (settings.seriesCapacitor && settings.motors !== 2) {
    throw new TympanError([
      {
        code: "invalid-value",
        severity: "error",
        path: ["seriesCapacitor"],
        message:
          "a series capacitor feeds the second motor of a two-motor case (a woofer + tweeter receiver): give motors: 2 with it",
      },
    ]);
  }
  const air = options.air ?? STANDARD_AIR;
  const targets = fitTargets(datasheet);
  const loads = datasheet.responses.map((response) => response.load);
  const layout: FitLayout = {
    motorCount: settings.motors,
    diaphragmVent: settings.diaphragmVent,
    fixture: loads.some(hasFixture),
    seriesCapacitor: settings.seriesCapacitor,
  };
  const parameters = fitParameters(layout);
  const driveVoltage = datasheet.driveVoltage ?? ASSUMED_DRIVE_V;
  const problem = new ReceiverFitProblem(targets, loads, layout, parameters, driveVoltage, air);

  const guess = datasheetGuess(targets, parameters);
  const random = seededRandom(settings.seed);
  const optima: { x: Float64Array; cost: number }[] = [];
  let best: { x: Float64Array; cost: number } | undefined;
  for (let start = 0; start < settings.starts; start++) {
    const from = start === 0 ? guess : perturbedStart(guess, parameters, random, START_SPREAD);
    matchLevel(problem, from);
    const run = receiverLevenbergMarquardt(problem, from, { maxIterations: START_ITERATIONS });
    optima.push({ x: run.x, cost: run.cost });
    if (best === undefined || run.cost < best.cost) best = { x: run.x, cost: run.cost };
    options.onProgress?.({
      start: start + 1,
      starts: settings.starts,
      bestRmsDb: Math.sqrt(best.cost / problem.rows),
    });
  }
  const polished = receiverLevenbergMarquardt(problem, best!.x, {
    maxIterations: POLISH_ITERATIONS,
  });
  const x = polished.x;
  const atBound = parameters.map((_, a) => boundOf(problem, x, a) !== undefined);
  const uncertainty = fitUncertainty(
    problem,
    x,
    polished.cost,
    optima.filter((optimum) => optimum.x !== best!.x),
    atBound,
  );
  const samples = posteriorSamples(
    problem,
    x,
    polished.cost,
    uncertainty.variance,
    uncertainty.costLimit,
    undefined,
    uncertainty.atBest.jtj,
  );
  const band = secondLoadBand(
    problem,
    uncertainty.equallyGood,
    samples,
    settings.secondLoad,
    driveVoltage,
    air,
  );
  const receiver = receiverAt(parameters, layout, x);
  return {
    motorCount: layout.motorCount,
    diaphragmVent: layout.diaphragmVent,
    driveVoltage,
    parameters: fittedValues(problem, parameters, layout, x, uncertainty.intervals),
    motors: receiver.motors.map(elementParameters),
    seriesCapacitance: receiver.motors.map((motor) => motor.seriesCapacitance),
    ...(receiver.fixture ? { fixture: receiver.fixture } : {}),
    residuals: residualSummary(problem, x, targets, loads),
    secondLoad: band,
    curves: fitCurves(problem, x, targets),
    starts: settings.starts,
    evaluations: problem.evaluations,
    warnings: [...targets.warnings, ...boundWarnings(problem, parameters, x)],
  };
}

/**
 * Scales every motor's transduction together so the fit's mean level over the first response's
 * band matches the data (three passes: the level is close to proportional to T below resonance).
 */
function matchLevel(problem: ReceiverFitProblem, x: Float64Array): void {
  const transduction = problem.parameters.flatMap((p, index) =>
    p.name === "transduction" ? [index] : [],
  );
  for (let pass = 0; pass < 3; pass++) {
    const r = problem.residuals(x);
    const rows = problem.targets.responses[0]!.indices.length;
    let mean = 0;
    for (let row = 0; row < rows; row++) mean += r[row]! / rows;
    if (!Number.isFinite(mean)) return;
    for (const index of transduction) {
      x[index] = Math.min(
        problem.upper[index]!,
        Math.max(problem.lower[index]!, x[index]! - (mean * Math.LN10) / 20),
      );
    }
  }
}

function boundOf(
  problem: ReceiverFitProblem,
  x: ArrayLike<number>,
  index: number,
): "lower" | "upper" | undefined {
  const span = problem.upper[index]! - problem.lower[index]!;
  if (x[index]! <= problem.lower[index]! + 1e-6 * span) return "lower";
  if (x[index]! >= problem.upper[index]! - 1e-6 * span) return "upper";
  return undefined;
}

function fittedValues(
  problem: ReceiverFitProblem,
  parameters: readonly FitParameter[],
  layout: FitLayout,
  x: Float64Array,
  intervals: readonly (readonly [number, number])[],
): FittedValue[] {
  const values: FittedValue[] = parameters.map((parameter, index) => {
    const bound = boundOf(problem, x, index);
    return {
      name: parameter.name,
      ...(parameter.motor === undefined ? {} : { motor: parameter.motor }),
      value: fromCoordinate(parameter, x[index]!),
      unit: parameter.unit,
      low: fromCoordinate(parameter, intervals[index]![0]),
      high: fromCoordinate(parameter, intervals[index]![1]),
      ...(bound ? { atBound: bound } : {}),
    };
  });
  for (let motor = 0; motor < layout.motorCount; motor++) {
    const held: [string, number, string][] = [
      ["diaphragmArea", GAUGE_VALUES.diaphragmArea, "m²"],
      ["spoutRadius", GAUGE_VALUES.spoutRadius, "m"],
      ...(layout.diaphragmVent
        ? ([["diaphragmVentLength", GAUGE_VALUES.diaphragmVentLength, "m"]] as [
            string,
            number,
            string,
          ][])
        : ([["rearVolume", GAUGE_VALUES.rearVolume, "m³"]] as [string, number, string][])),
    ];
    for (const [name, value, unit] of held)
      values.push({ name, motor, value, unit, low: value, high: value, held: true });
  }
  return values;
}

/** A fitted motor as balancedArmature parameters (the net stiffness as the armature's own). */
function elementParameters(motor: ReceiverMotor): Record<string, number> {
  // The series capacitor is not the element's: designs get it as a capacitor element.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { netStiffness, seriesCapacitance, ...rest } = motor;
  return {
    ...rest,
    armatureStiffness: netStiffness,
    diaphragmStiffness: 0,
    magneticStiffness: 0,
  } as Record<string, number>;
}

function residualSummary(
  problem: ReceiverFitProblem,
  x: Float64Array,
  targets: ReturnType<typeof fitTargets>,
  loads: readonly LoadChain[],
): ReceiverFit["residuals"] {
  const evaluation = problem.evaluate(x);
  const responses = targets.responses.map((response, index) => {
    const level = problem.levelDb(evaluation, index);
    const reported = response.indices.flatMap((k, j) =>
      targets.frequencyHz[k]! >= RESPONSE_BAND_HZ.fromHz * (1 - 1e-9)
        ? [level[k]! - response.db[j]!]
        : [],
    );
    const sum = reported.reduce((total, error) => total + error * error, 0);
    return { load: describeLoadChain(loads[index]!), rmsDb: Math.sqrt(sum / reported.length) };
  });
  const { indices, logMagnitude } = targets.impedance;
  if (indices.length === 0) return { responses };
  const sum = indices.reduce((total, k, j) => {
    const model = Math.hypot(evaluation.impedanceRe[k]!, evaluation.impedanceIm[k]!);
    return total + (model / Math.exp(logMagnitude[j]!) - 1) ** 2;
  }, 0);
  return { responses, impedanceRmsPercent: 100 * Math.sqrt(sum / indices.length) };
}

function fitCurves(
  problem: ReceiverFitProblem,
  x: Float64Array,
  targets: ReturnType<typeof fitTargets>,
): ReceiverFit["curves"] {
  const evaluation = problem.evaluate(x);
  const { frequencyHz } = targets;
  const onGrid = (indices: readonly number[], values: readonly number[]) => {
    const grid: (number | null)[] = frequencyHz.map(() => null);
    indices.forEach((k, j) => (grid[k] = values[j]!));
    return grid;
  };
  return {
    frequencyHz,
    responses: targets.responses.map((response, index) => ({
      dataDb: onGrid(response.indices, response.db),
      fitDb: [...problem.levelDb(evaluation, index)],
    })),
    impedance: {
      dataOhm: onGrid(targets.impedance.indices, targets.impedance.logMagnitude.map(Math.exp)),
      fitOhm: frequencyHz.map((_, k) =>
        Math.hypot(evaluation.impedanceRe[k]!, evaluation.impedanceIm[k]!),
      ),
    },
  };
}

function boundWarnings(
  problem: ReceiverFitProblem,
  parameters: readonly FitParameter[],
  x: Float64Array,
): Issue[] {
  return parameters.flatMap((parameter, index): Issue[] => {
    const bound = boundOf(problem, x, index);
    if (bound === undefined) return [];
    const limit = bound === "lower" ? parameter.lower : parameter.upper;
    const owner =
      parameter.motor === undefined ? "the fixture's" : `motor ${parameter.motor + 1}'s`;
    return [
      {
        code: "parameter-at-bound",
        severity: "warning",
        path: ["parameters", parameter.name],
        message: `${owner} ${parameter.name} ended at its ${bound} bound (${limit} ${parameter.unit}): the model strains to follow the data there, so this value is a limit rather than a measurement`,
      },
    ];
  });
}
