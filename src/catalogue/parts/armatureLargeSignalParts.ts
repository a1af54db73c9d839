import { gapMagneticStiffness } from "../../elements/drivers/armatureLargeSignal.js";
import { type Sourced, illustrative } from "./provenance.js";

/*
 * Large-signal curves of the catalogue's balanced armatures (elements/drivers/armatureLargeSignal.ts).
 * No receiver's measured T(x) or k_mag(x) is public (Jensen, Agerkvist & Harte, JAES 59(3), 2011,
 * measured one but their tables were not in the material searched), so every number is
 * illustrative, sized from the motor's geometry:
 *  - the tip of the armature sits between two pole pieces; a gap of g = 0.2 mm each side, referred
 *    to the diaphragm's mean displacement (the drive pin): receivers' datasheets quote a maximum
 *    output of the order of 120–130 dB in a 2 cm³ coupler [typical], where a 9–22 mm² diaphragm
 *    moves some 20–90 µm, and the tip must stay clear of the poles there;
 *  - the magnet's pull across those gaps at constant magnetic potential: magneticStiffness2 =
 *    2·k_mag/g² and magneticStiffness4 = 3·k_mag/g⁴ (gapMagneticStiffness), with the part's own
 *    k_mag — the derived part, given the gap;
 *  - the tip rests 1 % of g (2 µm) off centre: centring it is what "balanced" means, and is set in
 *    production, not perfectly; the pull about the offset x₀ gains a quadratic term,
 *    magneticStiffness1 = 6·k_mag·x₀/g² (the cubic's derivative there). Because k_mag cancels
 *    most of the springs, every relative change of it is k_mag/k_net (5–10) times larger in the
 *    net stiffness: a BA's distortion is its magnet's;
 *  - the armature saturates as the tip's motion pushes the magnet's flux through it: T falls to
 *    82 % at x_sat = g/2 (Klippel's force-factor criterion, as the dynamic drivers'),
 *    transduction2 = −0.18·T/x_sat², leaning 10 % one way over x_sat (the offset again),
 *    transduction1 = −0.10·T/x_sat.
 */
const GAP_M = 0.2e-3;
const OFFSET_M = 0.01 * GAP_M;
const SATURATION_M = GAP_M / 2;

/** Four significant figures: the curves are illustrative, and the design files stay readable. */
const rounded = (value: number) => Number(value.toPrecision(4));

const GEOMETRY = "g = 0.2 mm each side, tip 1 % of g off centre, T to 82 % at x_sat = g/2";

/** The large-signal coefficients of a receiver with this transduction and magnetic stiffness. */
export function armatureLargeSignalParameters(
  transduction: number,
  magneticStiffness: number,
): Record<string, Sourced> {
  const pull = gapMagneticStiffness(magneticStiffness, GAP_M);
  const coefficient = (value: number, note: string) => illustrative(rounded(value), note);
  return {
    transduction1: coefficient(
      (-0.1 * transduction) / SATURATION_M,
      `a 10 % lean of T over x_sat, −0.10·T/x_sat; ${GEOMETRY}`,
    ),
    transduction2: coefficient(
      (-0.18 * transduction) / SATURATION_M ** 2,
      `saturation: T falls to 82 % at x_sat, −0.18·T/x_sat²; ${GEOMETRY}`,
    ),
    magneticStiffness1: coefficient(
      (6 * magneticStiffness * OFFSET_M) / GAP_M ** 2,
      `the pull about the tip's offset x₀, 6·k_mag·x₀/g²; ${GEOMETRY}`,
    ),
    magneticStiffness2: coefficient(
      pull.magneticStiffness2,
      `the two gaps' pull, 2·k_mag/g²; ${GEOMETRY}`,
    ),
    magneticStiffness4: coefficient(
      pull.magneticStiffness4,
      `the two gaps' pull, 3·k_mag/g⁴; ${GEOMETRY}`,
    ),
  };
}
