/**
 * Lumped analog of the IEC 60318-4 ("711") occluded-ear simulator: three series inertances with shunt
 * compliances, two of them with series R–L–C side branches (docs/physics.md §4):
 *
 *   entrance ─L1─┬──L3─┬──L5─┬── drum
 *                C1    C3    C5           (shunts to ground)
 *             R2–L2–C2  R4–L4–C4
 *
 * Values: Gazzola et al., "Lumped-parameter model of the IEC 60318-4 ear simulator", JASA (2024),
 * doi 10.1121/10.0024939, as used in MathWorks' public Simscape acoustic library. Units: inertance
 * kg/m⁴, compliance m³/Pa, resistance Pa·s/m³. The standard specifies the simulator for 100 Hz–10 kHz.
 */
export const EAR711 = {
  inertance: { L1: 82.9, L2: 9400, L3: 130.3, L4: 983.8, L5: 133.4 },
  compliance: { C1: 0.7e-12, C2: 2.34e-12, C3: 1.5e-12, C4: 2.73e-12, C5: 1.517e-12 },
  resistance: { R2: 55.66e6, R4: 27.99e6 },
  /** Optional extra damping in series with L1, L3, L5 (the "damped" variant). */
  extraDamping: { R1: 4.22e5, R3: 4.22e5, R5: 3.22e6 },
} as const;

/** The frequency range IEC 60318-4 specifies the simulator for. */
export const EAR711_VALID_RANGE_HZ = { fromHz: 100, toHz: 10_000 } as const;

/** IEC 60318-5 2 cc coupler: a 2 cm³ cavity. */
export const COUPLER_2CC_VOLUME_M3 = 2e-6;
