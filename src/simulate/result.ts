/** What `simulate` returns and what `tympan simulate --json` prints: plain arrays, JSON-ready. */
export interface SimulationResult {
  readonly frequencyHz: number[];
  readonly probes: Record<string, ProbeResult>;
  /** Impedance seen by the design's first voltage source (absent when it has none). */
  readonly inputImpedance?: InputImpedance;
  /** Non-fatal issues (e.g. the 711 simulator is standardised only for 100 Hz–10 kHz). */
  readonly warnings?: Issue[];
}

export interface ProbeResult {
  /** Domain of the probed node: acoustic (Pa), electrical (V) or mechanical (N). */
  readonly domain: Domain;
  /** Complex potential, real part (Pa, V or N rms). */
  readonly re: number[];
  readonly im: number[];
  /** Level in dB: re 20 µPa on acoustic probes, re 1 V on electrical, re 1 N on mechanical. */
  readonly db: number[];
  readonly phaseDeg: number[];
}

export interface InputImpedance {
  readonly magnitudeOhm: number[];
  readonly phaseDeg: number[];
}

export type { Domain } from "../core/domain.js";
import type { Domain } from "../core/domain.js";
import type { Issue } from "../core/issues.js";
