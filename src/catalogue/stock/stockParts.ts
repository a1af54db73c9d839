import { type Provenance, type Sourced, illustrative, publication } from "../parts/provenance.js";

/*
 * What a builder can order for the parts an optimiser tunes: damper ratings, tubing bores and the
 * step tubing is cut to. Resistors, capacitors and inductors come in the IEC 60063 series
 * (preferredValues.ts). Each list says where it comes from.
 */

/**
 * Stock damper ratings, cgs acoustic Ω: the E12 values from 100 to 22 000. Knowles' colour-coded BF
 * series sells 330, 680, 1000, 1500, 2200, 3300 and 4700 (E6 steps); finer E12 steps and the
 * 100–220 meshes and 6800–22 000 dampers the reference designs use are sold as generic IEM
 * dampers. The list is the issue's "E12 cgs-ohm values" over the range the reference designs span.
 */
export const STOCK_DAMPER_RATINGS: {
  readonly valuesCgsOhm: readonly number[];
  readonly source: Provenance;
} = {
  source: {
    kind: "illustrative",
    note: "E12 ratings 100–22 000 cgs Ω: Knowles BF dampers in E6 steps 330–4700, generic IEM dampers and meshes filling E12 steps and the range the reference designs use (220 … 15 000)",
  },
  valuesCgsOhm: [
    100, 120, 150, 180, 220, 270, 330, 390, 470, 560, 680, 820, 1000, 1200, 1500, 1800, 2200, 2700,
    3300, 3900, 4700, 5600, 6800, 8200, 10_000, 12_000, 15_000, 18_000, 22_000,
  ],
};

/**
 * Stock tubing inner diameters, mm. Only one size has a source found: the standard hearing-aid
 * tube's 2.16 mm inner (3.16 mm outer) diameter, as a hearing-aid vendor states it. The numbered
 * sizes #16 … #13 (1.35, 1.50, 1.68, 1.93 mm) were first cited here from memory of Dillon's
 * Hearing Aids (2001); a search of hearing-aid vendors' and audiology pages found no table to check
 * them against, so they are labelled illustrative, as are the micro-bore spout tubing and the
 * IEM bores and printed nozzles below and above them (catalogue sizes, no single source).
 */
export const STOCK_TUBING_INNER_DIAMETERS_MM: readonly Sourced[] = [
  illustrative(0.5, "micro-bore tubing for receiver spouts"),
  illustrative(0.75, "micro-bore tubing for receiver spouts"),
  illustrative(0.8, "micro-bore tubing"),
  illustrative(1.0, "IEM sound-bore tubing"),
  illustrative(1.2, "IEM sound-bore tubing"),
  illustrative(
    1.35,
    "hearing-aid tubing #16, from memory of Dillon, Hearing Aids (2001), unchecked",
  ),
  illustrative(
    1.5,
    "hearing-aid tubing #15, from memory of Dillon, Hearing Aids (2001), unchecked",
  ),
  illustrative(
    1.68,
    "hearing-aid tubing #14, from memory of Dillon, Hearing Aids (2001), unchecked",
  ),
  illustrative(
    1.93,
    "hearing-aid tubing #13, from memory of Dillon, Hearing Aids (2001), unchecked",
  ),
  publication(
    2.16,
    "standard hearing-aid tubing, 2.16 mm inner and about 3.16 mm outer diameter: HearingPlanet, 'How hearing aid tubes work', https://www.hearingplanet.com/blog/post/how-hearing-aid-tubes-work",
  ),
  illustrative(2.5, "large-bore tubing and printed nozzles"),
  illustrative(3.0, "large-bore tubing and printed nozzles"),
  illustrative(3.4, "printed nozzle bores"),
];

/**
 * Tubing is cut by hand against a ruler: lengths are chosen in 0.5 mm steps (half a ruler's smallest
 * division is the finest cut a builder repeats).
 */
export const TUBE_LENGTH_STEP_M: Sourced = illustrative(
  0.5e-3,
  "hand-cut tubing: half a millimetre, the finest step a builder cuts to repeatably",
);
