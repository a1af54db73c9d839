import fc from "fast-check";

/**
 * Property tests run with a fixed seed, so CI is reproducible; set FC_SEED to another number, or to
 * "random", to explore further.
 */
const setting = process.env.FC_SEED;
const seed = setting === "random" ? Date.now() : setting !== undefined ? Number(setting) : 20261121;
fc.configureGlobal({ seed });
