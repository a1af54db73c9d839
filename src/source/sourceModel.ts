import type { Issue } from "../core/issues.js";

/**
 * What drives the IEM: a headphone output as a Thevenin source — an open-circuit voltage behind a
 * resistive output impedance — with the limits and the noise a spec sheet gives.
 */
export interface SourceModel {
  readonly name: string;
  readonly description: string;
  /** Output impedance (Ω), resistive, in series with the open-circuit voltage. */
  readonly outputImpedanceOhm: number;
  /** Largest open-circuit output voltage before clipping (V rms). */
  readonly maxVoltageVrms: number;
  /** Largest output current before current limiting (A rms); undefined when not known (not checked). */
  readonly maxCurrentArms?: number;
  /** Output noise with no signal, A-weighted over 20 Hz–20 kHz (µV rms). */
  readonly noiseMicrovoltsA: number;
  /** Where the figures come from: a measurement or datasheet, or "illustrative: …" with why plausible. */
  readonly provenance: string;
}

/**
 * Checks a source's figures; returns one error Issue (code "invalid-source", path the figure's key)
 * per figure that is not a finite number in its range, naming the figure and the fix.
 */
export function sourceProblems(source: SourceModel): Issue[] {
  const problems: Issue[] = [];
  const check = (ok: boolean, key: keyof SourceModel, message: string) => {
    if (!ok) problems.push({ severity: "error", code: "invalid-source", path: [key], message });
  };
  check(
    Number.isFinite(source.outputImpedanceOhm) && source.outputImpedanceOhm >= 0,
    "outputImpedanceOhm",
    `output impedance ${source.outputImpedanceOhm} Ω: give a number ≥ 0 (Ω)`,
  );
  check(
    Number.isFinite(source.maxVoltageVrms) && source.maxVoltageVrms > 0,
    "maxVoltageVrms",
    `maximum voltage ${source.maxVoltageVrms} V: give a positive number (V rms)`,
  );
  check(
    source.maxCurrentArms === undefined ||
      (Number.isFinite(source.maxCurrentArms) && source.maxCurrentArms > 0),
    "maxCurrentArms",
    `maximum current ${source.maxCurrentArms} A: give a positive number (mA rms on the command line)`,
  );
  check(
    Number.isFinite(source.noiseMicrovoltsA) && source.noiseMicrovoltsA >= 0,
    "noiseMicrovoltsA",
    `noise ${source.noiseMicrovoltsA} µV: give a number ≥ 0 (µV rms, A-weighted)`,
  );
  return problems;
}
