import type { Air } from "../../core/air.js";

export interface DuctImpedance {
  /** Acoustic resistance in Pa·s/m³. */
  readonly resistance: number;
  /** Acoustic mass (inertance) in kg/m⁴. */
  readonly inertance: number;
}

/**
 * Lumped impedance R + jωM of `count` identical short narrow ducts (vents, leaks, holes) in parallel,
 * radius a and length l: Poiseuille resistance R = 8ηl/(πa⁴)/N and mass M = (4/3)·ρl/(πa²)/N, the
 * 4/3 being the low-frequency viscous velocity profile (docs/physics.md §2). No end correction is added:
 * lengthen `lengthM` by ≈0.61a (unflanged) or ≈0.82a (flanged) per end that opens into a larger space.
 */
export function ductImpedance(
  radiusM: number,
  lengthM: number,
  count: number,
  air: Air,
): DuctImpedance {
  const area = Math.PI * radiusM * radiusM;
  return {
    resistance: (8 * air.viscosityPaS * lengthM) / (Math.PI * radiusM ** 4) / count,
    inertance: ((4 / 3) * air.densityKgPerM3 * lengthM) / area / count,
  };
}
