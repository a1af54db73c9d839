import { BA_MID, BA_TWEETER } from "../parts/balancedArmatures.js";
import type { ElementDefinition } from "../../elements/registry.js";
import { NOZZLE_NODE, bore, damper, design, fromPart } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";
import { ddBassSection } from "./shells.js";

const MIDS = ["midA", "midB", "midC", "midD"] as const;
const TWEETERS = ["tweeterA", "tweeterB", "tweeterC"] as const;

/*
 * The many-driver flagship: a 10 mm dynamic driver for the bass (full-range, in the single-dd
 * shell), four mid BAs behind one first-order high-pass and heavy dampers, three tweeter BAs behind
 * another. Identical receivers in parallel act as one with more output. Values tuned by bounded
 * Nelder–Mead on the worst deviation from Harman in-ear 2019 v2 (20 Hz–10 kHz) with the broken-seal
 * bass loss held under 24 dB, then rounded to E12 parts. The mid dampers are 15 000 cgs Ω: denser
 * than the common stock ratings, as stacked dampers or a dense mesh give (illustrative).
 */
export const hybrid1dd7ba: ReferenceDesign = {
  name: "hybrid-1dd-7ba",
  summary: "10 mm dynamic driver + 4 mid BAs + 3 tweeter BAs, first-order crossover",
  design: design({
    name: "hybrid-1dd-7ba",
    description:
      "dd-10mm-pet full-range in the vented single-dd shell (220 cgs Ω front mesh); four ba-mid " +
      "through 0.68 µF + 1.2 Ω, each behind a 15 000 cgs Ω damper, into a shared Ø1.2 × 4 mm bore; " +
      "three ba-tweeter through 0.12 µF + 8.2 Ω, Ø1 × 1 mm bores joining a Ø1.2 × 3 mm bore; " +
      "Ø2 × 3 mm nozzle.",
    elements: [
      ...ddBassSection("in", 220),
      { id: "Cmid", type: "capacitor", nodes: ["in", "mid1"], capacitance: 0.68e-6 },
      { id: "Rmid", type: "resistor", nodes: ["mid1", "mid2"], resistance: 1.2 },
      ...MIDS.flatMap((id): ElementDefinition[] => [
        fromPart(id, BA_MID, ["mid2", "0", `${id}Spout`]),
        damper(`${id}Damper`, `${id}Spout`, "midBoreIn", 15_000),
      ]),
      bore("midBore", "midBoreIn", NOZZLE_NODE, 4, 1.2),
      { id: "Ctweeter", type: "capacitor", nodes: ["in", "tw1"], capacitance: 0.12e-6 },
      { id: "Rtweeter", type: "resistor", nodes: ["tw1", "tw2"], resistance: 8.2 },
      ...TWEETERS.flatMap((id): ElementDefinition[] => [
        fromPart(id, BA_TWEETER, ["tw2", "0", `${id}Spout`]),
        bore(`${id}Bore`, `${id}Spout`, "tweeterBoreIn", 1, 1),
      ]),
      bore("tweeterBore", "tweeterBoreIn", NOZZLE_NODE, 3, 1.2),
    ],
    nozzle: { lengthMm: 3, diameterMm: 2 },
    byDriver: true,
  }),
};
