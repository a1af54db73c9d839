import type { Air } from "../../core/air.js";
import { transmissionLineAbcd } from "./transmissionLine.js";
import { tubePerUnitLength, type TubeModel } from "./tubeModel.js";

/*
 * Tube matrices computed once per frequency for every tube that has the same model, radius, length
 * and air. A design repeats its tubes — the two spouts of a dual balanced armature, one bore per
 * identical driver — and a radius far more often still; the per-unit-length Z' and Y' (two Bessel
 * function ratios for the exact model) depend only on the radius, the ABCD matrix on the length too.
 * So each distinct (model, radius, air) keeps the Z', Y' of the last frequency asked for, and each
 * distinct (model, radius, length, air) the ABCD matrix: when a sweep stamps its tubes one after
 * another at one frequency, the first computes and the others copy. The values are exactly what
 * tubeAbcd computes (the same functions on the same numbers), whoever asked first.
 */

/** The last frequency computed (NaN: none yet) and its values. */
interface LastValues {
  omega: number;
  readonly values: Float64Array;
}

const PER_UNIT_LENGTH = new Map<string, LastValues>();
const ABCD = new Map<string, LastValues>();
/**
 * Entries kept per map before it is emptied (an optimiser trying radii makes new ones without end).
 * A tube keeps its own entry either way, so emptying only stops later tubes from sharing it.
 */
const ENTRY_LIMIT = 256;

function lastValues(map: Map<string, LastValues>, key: string, length: number): LastValues {
  let entry = map.get(key);
  if (entry === undefined) {
    if (map.size >= ENTRY_LIMIT) map.clear();
    entry = { omega: Number.NaN, values: new Float64Array(length) };
    map.set(key, entry);
  }
  return entry;
}

/**
 * The ABCD matrix of a rigid circular tube (see tubeAbcd: layout [Are, Aim, Bre, Bim, Cre, Cim, Dre,
 * Dim], B in Pa·s/m³, C in m³/(Pa·s)) as a function of the angular frequency ω (rad/s, > 0). The
 * returned array belongs to the cache: read it before asking for another frequency, never write it.
 * The air's values are read now (later changes to the object do not reach the tube).
 */
export function sharedTubeAbcd(
  model: TubeModel,
  radiusM: number,
  lengthM: number,
  air: Air,
): (omega: number) => Float64Array {
  const frozen: Air = { ...air };
  const airKey = [
    frozen.densityKgPerM3,
    frozen.speedOfSoundMPerS,
    frozen.viscosityPaS,
    frozen.heatCapacityRatio,
    frozen.prandtlNumber,
  ].join(";");
  const perUnitLength = lastValues(PER_UNIT_LENGTH, `${model};${radiusM};${airKey}`, 4);
  const abcd = lastValues(ABCD, `${model};${radiusM};${lengthM};${airKey}`, 8);
  return (omega) => {
    if (abcd.omega !== omega) {
      const line = perUnitLength.values;
      if (perUnitLength.omega !== omega) {
        tubePerUnitLength(model, omega, radiusM, frozen, line);
        perUnitLength.omega = omega;
      }
      transmissionLineAbcd(line[0]!, line[1]!, line[2]!, line[3]!, lengthM, abcd.values);
      abcd.omega = omega;
    }
    return abcd.values;
  };
}
