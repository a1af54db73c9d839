import type { Air } from "../../core/air.js";
import { exactPerUnitLength } from "./exactMedium.js";
import { fosterPerUnitLength } from "./fosterMedium.js";
import { losslessPerUnitLength } from "./losslessMedium.js";

/** Name of a tube medium: how a circular tube's per-unit-length impedance and admittance are modelled. */
export type TubeModel = "exact" | "foster" | "lossless";

/** Every tube model, the default ("exact", docs/physics.md §3) first. */
export const TUBE_MODELS: readonly TubeModel[] = Object.freeze(["exact", "foster", "lossless"]);

/**
 * A medium: writes [Re Z', Im Z', Re Y', Im Y'] for angular frequency ω (rad/s, > 0) and radius a (m)
 * into `out`; Z' in Pa·s/m⁴ (series impedance per metre), Y' in m²/(Pa·s) (shunt admittance per metre).
 */
export type PerUnitLength = (omega: number, radiusM: number, air: Air, out: Float64Array) => void;

/** The registry; the mapped type makes the compiler reject a model name without a medium. */
const MEDIA: { readonly [model in TubeModel]: PerUnitLength } = Object.freeze({
  exact: exactPerUnitLength,
  foster: fosterPerUnitLength,
  lossless: losslessPerUnitLength,
});

/** Whether `name` is one of TUBE_MODELS (for validating user input). */
export function isTubeModel(name: string): name is TubeModel {
  return (TUBE_MODELS as readonly string[]).includes(name);
}

/**
 * Series impedance Z' (Pa·s/m⁴) and shunt admittance Y' (m²/(Pa·s)) per unit length of a rigid circular
 * tube of radius `radiusM` in `model`, at angular frequency `omega` (rad/s, > 0). Writes
 * [Re Z', Im Z', Re Y', Im Y'] into `out` (length ≥ 4); allocates nothing.
 */
export function tubePerUnitLength(
  model: TubeModel,
  omega: number,
  radiusM: number,
  air: Air,
  out: Float64Array,
): void {
  MEDIA[model](omega, radiusM, air, out);
}
