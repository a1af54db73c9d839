import { BA_MID, BA_TWEETER } from "../parts/balancedArmatures.js";
import { EST_MODULE } from "../parts/electrostaticTweeters.js";
import { NOZZLE_NODE, bore, chamber, damper, design, fromPart } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";
import { ddBassSection } from "./shells.js";

/**
 * The tribrid's electrostatic section: the two EST modules (transducer, transformer and the module's
 * own rear cavity) and their drive. Removing them is building the same shell without the ESTs: their
 * sound bores, printed into the shell, stay, closed where the modules sat (claim 2).
 */
export const TRIBRID_EST_ELEMENT_IDS = [
  "Cest",
  "Rest",
  "est1",
  "est1Rear",
  "est2",
  "est2Rear",
] as const;

/*
 * A tribrid: a 10 mm dynamic driver for the bass (full-range, in the single-dd shell), two mid BAs
 * and two tweeter BAs behind first-order high-passes, and two electrostatic super-tweeters (EST
 * modules with their step-up transformers) behind a series capacitor and resistor. The ESTs'
 * transformers already roll their drive off below a few kHz. Values tuned by bounded Nelder–Mead on
 * the worst deviation from Harman in-ear 2019 v2 (20 Hz–10 kHz) with the broken-seal bass loss held
 * under 24 dB, then rounded to E12 parts and stock dampers.
 */
export const tribrid1dd4ba2est: ReferenceDesign = {
  name: "tribrid-1dd-4ba-2est",
  summary: "tribrid: 10 mm dynamic driver + 2 mid BAs + 2 tweeter BAs + 2 electrostatic tweeters",
  design: design({
    name: "tribrid-1dd-4ba-2est",
    description:
      "dd-10mm-pet full-range in the vented single-dd shell (470 cgs Ω front mesh); two ba-mid " +
      "through 0.68 µF + 1 Ω, each behind a 10 000 cgs Ω damper, into a shared Ø1.2 × 4 mm bore; two " +
      "ba-tweeter through 0.15 µF + 6.8 Ω into a shared Ø1.2 × 3 mm bore; two est-module through " +
      "8.2 µF + 22 Ω, 20 mm³ rear chambers, Ø1.2 × 2 mm bores; Ø2 × 3 mm nozzle.",
    elements: [
      ...ddBassSection("in", 470),
      { id: "Cmid", type: "capacitor", nodes: ["in", "mid1"], capacitance: 0.68e-6 },
      { id: "Rmid", type: "resistor", nodes: ["mid1", "mid2"], resistance: 1 },
      fromPart("midA", BA_MID, ["mid2", "0", "midASpout"]),
      fromPart("midB", BA_MID, ["mid2", "0", "midBSpout"]),
      damper("midADamper", "midASpout", "midBoreIn", 10000),
      damper("midBDamper", "midBSpout", "midBoreIn", 10000),
      bore("midBore", "midBoreIn", NOZZLE_NODE, 4, 1.2),
      { id: "Ctweeter", type: "capacitor", nodes: ["in", "tw1"], capacitance: 0.15e-6 },
      { id: "Rtweeter", type: "resistor", nodes: ["tw1", "tw2"], resistance: 6.8 },
      fromPart("tweeterA", BA_TWEETER, ["tw2", "0", "tweeterASpout"]),
      fromPart("tweeterB", BA_TWEETER, ["tw2", "0", "tweeterBSpout"]),
      bore("tweeterABore", "tweeterASpout", "tweeterBoreIn", 1, 1),
      bore("tweeterBBore", "tweeterBSpout", "tweeterBoreIn", 1, 1),
      bore("tweeterBore", "tweeterBoreIn", NOZZLE_NODE, 3, 1.2),
      { id: "Cest", type: "capacitor", nodes: ["in", "est1In"], capacitance: 8.2e-6 },
      { id: "Rest", type: "resistor", nodes: ["est1In", "est2In"], resistance: 22 },
      fromPart("est1", EST_MODULE, ["est2In", "0", "est1Front", "est1Back"]),
      chamber("est1Rear", "est1Back", 20),
      bore("est1Bore", "est1Front", NOZZLE_NODE, 2, 1.2),
      fromPart("est2", EST_MODULE, ["est2In", "0", "est2Front", "est2Back"]),
      chamber("est2Rear", "est2Back", 20),
      bore("est2Bore", "est2Front", NOZZLE_NODE, 2, 1.2),
    ],
    nozzle: { lengthMm: 3, diameterMm: 2 },
    byDriver: true,
  }),
};
