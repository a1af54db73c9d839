import type { SimulationResult } from "../simulate/result.js";
import { TympanError } from "../core/issues.js";
import { interpolateLogFrequency } from "./interpolate.js";

export interface Sensitivity {
  /** SPL at the probe for 1 mW delivered into the design at the frequency, dB re 20 µPa. */
  readonly dbSplPerMilliwatt: number;
  /** SPL for 1 V rms across the design's input terminals. */
  readonly dbSplPerVolt: number;
  /** The design's input impedance there, Ω and degrees. */
  readonly impedanceOhm: number;
  readonly impedancePhaseDeg: number;
}

/**
 * The sensitivity a spec sheet prints, at one frequency (default 1 kHz), from a simulation with a
 * voltage source. The simulation is linear, so levels scale with drive: per volt, SPL is the level
 * for the source's voltage minus 20·log10(V); per milliwatt, the power into the load is
 * P = V²·cos φ/|Z| (V the terminal voltage, Z = |Z|∠φ the input impedance), so
 * SPL(1 mW) = SPL(V) − 10·log10(P / 1 mW). `terminalVoltage` is the voltage across the design's
 * input, which is the source's voltage when its output impedance is 0 (as in the reference designs).
 */
export function sensitivity(
  result: SimulationResult,
  probeId: string,
  terminalVoltage: number,
  frequencyHz = 1000,
): Sensitivity {
  const probe = result.probes[probeId];
  const z = result.inputImpedance;
  if (probe === undefined || z === undefined) {
    throw new TympanError([
      {
        severity: "error",
        code: "no-sensitivity",
        path: [],
        message: `sensitivity needs the acoustic probe "${probeId}" and a voltage source driving the design`,
      },
    ]);
  }
  const at = (values: readonly number[]) =>
    interpolateLogFrequency({ kind: "response", frequencyHz: result.frequencyHz, values }, [
      frequencyHz,
    ])[0]!;
  const level = at(probe.db);
  const impedanceOhm = Math.exp(at(z.magnitudeOhm.map(Math.log)));
  const impedancePhaseDeg = at(z.phaseDeg);
  const dbSplPerVolt = level - 20 * Math.log10(Math.abs(terminalVoltage));
  const dbSplPerMilliwatt = dbSplPerVolt + milliwattMinusVoltDb(impedanceOhm, impedancePhaseDeg);
  return { dbSplPerMilliwatt, dbSplPerVolt, impedanceOhm, impedancePhaseDeg };
}

/**
 * How much a sensitivity per milliwatt exceeds the same sensitivity per volt (dB), for an input
 * impedance |Z|∠φ (Ω, degrees): 1 V rms across it delivers the real power P = cos φ/|Z| (W), so
 * dB/mW = dB/V − 10·log10(P / 1 mW). The one conversion between the two figures; a spec sheet's
 * dB/mW and a measured IEM's dB/V both go through it.
 */
export function milliwattMinusVoltDb(impedanceOhm: number, phaseDeg: number): number {
  const powerPerVoltSquared = Math.cos((phaseDeg * Math.PI) / 180) / impedanceOhm;
  return -10 * Math.log10(powerPerVoltSquared / 1e-3);
}
