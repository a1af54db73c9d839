import type { Curve } from "../../core/curve.js";
import { type Issue, TympanError } from "../../core/issues.js";
import { interpolateLogFrequency } from "../../analysis/interpolate.js";
import { smoothFractionalOctave } from "../../analysis/smoothFractionalOctave.js";
import type { LoadChain } from "./loadChain.js";

/** A receiver's datasheet as the fit reads it. */
export interface ReceiverDatasheet {
  /**
   * Responses (SPL, dB re 20 µPa) at the drive voltage, each with the load it was measured in; the
   * first is also the load the impedance was measured in (a maker's datasheet: fixture + 711).
   */
  readonly responses: readonly { readonly curve: Curve; readonly load: LoadChain }[];
  /** Electrical impedance magnitude (Ω), with its phase (degrees) when measured. */
  readonly impedance: Curve;
  /** The drive at which the responses were measured, V rms; without it only the shape is fitted. */
  readonly driveVoltage?: number;
}

/** Band of the reported response residual: where the 711 is standardised (IEC 60318-4). */
export const RESPONSE_BAND_HZ = { fromHz: 100, toHz: 10_000 } as const;
/**
 * Band the responses are fitted over: down to 20 Hz as well, where a coupler is a plain volume and a
 * vented receiver's bass roll-off shows (the 711's own model holds there; only the standard stops).
 */
export const RESPONSE_FIT_BAND_HZ = { fromHz: 20, toHz: 10_000 } as const;
/** Band of the impedance residual. */
export const IMPEDANCE_BAND_HZ = { fromHz: 20, toHz: 10_000 } as const;
/** Points per octave of the fit grid, and the smoothing the data get first (1/24 octave). */
export const FIT_POINTS_PER_OCTAVE = 24;

/** The datasheet smoothed to 1/24 octave and sampled on the fit grid. */
export interface FitTargets {
  /** 1/24-octave grid covering every band used, Hz. */
  readonly frequencyHz: readonly number[];
  /** Per response: grid indices inside its band, and its smoothed level there (dB). */
  readonly responses: readonly {
    readonly indices: readonly number[];
    readonly db: readonly number[];
  }[];
  /** Grid indices inside the impedance band, and ln|Z| there (smoothed). */
  readonly impedance: {
    readonly indices: readonly number[];
    readonly logMagnitude: readonly number[];
    /** Smoothed phase in radians, when the file has a usable one. */
    readonly phaseRad?: readonly number[];
  };
  readonly warnings: readonly Issue[];
}

/** Below this, an impedance file cannot be a receiver's (a coil of thin wire is tens of Ω or more). */
const MIN_RECEIVER_IMPEDANCE_OHM = 1;
/** A |Z| that varies less than this (max/min) over the whole file is a constant, not a measurement. */
const CONSTANT_RATIO = 1.01;

/**
 * Smooths the datasheet's curves to 1/24 octave (the drawn line's jitter, ±0.3 dB on the shared
 * digitised curves, averages out) and samples them on a 1/24-octave grid over 20 Hz–10 kHz, each cut
 * to what the file covers. Returns the
 * warnings a broken file deserves (an impedance constant or below 1 Ω everywhere, a phase that is
 * zero everywhere, no stated drive) with the targets.
 * @throws TympanError when a curve covers too little of its band to fit (less than an octave).
 */
