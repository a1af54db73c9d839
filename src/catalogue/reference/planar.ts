import { design } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";
import { planarSection } from "./shells.js";

/*
 * A single 14.2 mm planar-magnetic driver in a sealed shell, like the planar IEMs of 2021 on.
 * Tuned (bounded Nelder–Mead on the worst deviation from Harman in-ear 2019 v2, 20 Hz–10 kHz, then
 * rounded to buildable sizes): a very small front chamber, a short wide nozzle behind a light mesh,
 * and a rear chamber whose only vent is a pinhole behind a damper (pressure relief, which lifts the
 * deep bass a little). The front is sealed by the ear tip: its bass depends on the seal.
 */
export const planar: ReferenceDesign = {
  name: "planar",
  summary:
    "one 14.2 mm planar-magnetic driver, sealed front, pinhole-vented rear, short wide nozzle",
  design: design({
    name: "planar",
    description:
      "Single 14.2 mm planar-magnetic driver (planar-14mm): 30 mm³ front chamber, a 180 cgs Ω mesh " +
      "into a Ø3.5 × 2.2 mm nozzle; 240 mm³ rear chamber relieved by a Ø0.2 × 1 mm pinhole behind a " +
      "3300 cgs Ω damper.",
    elements: planarSection("in", 30, 180),
    nozzle: { lengthMm: 2.2, diameterMm: 3.5 },
    byDriver: false,
  }),
};
