import { milliwattMinusVoltDb } from "../analysis/sensitivity.js";
import { SPL_REFERENCE_PA } from "../core/air.js";
import type { Issue } from "../core/issues.js";
import { type SourceLoad, impedanceMagnitude, indexOf1kHz } from "./sourceLoad.js";

/** The figures a manufacturer prints, from a source load (a design or a measured IEM). */
export interface SpecSheet {
  readonly name: string;
  /** dB SPL at the drum for 1 mW of real power into the IEM at 1 kHz. */
  readonly sensitivityDbSplPerMilliwatt: number;
  /** dB SPL at the drum for 1 V rms across the IEM's terminals at 1 kHz. */
  readonly sensitivityDbSplPerVolt: number;
  /** The "nominal" impedance a spec sheet prints: |Z| at 1 kHz (Ω) and its phase (°). */
  readonly impedanceAt1kHzOhm: number;
  readonly phaseAt1kHzDeg: number;
  readonly minimumImpedanceOhm: number;
  readonly minimumImpedanceAtHz: number;
  readonly maximumImpedanceOhm: number;
  readonly maximumImpedanceAtHz: number;
  /** The extremes of the impedance phase (°) and where; 0 when the phase is unknown. */
  readonly phaseMinimumDeg: number;
  readonly phaseMinimumAtHz: number;
  readonly phaseMaximumDeg: number;
  readonly phaseMaximumAtHz: number;
  readonly phaseKnown: boolean;
  /**
   * False when the frequency response was not measured (an impedance file alone): the −10 dB points
   * are then undefined because they are unknown, not because the response stays within 10 dB.
   */
  readonly responseKnown: boolean;
  /**
   * The response's −10 dB points relative to the 1 kHz level, searching outwards from 1 kHz: the
   * "frequency response" a spec sheet prints; undefined at an end when the response stays within
   * 10 dB up to the end of the analysed range, or when the response is not known.
   */
  readonly lowerMinus10DbHz: number | undefined;
  readonly upperMinus10DbHz: number | undefined;
  readonly fromHz: number;
  readonly toHz: number;
  /** The assumptions of the load (SourceLoad.notes). */
  readonly notes: readonly Issue[];
}

/**
 * The spec sheet of a load. Sensitivity per volt is 20·log10(|p(1 kHz)| / 20 µPa) per terminal volt;
 * per milliwatt it uses the real power P = V²·cos φ/|Z| (milliwattMinusVoltDb):
 * dB/mW = dB/V − 10·log10(cos φ/|Z| / 1 mW).
 */
export function specSheet(load: SourceLoad): SpecSheet {
  const k = indexOf1kHz(load);
  const f = load.frequencyHz;
  const magnitude = impedanceMagnitude(load);
  const phase = load.impedanceRe.map(
    (re, i) => (Math.atan2(load.impedanceIm[i]!, re) * 180) / Math.PI,
  );
  const sensitivityDbSplPerVolt = 20 * Math.log10(load.drumPaPerVolt[k]! / SPL_REFERENCE_PA);
  const extreme = (values: number[], better: (a: number, b: number) => boolean) => {
    let best = 0;
    values.forEach((value, i) => {
      if (better(value, values[best]!)) best = i;
    });
    return best;
  };
  const zMin = extreme(magnitude, (a, b) => a < b);
  const zMax = extreme(magnitude, (a, b) => a > b);
  const pMin = extreme(phase, (a, b) => a < b);
  const pMax = extreme(phase, (a, b) => a > b);
  const level = load.drumPaPerVolt.map((p) => 20 * Math.log10(p / load.drumPaPerVolt[k]!));
  let lower: number | undefined;
  let upper: number | undefined;
  if (load.responseKnown) {
    for (let i = k; i >= 0 && lower === undefined; i--) if (level[i]! <= -10) lower = f[i]!;
    for (let i = k; i < f.length && upper === undefined; i++) if (level[i]! <= -10) upper = f[i]!;
  }
  return {
    name: load.name,
    sensitivityDbSplPerMilliwatt:
      sensitivityDbSplPerVolt + milliwattMinusVoltDb(magnitude[k]!, phase[k]!),
    sensitivityDbSplPerVolt,
    impedanceAt1kHzOhm: magnitude[k]!,
    phaseAt1kHzDeg: phase[k]!,
    minimumImpedanceOhm: magnitude[zMin]!,
    minimumImpedanceAtHz: f[zMin]!,
    maximumImpedanceOhm: magnitude[zMax]!,
    maximumImpedanceAtHz: f[zMax]!,
    phaseMinimumDeg: phase[pMin]!,
    phaseMinimumAtHz: f[pMin]!,
    phaseMaximumDeg: phase[pMax]!,
    phaseMaximumAtHz: f[pMax]!,
    phaseKnown: load.impedancePhaseKnown,
    responseKnown: load.responseKnown,
    lowerMinus10DbHz: lower,
    upperMinus10DbHz: upper,
    fromHz: f[0]!,
    toHz: f[f.length - 1]!,
    notes: load.notes,
  };
}
