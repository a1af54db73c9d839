import type { Part } from "./part.js";
import { membraneStiffening } from "../../elements/drivers/membraneLargeSignal.js";
import { derived, illustrative } from "./provenance.js";

/*
 * Planar-magnetic IEM drivers. No public source gives the electromechanical parameters of an IEM
 * planar (no Thiele–Small sets, tensions or plate geometries were found in the stored public
 * material), so only the membrane size is sourced; everything else is illustrative, chosen to be
 * physically plausible and tuned for two targets stated in docs/physics.md §7 and the IEM literature:
 * an IEM-class flat impedance and about 100 dB SPL for 1 mW at 1 kHz in a 711 ear simulator with a
 * typical shell (front chamber 0.1 cm³ and a Ø2 × 5 mm nozzle; rear chamber 0.5 cm³ vented through a
 * Ø1 × 1 mm hole and a 680 cgs Ω damper — the shell of planarDrivers.test.ts).
 */

/** Membrane diameter of the 14.2 mm class of IEM planars. */
const MEMBRANE_DIAMETER_M = 14.2e-3;
/** The film's pre-tension, N/m (illustrative, see `tension`). */
const TENSION_N_PER_M = 0.2;

/*
 * Large signal. The film stretches as it bulges (membraneLargeSignal.ts, Beams' bulge relation):
 * kms2 from the film alone — 1.5 µm of PET (E ≈ 4.5 GPa, docs/physics.md §5 [typical]; ν ≈ 0.4) at the
 * tension above; the aluminium trace, over 40 % of it, is left out. And Bl nearly constant: the
 * trace sits in the uniform field between the magnet bars, falling by an illustrative 5 % at
 * ±0.1 mm, far beyond the film's excursion (under a micrometre at 114 dB in an ear).
 */
const FILM_STIFFENING = membraneStiffening({
  radiusM: MEMBRANE_DIAMETER_M / 2,
  tensionNPerM: TENSION_N_PER_M,
  thicknessM: 1.5e-6,
  youngsModulusPa: 4.5e9,
  poissonRatio: 0.4,
});

export const PLANAR_14MM: Part = {
  id: "planar-14mm",
  name: "Ø14.2 mm planar-magnetic IEM driver (illustrative)",
  partClass: "planar driver",
  role: "full-range",
  description:
    "A 14.2 mm planar-magnetic driver of the kind used in single-driver planar IEMs: a trace on a " +
    "lightly tensioned film between two perforated magnet plates. Flat, resistive 32 Ω impedance; " +
    "about 100 dB SPL/mW at 1 kHz in a 711 — it needs more drive than a balanced armature.",
  elementType: "planarDriver",
  parameters: {
    re: illustrative(
      32,
      "a common IEM rating (10–32 Ω class); the trace is nearly all resistance, so |Z| ≈ Re",
    ),
    le: illustrative(
      2e-6,
      "a flat meander trace has µH-order inductance: 0.25 Ω of reactance at 20 kHz, under 1 % of Re",
    ),
    bl: illustrative(
      0.2,
      "tuned for ≈100 dB SPL for 1 mW at 1 kHz in a 711 with the typical shell; B ≈ 0.3–0.5 T " +
        "over ≈0.3–0.5 m of trace is the plausible range",
    ),
    radius: derived(
      MEMBRANE_DIAMETER_M / 2,
      "half the 14.2 mm membrane diameter (docs/physics.md §7: Ø14.2 mm → Sd 1.58 cm²; the 14.2 mm " +
        "planar size of e.g. the 7Hz Timeless, iemsandmore.com 'What Is a Planar IEM?')",
    ),
    arealDensity: illustrative(
      3e-3,
      "≈1.5 µm polymer film (≈2 g/m²) plus ≈1 µm aluminium trace over 40 % of it (≈1 g/m²)",
    ),
    tension: illustrative(
      TENSION_N_PER_M,
      "a lightly tensioned film: fundamental f01 = j01/(2πa)·√(T/ρs) ≈ 440 Hz, membrane stiffness " +
        "(≈5 N/m piston-equivalent) far below the 711's air stiffness (≈2.9 kN/m at this area)",
    ),
    rms: illustrative(
      2e-3,
      "squeeze-film and material losses of the film close to the magnets: fundamental Q ≈ 1",
    ),
    modes: illustrative(
      3,
      "a modelling choice: all axisymmetric modes the element knows (j01–j03)",
    ),
    plateHoleDiameter: illustrative(0.8e-3, "sub-millimetre holes/slots in the magnet plates"),
    plateThickness: illustrative(1e-3, "≈1 mm magnet and pole-plate thickness"),
    platePorosity: illustrative(0.25, "a quarter of each plate open between the bar magnets"),
    bl2: illustrative(
      Number(((-0.05 * 0.2) / 0.1e-3 ** 2).toPrecision(4)),
      "Bl nearly constant: 5 % down at ±0.1 mm (the trace in the bars' uniform field), −0.05·Bl/(0.1 mm)²",
    ),
    kms2: derived(
      Number(FILM_STIFFENING.kms2.toPrecision(4)),
      "the film's stretching, K₀·(8/3)·E·h/((1 − ν)·T·a²) with K₀ = 8πT (Beams' bulge relation, " +
        "membraneLargeSignal.ts) for 1.5 µm PET, E 4.5 GPa [typical], ν 0.4",
    ),
  },
};

/** The catalogue's planar-magnetic drivers, each number with its provenance. */
export const PLANAR_DRIVERS: readonly Part[] = [PLANAR_14MM];

/** The membrane area πa² of the 14.2 mm class (1.58 cm²). */
export const PLANAR_14MM_AREA_M2 = Math.PI * (MEMBRANE_DIAMETER_M / 2) ** 2;
