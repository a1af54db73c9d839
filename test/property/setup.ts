import fc from "fast-check";

/**
 * Property tests run with a fixed seed, so CI is reproducible; set FC_SEED to another number, or to
 * "random", to explore further.
 */
const setting = process.env.FC_SEED;
const seed = setting === "random" ? Date.now() : setting !== undefined ? Number(setting) : 20261121;
fc.configureGlobal({ seed });

/**
 * The number of runs of a property: `defaultRuns` in `npm test` (a few hundred, a few seconds), or
 * TYMPAN_PROPERTY_RUNS when set (`npm run fuzz` sets thousands).
 */
export function propertyRuns(defaultRuns: number): number {
  const setting = process.env.TYMPAN_PROPERTY_RUNS;
  const runs = setting === undefined || setting === "" ? defaultRuns : Number(setting);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`TYMPAN_PROPERTY_RUNS=${setting}: give a whole number of runs ≥ 1`);
  }
  return runs;
}
