import type { Part } from "./part.js";
import { illustrative } from "./provenance.js";

/*
 * Electrostatic tweeter (EST) modules for IEMs. Sonion's EST65-series modules are sold with their
 * step-up transformer, but their electrical and mechanical numbers were not found in public material
 * (docs/physics.md §7; the stored public pages and code searched held none either), so every value here
 * is illustrative: physically plausible for a ≈5 mm module with a micro-transformer, and tuned so
 * that, straight into a 711 with a 0.05 cm³ rear chamber (electrostaticTweeters.test.ts):
 * - the output is ≥ 20 dB below its 10 kHz level at 1 kHz and below (the module plays only the top
 *   octaves: docs/physics.md §7's "output only above ≈8–10 kHz");
 * - the amplifier load stays ≥ 100 Ω (the winding resistance at low frequency, ≈n²C₀-like above).
 * The low-frequency roll-off comes from the micro-transformer: its small magnetising inductance with
 * the primary resistance is a first-order high-pass (corner Rp/(2π·Lm) ≈ 3.2 kHz), and the membrane's
 * resonance near 16 kHz (mass against net stiffness) lifts the top octave.
 */

const NOTE_UNKNOWN = "EST65-class module numbers are not public (docs/physics.md §7)";

export const EST_MODULE: Part = {
  id: "est-module",
  name: "EST65-class electrostatic tweeter module (illustrative)",
  partClass: "electrostatic tweeter",
  role: "super-tweeter",
  description:
    "An electret push-pull electrostatic tweeter with its micro step-up transformer, of the class of " +
    "Sonion's EST65 modules (whose numbers are not public): all values are illustrative. It " +
    "contributes above ≈8–10 kHz and nothing to bass or mids.",
  elementType: "electrostaticTweeter",
  settings: { configuration: "push-pull" },
  parameters: {
    primaryResistance: illustrative(
      100,
      `fine-wire primary of a micro-transformer; with Lm sets the high-pass corner Rp/(2πLm) ≈ 3.2 kHz and the ≥100 Ω bass load; ${NOTE_UNKNOWN}`,
    ),
    leakageInductance: illustrative(
      50e-6,
      `≈1 % of Lm, a tightly wound micro-transformer; resonance with n²(C₀+Cw) far above 20 kHz; ${NOTE_UNKNOWN}`,
    ),
    magnetizingInductance: illustrative(
      5e-3,
      `a few mH on a ≈3 mm core; tuned with Rp for the output to start near 3 kHz; ${NOTE_UNKNOWN}`,
    ),
    turnsRatio: illustrative(
      25,
      `steps a 1 V headphone signal to ≈25 V on the stators (docs/physics.md §7's illustration uses n = 20); ${NOTE_UNKNOWN}`,
    ),
    secondaryResistance: illustrative(
      2000,
      `many turns of fine wire; with C₀ + Cw its corner is in the MHz; ${NOTE_UNKNOWN}`,
    ),
    windingCapacitance: illustrative(
      5e-12,
      `interwinding capacitance comparable to C₀ (≈7 pF); ${NOTE_UNKNOWN}`,
    ),
    polarizationVoltage: illustrative(
      150,
      `equivalent electret bias of a charged film (the module needs no bias supply); ${NOTE_UNKNOWN}`,
    ),
    gap: illustrative(15e-6, `film-to-stator spacing of a micro-ESL; ${NOTE_UNKNOWN}`),
    area: illustrative(25e-6, `≈5 × 5 mm active area of a ≈6 mm module; ${NOTE_UNKNOWN}`),
    mms: illustrative(
      4e-7,
      `a few-µm film (≈0.1 mg) plus the air trapped in the stator holes; ${NOTE_UNKNOWN}`,
    ),
    cms: illustrative(
      1.4e-4,
      `film stiffness 7.1 kN/m, which the electrostatic 2.95 kN/m softens to 4.2 kN/m: resonance with mms ≈ 16 kHz; ${NOTE_UNKNOWN}`,
    ),
    rms: illustrative(
      0.02,
      `viscous losses in the narrow gaps and stator holes: resonance Q ≈ 2; ${NOTE_UNKNOWN}`,
    ),
  },
};

/** The catalogue's electrostatic tweeter modules, each number with its provenance. */
export const ELECTROSTATIC_TWEETERS: readonly Part[] = [EST_MODULE];
