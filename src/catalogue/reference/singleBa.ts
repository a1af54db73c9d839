import { BA_MID } from "../parts/balancedArmatures.js";
import { NOZZLE_NODE, bore, damper, design, fromPart } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";

/*
 * One balanced armature, the first IEM architecture: a sealed receiver, a 1500 Ω damper at its spout
 * and a short stepped bore that widens towards the nozzle (a little horn that helps the treble).
 * The receiver is the catalogue's wideband mid (ba-mid): its small front cavity reaches ≈8 kHz,
 * while the benchmark full-range part (ba-full-range) rolls off above 5 kHz and stays 16 dB off
 * Harman at 10 kHz in any bore tried. Bore sizes tuned by bounded Nelder–Mead on the worst deviation
 * from Harman in-ear 2019 v2 (20 Hz–10 kHz), then rounded.
 */
export const singleBa: ReferenceDesign = {
  name: "single-ba",
  summary: "one balanced armature behind a 1500 Ω damper, stepped bore, sealed",
  design: design({
    name: "single-ba",
    description:
      "Single balanced armature (ba-mid) with a 1500 cgs Ω damper at its spout, a Ø0.75 × 1 mm then " +
      "Ø1.9 × 1 mm stepped bore, and a Ø3.4 × 2.6 mm nozzle. Sealed.",
    elements: [
      fromPart("ba", BA_MID, ["in", "0", "spout"]),
      damper("damper", "spout", "boreIn", 1500),
      bore("bore1", "boreIn", "boreStep", 1, 0.75),
      bore("bore2", "boreStep", NOZZLE_NODE, 1, 1.9),
    ],
    nozzle: { lengthMm: 2.6, diameterMm: 3.4 },
    byDriver: false,
  }),
};
