import type { Curve } from "../core/curve.js";
import { TympanError } from "../core/issues.js";
import type { SimulationResult } from "../simulate/result.js";

/** A simulated design read as a curve, with the per-driver shares of the probe read. */
export interface DesignCurve {
  /** The level at the drum probe, else the first acoustic probe, named "<design> (<probe>)". */
  readonly curve: Curve;
  /** The probe read. */
  readonly probeId: string;
  /** Per-driver shares of that probe ("drum/woofer"), when the design asks for them. */
  readonly shares: readonly Curve[];
}

/**
 * A simulation result as a curve like a measurement's: the SPL (dB re 20 µPa) at the probe "drum",
 * else at the first acoustic probe, named "<name> (<probe>)"; shares are the probes "<probe>/<driver>".
 *
 * @throws TympanError ("no-acoustic-probe") when the design has no acoustic probe, saying what to add.
 */
export function designCurve(result: SimulationResult, name: string): DesignCurve {
  const acoustic = Object.entries(result.probes).filter(([, probe]) => probe.domain === "acoustic");
  const chosen = acoustic.find(([id]) => id === "drum") ?? acoustic[0];
  if (chosen === undefined) {
    throw new TympanError([
      {
        severity: "error",
        code: "no-acoustic-probe",
        path: ["probes"],
        message: `the design has no acoustic probe to read; add one, e.g. { "id": "drum", "node": "drum" }`,
      },
    ]);
  }
  const asCurve = ([id, probe]: [string, { db: number[] }]): Curve => ({
    kind: "response",
    frequencyHz: result.frequencyHz,
    values: probe.db,
    name: `${name} (${id})`,
  });
  const shares = acoustic.filter(([id]) => id.startsWith(`${chosen[0]}/`)).map(asCurve);
  return { curve: asCurve(chosen), probeId: chosen[0], shares };
}
