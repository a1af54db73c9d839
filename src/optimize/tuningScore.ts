import type { RatedTarget } from "../analysis/scoreCurve.js";
import { designCurve } from "../analysis/designCurve.js";
import { interpolateLogFrequency } from "../analysis/interpolate.js";
import { PREFERENCE_GRID_HZ, preferenceRating } from "../analysis/preferenceRating.js";
import { milliwattMinusVoltDb } from "../analysis/sensitivity.js";
import type { Design } from "../design/design.js";
import type { SimulationResult } from "../simulate/result.js";

/** What the optimiser minimises: minus the in-ear preference rating, or the RMS error in a band. */
export type TuningObjective = "rating" | "rms";

/** The goal of a tuning: target, objective and the constraints the result must keep. */
export interface TuningGoal {
  readonly target: RatedTarget;
  readonly objective: TuningObjective;
  /** Band of the RMS error, Hz (both objectives report it; "rms" minimises it). */
  readonly bandHz: readonly [number, number];
  /** Keep |Z| ≥ this over 20 Hz–20 kHz, Ω. */
  readonly minImpedanceOhm?: number;
  /** Keep the sensitivity at 1 kHz at the drum ≥ this, dB SPL per mW. */
  readonly minSensitivityDbPerMw?: number;
}

/** How a design does against a goal. */
export interface TuningFigures {
  /** Predicted preference rating (in-ear model, Olive et al. 2017) at the drum probe. */
  readonly rating: number;
  /** RMS of response − target over the band after matching their mean levels, dB. */
  readonly rmsErrorDb: number;
  /** Smallest |Z| on the evaluation grid, Ω (when the design has a voltage source). */
  readonly minImpedanceOhm?: number;
  /** Sensitivity at 1 kHz at the drum, dB SPL/mW (when the design has a voltage source). */
  readonly sensitivityDbPerMw?: number;
  /** How far the constraints are broken, dB (0 when all hold). */
  readonly violationDb: number;
  /** What the optimiser minimises: −rating or rmsErrorDb, plus the constraint penalty. */
  readonly cost: number;
}

/**
 * The frequencies a tuning is evaluated at: the preference model's own 121-point grid (20 Hz–20 kHz),
 * so the rating needs no interpolation and 1 kHz is on it.
 */
export const TUNING_GRID_HZ: readonly number[] = PREFERENCE_GRID_HZ;

const SENSITIVITY_HZ = 1000;

/**
 * Scores simulation results on TUNING_GRID_HZ against a goal. The penalty of a broken constraint is
 * 100·v + 1000·v² for a shortfall of v dB (|Z| as 20·log10 of the ratio): a tenth of a dB short
 * costs 20 rating points, so the optimiser does not trade a constraint for tonality, and the penalty
 * is continuous at the constraint so the simplex can settle on it.
 */
export class TuningScore {
  private readonly targetOnGrid: number[];
  private readonly band: number[];
  private readonly sensitivityIndex: number;

  constructor(
    private readonly goal: TuningGoal,
    private readonly design: Design,
  ) {
    this.targetOnGrid = interpolateLogFrequency(goal.target.curve, TUNING_GRID_HZ);
    this.band = TUNING_GRID_HZ.flatMap((f, i) =>
      f >= goal.bandHz[0] && f <= goal.bandHz[1] ? [i] : [],
    );
    this.sensitivityIndex = TUNING_GRID_HZ.indexOf(SENSITIVITY_HZ);
  }

  /** The figures of `result`, a simulation of the design on TUNING_GRID_HZ. */
  figures(result: SimulationResult): TuningFigures {
    const { curve } = designCurve(result, this.design.name ?? "design");
    const rating = preferenceRating(curve, this.goal.target.curve).ppr;
    const rmsErrorDb = this.rmsError(curve.values);
    const z = result.inputImpedance;
    let violationDb = 0;
    let minImpedanceOhm: number | undefined;
    let sensitivityDbPerMw: number | undefined;
    if (z !== undefined) {
      minImpedanceOhm = Math.min(...z.magnitudeOhm);
      sensitivityDbPerMw = this.sensitivity(curve.values, z.magnitudeOhm, z.phaseDeg);
      if (this.goal.minImpedanceOhm !== undefined && minImpedanceOhm < this.goal.minImpedanceOhm)
        violationDb += 20 * Math.log10(this.goal.minImpedanceOhm / minImpedanceOhm);
      if (
        this.goal.minSensitivityDbPerMw !== undefined &&
        sensitivityDbPerMw < this.goal.minSensitivityDbPerMw
      )
        violationDb += this.goal.minSensitivityDbPerMw - sensitivityDbPerMw;
    }
    const base = this.goal.objective === "rating" ? -rating : rmsErrorDb;
    const cost = base + 100 * violationDb + 1000 * violationDb * violationDb;
    return {
      rating,
      rmsErrorDb,
      ...(minImpedanceOhm === undefined ? {} : { minImpedanceOhm }),
      ...(sensitivityDbPerMw === undefined ? {} : { sensitivityDbPerMw }),
      violationDb,
      cost,
    };
  }

  private rmsError(levels: readonly number[]): number {
    const errors = this.band.map((i) => levels[i]! - this.targetOnGrid[i]!);
    const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
    return Math.sqrt(errors.reduce((sum, e) => sum + (e - mean) ** 2, 0) / errors.length);
  }

  /** SPL for 1 mW into the design at 1 kHz: the drive's level per volt across the terminals, then per mW. */
  private sensitivity(levels: readonly number[], zOhm: readonly number[], zDeg: readonly number[]) {
    const i = this.sensitivityIndex;
    const source = this.design.elements.find((element) => element.type === "voltageSource");
    const open = source && "voltage" in source ? Math.abs(source.voltage) : 1;
    const outputOhm = source && "outputImpedance" in source ? (source.outputImpedance ?? 0) : 0;
    // The terminals see V·Z/(Z + Zout) of the open-circuit voltage.
    const phase = (zDeg[i]! * Math.PI) / 180;
    const zRe = zOhm[i]! * Math.cos(phase);
    const zIm = zOhm[i]! * Math.sin(phase);
    const terminal = (open * zOhm[i]!) / Math.hypot(zRe + outputOhm, zIm);
    return levels[i]! - 20 * Math.log10(terminal) + milliwattMinusVoltDb(zOhm[i]!, zDeg[i]!);
  }
}
