import { design } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";
import { ddBassSection, planarSection } from "./shells.js";

/*
 * Dynamic driver plus planar: the 10 mm dynamic driver runs full-range in the single-dd shell and a
 * 14.2 mm planar joins from the mids up behind a series capacitor (a first-order high-pass into its
 * resistive 32 Ω). The planar keeps its own small front chamber and relieved rear chamber. Values
 * tuned by bounded Nelder–Mead on the worst deviation from Harman in-ear 2019 v2 (20 Hz–10 kHz),
 * broken-seal bass loss held under 24 dB, then rounded to E12 parts and stock dampers.
 */
export const ddPlanar: ReferenceDesign = {
  name: "dd-planar",
  summary: "10 mm dynamic driver + 14.2 mm planar above it through a 10 µF high-pass",
  design: design({
    name: "dd-planar",
    description:
      "dd-10mm-pet full-range in the vented single-dd shell (560 cgs Ω front mesh); planar-14mm " +
      "through 10 µF + 1.2 Ω, 20 mm³ front chamber and a 1000 cgs Ω mesh, 240 mm³ relieved rear " +
      "chamber; Ø3.5 × 3 mm nozzle.",
    elements: [
      ...ddBassSection("in", 560),
      { id: "Cplanar", type: "capacitor", nodes: ["in", "p1"], capacitance: 10e-6 },
      { id: "Rplanar", type: "resistor", nodes: ["p1", "p2"], resistance: 1.2 },
      ...planarSection("p2", 20, 1000),
    ],
    nozzle: { lengthMm: 3, diameterMm: 3.5 },
    byDriver: true,
  }),
};
