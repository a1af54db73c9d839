import { findPart } from "../parts/partsCatalogue.js";
import { NOZZLE_NODE, bore, damper, design, fromPart } from "../kit.js";
import type { ReferenceDesign } from "./referenceDesign.js";

/*
 * A two-way all-BA built from real receivers: the Knowles CI-22955 woofer and WBFK-30095 tweeter as
 * fitted to their maker's datasheet (knowlesReceivers.ts; their numbers carry the fit's intervals and
 * the second-load band: one datasheet load does not pin a receiver's source impedance down, so this
 * design's treble is known to a few dB, not tenths). The woofer is padded by a series resistor (its
 * 711 sensitivity is about 14 dB above the tweeter's) and tamed by a dense damper; the tweeter sits
 * behind a series capacitor and a damper. Values tuned by tympan optimize (in-ear preference rating
 * against Harman in-ear 2019 v2, then the level-matched RMS error over 20 Hz–10 kHz, snapped to
 * E12/E24 parts, stock dampers and tubing and 0.5 mm lengths, the capacitor then one E12 step up
 * (5.6 → 6.8 µF) for the ±6 dB bound at 5 kHz: error 2.4 dB RMS, worst 5.1 dB, informative only): both dampers ended at the densest stock ratings (10 000 and
 * 4700 cgs Ω), so denser ones (stacked, illustrative) might do better.
 */
const WOOFER = findPart("knowles/CI-22955")!;
const TWEETER = findPart("knowles/WBFK-30095")!;

const R_WOOFER_OHM = 360;
const WOOFER_DAMPER_CGS_OHM = 10_000;
const C_TWEETER_F = 6.8e-6;
const TWEETER_DAMPER_CGS_OHM = 4700;

export const twoWayKnowles: ReferenceDesign = {
  name: "two-way-knowles",
  summary:
    "real parts: Knowles CI-22955 woofer + WBFK-30095 tweeter (fitted to datasheets), sealed",
  design: design({
    name: "two-way-knowles",
    description:
      `Two real balanced armatures, fitted to Knowles' datasheets (tympan parts): knowles/CI-22955 ` +
      `through ${R_WOOFER_OHM} Ω and a ${WOOFER_DAMPER_CGS_OHM} cgs Ω damper into a Ø1.35 × 0.5 mm bore; ` +
      `knowles/WBFK-30095 through ${C_TWEETER_F * 1e6} µF and a ${TWEETER_DAMPER_CGS_OHM} cgs Ω damper into a Ø1.35 × 0.5 mm bore; ` +
      `Ø3.3 × 3 mm nozzle. Sealed.`,
    elements: [
      { id: "Rwoofer", type: "resistor", nodes: ["in", "woofer1"], resistance: R_WOOFER_OHM },
      fromPart("woofer", WOOFER, ["woofer1", "0", "wooferSpout"]),
      damper("wooferDamper", "wooferSpout", "wooferBoreIn", WOOFER_DAMPER_CGS_OHM),
      bore("wooferBore", "wooferBoreIn", NOZZLE_NODE, 1, 1),
      { id: "Ctweeter", type: "capacitor", nodes: ["in", "tw1"], capacitance: C_TWEETER_F },
      fromPart("tweeter", TWEETER, ["tw1", "0", "tweeterSpout"]),
      damper("tweeterDamper", "tweeterSpout", "tweeterBoreIn", TWEETER_DAMPER_CGS_OHM),
      bore("tweeterBore", "tweeterBoreIn", NOZZLE_NODE, 0.5, 1.35),
    ],
    nozzle: { lengthMm: 3, diameterMm: 3.3 },
    byDriver: true,
  }),
};
