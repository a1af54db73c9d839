import { designKind } from "./designs.mjs";
import { measurementKind } from "./measurements.mjs";
import { networkKind } from "./networks.mjs";

/** What the fuzzer generates, by name: each has generate(rng, api), describe(input), check(input, api). */
export const KINDS = {
  measurements: measurementKind,
  designs: designKind,
  networks: networkKind,
};
