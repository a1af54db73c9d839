/**
 * An independent reference for the electret's large-signal terms: a single-sided capacitive
 * transducer driven by an ideal voltage v(t) = v̂·cos ωt on its electrode, integrated by RK4 from the
 * textbook force written in voltage form (not the charge form nonlinear/ uses),
 *   m·ẍ = ½·ε₀S·(V₀ + v)²/(d − x)² − ½·ε₀S·V₀²/d² − k·x − r·ẋ − S·p,   p = S·x/Ca,
 * (k the membrane's own stiffness, the rest pull subtracted; the sealed volume Ca on the front),
 * until the transient has gone; returns the harmonics of p over the last period (peak, Pa).
 */
import { rk4SteadyStateHarmonics } from "./rk4Harmonics.js";

export interface ElectretOde {
  readonly permittivityArea: number;
  readonly gapM: number;
  readonly polarizationV: number;
  readonly massKg: number;
  readonly stiffnessNPerM: number;
  readonly resistanceNsPerM: number;
  readonly areaM2: number;
  readonly complianceM3Pa: number;
}

export function electretHarmonics(
  driver: ElectretOde,
  voltagePeak: number,
  frequencyHz: number,
  options: { periods: number; stepsPerPeriod: number; harmonics: number },
): number[] {
  const { permittivityArea: e, gapM: d, polarizationV: v0, massKg: m } = driver;
  const omega = 2 * Math.PI * frequencyHz;
  const dt = 1 / (frequencyHz * options.stepsPerPeriod);
  const rest = (0.5 * e * v0 * v0) / (d * d);
  const derivative = (t: number, [x, v]: readonly number[]) => {
    const u = v0 + voltagePeak * Math.cos(omega * t);
    const p = (driver.areaM2 * x!) / driver.complianceM3Pa;
    const force = (0.5 * e * u * u) / (d - x!) ** 2 - rest;
    return [
      v!,
      (force - driver.stiffnessNPerM * x! - driver.resistanceNsPerM * v! - driver.areaM2 * p) / m,
    ];
  };
  return rk4SteadyStateHarmonics(
    derivative,
    [0, 0],
    (state) => (driver.areaM2 * state[0]!) / driver.complianceM3Pa,
    { dt, ...options },
  );
}
