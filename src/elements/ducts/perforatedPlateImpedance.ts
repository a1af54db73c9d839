import type { Air } from "../../core/air.js";

/** A plate pierced by many identical round holes (a micro-perforated plate, a magnet or stator plate). */
export interface PerforatedPlate {
  /** Hole diameter d in m. */
  readonly holeDiameterM: number;
  /** Plate thickness t (hole length) in m. */
  readonly thicknessM: number;
  /** Porosity σ: open area / plate area, 0 < σ < 1. */
  readonly porosity: number;
  /** Plate area A in m² (the area the flow crosses; the holes are σ·A of it). */
  readonly areaM2: number;
}

/** Writes the acoustic impedance (Pa·s/m³) at angular frequency ω (rad/s) into out[0] (R), out[1] (X). */
export type ImpedanceAt = (omega: number, out: Float64Array) => void;

/**
 * The plate's acoustic impedance Z(ω) = ρc·(r + jωm)/A in Pa·s/m³, where r + jωm is Maa's relative
 * specific impedance of a micro-perforated plate (Maa, "Potential of microperforated panel absorber",
 * JASA 104(5):2861, 1998; docs/physics.md §2):
 *
 *   r  = 32ηt/(σρc·d²) · [√(1 + k²/32) + (√2/32)·k·d/t]
 *   ωm = ωt/(σc)       · [1 + 1/√(1 + k²/2) + 0.85·d/t],       k = d·√(ωρ/(4η)),
 *
 * d the hole diameter, t the thickness, σ the porosity and A the plate area. The √(1 + k²/32) and
 * k·d/t terms are the viscous boundary layer and the end-correction resistance, 0.85·d/t the mass end
 * correction of both hole ends. At low frequency r → 32ηt/(σρc·d²): with N = 4σA/(πd²) holes that
 * is exactly the Poiseuille resistance 8ηt/(π(d/2)⁴)/N of `ductImpedance`.
 *
 * Maa's reactance factor tends to 2 (+0.85·d/t) as k → 0, not the exact Poiseuille 4/3 (Maa's older
 * form with √(9 + k²/2) has 4/3); the difference is a mass of order ρt/(σA), negligible beside the
 * resistance of IEM-sized holes below k ≈ 1. The formula is the 1998 one, as docs/physics.md §2 states it.
 *
 * Checks the geometry once and returns an allocation-free function of ω for per-frequency stamping.
 */
export function perforatedPlateImpedanceAt(plate: PerforatedPlate, air: Air): ImpedanceAt {
  checkPlate(plate);
  const { holeDiameterM: d, thicknessM: t, porosity: sigma, areaM2: area } = plate;
  const rho = air.densityKgPerM3;
  const c = air.speedOfSoundMPerS;
  const eta = air.viscosityPaS;
  const characteristic = rho * c; // Pa·s/m
  const resistanceScale = (32 * eta * t) / (sigma * rho * c * d * d);
  const diameterOverThickness = d / t;
  return (omega, out) => {
    const k = d * Math.sqrt((omega * rho) / (4 * eta));
    const r =
      resistanceScale *
      (Math.sqrt(1 + (k * k) / 32) + (Math.SQRT2 / 32) * k * diameterOverThickness);
    const omegaM =
      ((omega * t) / (sigma * c)) *
      (1 + 1 / Math.sqrt(1 + (k * k) / 2) + 0.85 * diameterOverThickness);
    out[0] = (characteristic * r) / area;
    out[1] = (characteristic * omegaM) / area;
  };
}

/** Maa's impedance (Pa·s/m³) at one frequency in Hz, as { resistance, reactance }. */
export function perforatedPlateImpedance(
  plate: PerforatedPlate,
  frequencyHz: number,
  air: Air,
): { readonly resistance: number; readonly reactance: number } {
  if (!(Number.isFinite(frequencyHz) && frequencyHz >= 0)) {
    throw new RangeError(`frequency must be a finite number ≥ 0 Hz (got ${frequencyHz})`);
  }
  const out = new Float64Array(2);
  perforatedPlateImpedanceAt(plate, air)(2 * Math.PI * frequencyHz, out);
  return { resistance: out[0]!, reactance: out[1]! };
}

/** The low-frequency (k → 0) resistance 32ηt/(σ·d²·A) in Pa·s/m³: Poiseuille flow through the holes. */
export function perforatedPlateFlowResistance(plate: PerforatedPlate, air: Air): number {
  checkPlate(plate);
  const { holeDiameterM: d, thicknessM: t, porosity, areaM2 } = plate;
  return (32 * air.viscosityPaS * t) / (porosity * d * d * areaM2);
}

/** Number of holes N = σA/(π d²/4) the porosity implies (not necessarily a whole number). */
export function perforatedPlateHoleCount(plate: PerforatedPlate): number {
  checkPlate(plate);
  return (plate.porosity * plate.areaM2) / ((Math.PI * plate.holeDiameterM ** 2) / 4);
}

function checkPlate(plate: PerforatedPlate): void {
  const positiveFields = ["holeDiameterM", "thicknessM", "areaM2"] as const;
  for (const field of positiveFields) {
    const value = plate[field];
    if (!(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`perforated plate: ${field} must be a finite number > 0 (got ${value})`);
    }
  }
  if (!(plate.porosity > 0 && plate.porosity < 1)) {
    throw new RangeError(
      `perforated plate: porosity is the open-area fraction and must lie strictly between 0 and 1 (got ${plate.porosity})`,
    );
  }
}
