import { BA_MID, BA_TWEETER, BA_WOOFER } from "../parts/balancedArmatures.js";
import { NOZZLE_NODE, bore, damper, design, fromPart } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";

/*
 * An all-BA quad: the mid receiver runs full-range in the single-ba layout (damper and stepped
 * bore), a woofer adds the deep bass behind a low-pass (series inductor, and a series resistor that
 * pads its much higher sensitivity) and a dense damper, and two tweeters add the top octave behind
 * a high-pass. Values tuned by bounded Nelder–Mead on the worst deviation from Harman in-ear 2019 v2
 * (20 Hz–10 kHz), then rounded to E12 parts. The woofer damper (10 000 cgs Ω) is denser than the
 * common stock ratings, as stacked dampers or a dense mesh give (illustrative).
 */
export const quadBa: ReferenceDesign = {
  name: "quad-ba",
  summary: "all-BA quad: woofer + mid + two tweeters, electrical crossover, sealed",
  design: design({
    name: "quad-ba",
    description:
      "Four balanced armatures: ba-woofer through 1.8 mH + 1 kΩ and a 10 000 cgs Ω damper into a " +
      "Ø1 × 6 mm bore; ba-mid full-range behind a 1500 cgs Ω damper and a Ø0.75 × 1 mm then " +
      "Ø1.9 × 1 mm stepped bore; two ba-tweeter through 0.12 µF + 180 Ω, Ø1 × 1 mm bores joining a " +
      "Ø1.2 × 2 mm bore; Ø3.3 × 5.8 mm nozzle. Sealed.",
    elements: [
      { id: "Lwoofer", type: "inductor", nodes: ["in", "woofer1"], inductance: 1.8e-3 },
      { id: "Rwoofer", type: "resistor", nodes: ["woofer1", "woofer2"], resistance: 1000 },
      fromPart("woofer", BA_WOOFER, ["woofer2", "0", "wooferSpout"]),
      damper("wooferDamper", "wooferSpout", "wooferBoreIn", 10_000),
      bore("wooferBore", "wooferBoreIn", NOZZLE_NODE, 6, 1),
      fromPart("mid", BA_MID, ["in", "0", "midSpout"]),
      damper("midDamper", "midSpout", "midBoreIn", 1500),
      bore("midBore1", "midBoreIn", "midBoreStep", 1, 0.75),
      bore("midBore2", "midBoreStep", NOZZLE_NODE, 1, 1.9),
      { id: "Ctweeter", type: "capacitor", nodes: ["in", "tw1"], capacitance: 0.12e-6 },
      { id: "Rtweeter", type: "resistor", nodes: ["tw1", "tw2"], resistance: 180 },
      fromPart("tweeterA", BA_TWEETER, ["tw2", "0", "tweeterASpout"]),
      fromPart("tweeterB", BA_TWEETER, ["tw2", "0", "tweeterBSpout"]),
      bore("tweeterABore", "tweeterASpout", "tweeterBoreIn", 1, 1),
      bore("tweeterBBore", "tweeterBSpout", "tweeterBoreIn", 1, 1),
      bore("tweeterBore", "tweeterBoreIn", NOZZLE_NODE, 2, 1.2),
    ],
    nozzle: { lengthMm: 5.8, diameterMm: 3.3 },
    byDriver: true,
  }),
};
