import { BA_MID, BA_TWEETER } from "../parts/balancedArmatures.js";
import { NOZZLE_NODE, bore, damper, design, fromPart } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";
import { ddBassSection } from "./shells.js";

/*
 * The common hybrid: a 10 mm dynamic driver for the bass, run full-range in the single-dd shell,
 * and two balanced armatures above it, each behind a first-order high-pass (series capacitor and
 * resistor). Crossover and damper values tuned by bounded Nelder–Mead on the worst deviation from
 * Harman in-ear 2019 v2 (20 Hz–10 kHz) with the broken-seal bass loss held under 24 dB, then rounded
 * to E12 capacitors and resistors and stock damper ratings.
 */
export const hybrid1dd2ba: ReferenceDesign = {
  name: "hybrid-1dd-2ba",
  summary: "10 mm dynamic driver for bass + mid BA + tweeter BA, first-order high-passes",
  design: design({
    name: "hybrid-1dd-2ba",
    description:
      "Hybrid: dd-10mm-pet full-range in the vented single-dd shell (220 cgs Ω front mesh); ba-mid " +
      "through 0.27 µF + 8.2 Ω and a 4700 cgs Ω damper; ba-tweeter through 0.82 µF + 39 Ω; " +
      "Ø1.5 × 3 mm nozzle.",
    elements: [
      ...ddBassSection("in", 220),
      { id: "Cmid", type: "capacitor", nodes: ["in", "mid1"], capacitance: 0.27e-6 },
      { id: "Rmid", type: "resistor", nodes: ["mid1", "mid2"], resistance: 8.2 },
      fromPart("mid", BA_MID, ["mid2", "0", "midSpout"]),
      damper("midDamper", "midSpout", "midBoreIn", 4700),
      bore("midBore", "midBoreIn", NOZZLE_NODE, 4, 1),
      { id: "Ctweeter", type: "capacitor", nodes: ["in", "tw1"], capacitance: 0.82e-6 },
      { id: "Rtweeter", type: "resistor", nodes: ["tw1", "tw2"], resistance: 39 },
      fromPart("tweeter", BA_TWEETER, ["tw2", "0", "tweeterSpout"]),
      bore("tweeterBore", "tweeterSpout", NOZZLE_NODE, 3, 1),
    ],
    nozzle: { lengthMm: 3, diameterMm: 1.5 },
    byDriver: true,
  }),
};