export function fitTargets(datasheet: ReceiverDatasheet): FitTargets {
  const warnings: Issue[] = [];
  const { impedance } = datasheet;
  const zName = impedance.name ?? "the impedance";
  const magnitudes = impedance.values;
  const largest = Math.max(...magnitudes);
  const smallest = Math.min(...magnitudes);
  let impedanceUsable = true;
  if (largest < MIN_RECEIVER_IMPEDANCE_OHM || largest / smallest < CONSTANT_RATIO) {
    impedanceUsable = false;
    warnings.push({
      code: "broken-impedance",
      severity: "warning",
      path: ["impedance"],
      message:
        largest < MIN_RECEIVER_IMPEDANCE_OHM
          ? `${zName} is below ${MIN_RECEIVER_IMPEDANCE_OHM} Ω at every frequency (largest ${largest.toPrecision(3)} Ω): no receiver coil is that low, so the file is broken; the fit ignores it and the electrical parameters are then not identified`
          : `${zName} is ${smallest.toPrecision(3)} Ω at every frequency: a measured receiver impedance rises with frequency, so the file is broken; the fit ignores it and the electrical parameters are then not identified`,
      hint: "export the impedance again, or take it from the maker's datasheet",
    });
  }
  const phase = impedance.phaseDeg;
  const phaseUsable = phase !== undefined && phase.some((value) => Math.abs(value) > 1e-9);
  if (phase !== undefined && !phaseUsable) {
    warnings.push({
      code: "phase-all-zero",
      severity: "warning",
      path: ["impedance", "phaseDeg"],
      message: `${zName} has a phase column that is zero at every frequency: a receiver's impedance is inductive, so the column is a placeholder; the fit uses the magnitude only`,
    });
  }
  if (datasheet.driveVoltage === undefined) {
    warnings.push({
      code: "drive-not-stated",
      severity: "warning",
      path: ["driveVoltage"],
      message:
        "no drive voltage was stated, so the absolute sensitivity is unknown: the fit matches the response's shape at an assumed 0.1 V rms and the transduction (and the SPL of any design made from it) may be off by a constant",
      hint: "give the drive the response was measured at (datasheets print it, e.g. 0.1 V rms)",
    });
  }
  const covered = (curve: Curve, band: { fromHz: number; toHz: number }) => ({
    fromHz: Math.max(band.fromHz, curve.frequencyHz[0]!),
    toHz: Math.min(band.toHz, curve.frequencyHz[curve.frequencyHz.length - 1]!),
  });
  const bands = datasheet.responses.map(({ curve }, index) => {
    const band = covered(curve, RESPONSE_FIT_BAND_HZ);
    assertOctave(band, curve.name ?? `response ${index + 1}`, RESPONSE_BAND_HZ);
    return band;
  });
  const zBand = covered(impedance, IMPEDANCE_BAND_HZ);
  if (impedanceUsable) assertOctave(zBand, zName, IMPEDANCE_BAND_HZ);
  const lowest = Math.min(
    ...bands.map((band) => band.fromHz),
    impedanceUsable ? zBand.fromHz : Infinity,
  );
  const highest = Math.max(...bands.map((band) => band.toHz), impedanceUsable ? zBand.toHz : 0);
  const frequencyHz = logGrid(lowest, highest);
  const inside = (band: { fromHz: number; toHz: number }) =>
    frequencyHz.flatMap((f, k) =>
      f >= band.fromHz * (1 - 1e-9) && f <= band.toHz * (1 + 1e-9) ? [k] : [],
    );
  const responses = datasheet.responses.map(({ curve }, index) => {
    const indices = inside(bands[index]!);
    const smoothed = smoothOnGrid(
      curve,
      indices.map((k) => frequencyHz[k]!),
    );
    return { indices, db: smoothed };
  });
  const zIndices = impedanceUsable ? inside(zBand) : [];
  const zGrid = zIndices.map((k) => frequencyHz[k]!);
  const asLevel = (values: readonly number[]): Curve => ({
    kind: "response",
    frequencyHz: impedance.frequencyHz,
    values,
  });
  const logMagnitude = impedanceUsable
    ? smoothOnGrid(asLevel(magnitudes.map((value) => 20 * Math.log10(value))), zGrid).map(
        (db) => (db * Math.LN10) / 20,
      )
    : [];
  const phaseRad =
    impedanceUsable && phaseUsable
      ? interpolateLogFrequency({ ...asLevel(phase!), name: zName }, zGrid).map(
          (degrees) => (degrees * Math.PI) / 180,
        )
      : undefined;
  return {
    frequencyHz,
    responses,
    impedance: { indices: zIndices, logMagnitude, ...(phaseRad ? { phaseRad } : {}) },
    warnings,
  };
}

/** A 1/24-octave grid from `fromHz` to `toHz`, anchored at 1 kHz, ends included. */
function logGrid(fromHz: number, toHz: number): number[] {
  const first = Math.ceil(FIT_POINTS_PER_OCTAVE * Math.log2(fromHz / 1000) - 1e-9);
  const last = Math.floor(FIT_POINTS_PER_OCTAVE * Math.log2(toHz / 1000) + 1e-9);
  return Array.from(
    { length: last - first + 1 },
    (_, k) => 1000 * 2 ** ((first + k) / FIT_POINTS_PER_OCTAVE),
  );
}

/** The curve smoothed to 1/24 octave (mean of the dB values) and read at `grid`. */
function smoothOnGrid(curve: Curve, grid: readonly number[]): number[] {
  const smoothed = smoothFractionalOctave(curve, 1 / FIT_POINTS_PER_OCTAVE, { average: "db" });
  return interpolateLogFrequency(smoothed, grid);
}

function assertOctave(
  band: { fromHz: number; toHz: number },
  name: string,
  wanted: { fromHz: number; toHz: number },
): void {
  if (band.toHz >= 2 * band.fromHz) return;
  throw new TympanError([
    {
      code: "band-not-covered",
      severity: "error",
      path: [],
      message: `${name} covers too little of ${wanted.fromHz} Hz–${wanted.toHz / 1000} kHz to fit a receiver (less than an octave); give a curve that spans the band`,
    },
  ]);
}
