import { design } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";
import { ddBassSection, SINGLE_DD_SHELL } from "./shells.js";

/*
 * The classic single dynamic driver: a 10 mm PET driver, vented front and back. Tuned (bounded
 * Nelder–Mead on the worst deviation from Harman in-ear 2019 v2, 20 Hz–10 kHz, with the broken-seal
 * bass loss held under 22 dB, then rounded to stock damper ratings and whole millimetres):
 *  - the front vent (a Ø0.75 mm hole behind a 330 cgs Ω damper) is a built-in, controlled leak: a
 *    broken seal adds a second leak beside it, so the bass falls far less than in a sealed design;
 *  - the rear chamber's resistive vent sets the bass shelf;
 *  - the front mesh damps the in-ear resonance of the diaphragm on the air springs (≈3–4 kHz),
 *    which becomes the ear-gain peak.
 */
export const singleDd: ReferenceDesign = {
  name: "single-dd",
  summary: "one 10 mm PET dynamic driver, front- and rear-vented shell",
  design: design({
    name: "single-dd",
    description:
      "Single 10 mm PET dynamic driver (dd-10mm-pet): 25 mm³ front chamber vented through a Ø0.75 × " +
      "1 mm hole behind a 330 cgs Ω damper, a 330 cgs Ω mesh into a Ø2 × 2 mm nozzle; 100 mm³ rear " +
      "chamber vented through a Ø1 × 1 mm hole behind a 3300 cgs Ω damper.",
    elements: ddBassSection("in", SINGLE_DD_SHELL.meshCgsOhm),
    nozzle: { lengthMm: 2, diameterMm: 2 },
    byDriver: false,
  }),
};
