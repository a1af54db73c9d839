import { DD_10MM_PET } from "../parts/dynamicDrivers.js";
import { design, fromPart } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";
import { ventedShell } from "./shells.js";

/*
 * Two 10 mm dynamic drivers mounted face to face (push-push, "horizontally opposed"), coils in
 * series, in the single-dd's shell layout. In the linear model the pair is one driver of twice the
 * area and force; its case is lower even-order distortion, a large-signal effect (docs/physics.md §5).
 * Chambers and vents tuned as for single-dd (bounded Nelder–Mead on the worst deviation from Harman
 * in-ear 2019 v2, 20 Hz–10 kHz, broken-seal bass loss held under 22 dB), then rounded.
 */
export const dualOpposedDd: ReferenceDesign = {
  name: "dual-opposed-dd",
  summary: "two 10 mm dynamic drivers push-push (opposed, in series), front- and rear-vented",
  design: design({
    name: "dual-opposed-dd",
    description:
      "Two opposed 10 mm PET dynamic drivers (dd-10mm-pet ×2, coils in series): 50 mm³ shared front " +
      "chamber vented through a Ø0.9 × 1 mm hole behind a 330 cgs Ω damper, a 330 cgs Ω mesh into a " +
      "Ø2.5 × 2 mm nozzle; 150 mm³ rear chamber vented through a Ø1 × 1 mm hole behind a 2200 cgs Ω " +
      "damper.",
    elements: ventedShell(
      {
        ...fromPart("pair", DD_10MM_PET, ["in", "0", "pairFront", "pairRear"]),
        type: "opposedDynamicDrivers",
        wiring: "series",
      } as never,
      {
        frontMm3: 50,
        frontVentDiameterMm: 0.9,
        frontVentDamperCgsOhm: 330,
        meshCgsOhm: 330,
        rearMm3: 150,
        rearVentDamperCgsOhm: 2200,
      },
    ),
    nozzle: { lengthMm: 2, diameterMm: 2.5 },
    byDriver: false,
  }),
};
