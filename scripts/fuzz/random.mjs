/**
 * A small seeded random source for the fuzzer: mulberry32 (Tommy Ettinger's 32-bit generator, a
 * period of 2^32, plenty for a few thousand short cases), and the helpers every generator uses. A case
 * is reproduced from its seed alone, so a failure is reported as that seed.
 */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    /** A whole number in [from, to]. */
    int: (from, to) => from + Math.floor(next() * (to - from + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    /** Log-uniform in [from, to]: every decade as likely. */
    logUniform: (from, to) =>
      10 ** (Math.log10(from) + next() * (Math.log10(to) - Math.log10(from))),
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return rng;
}

/** The seed of case `index` of `kind` in a run seeded with `runSeed` (FNV-1a over the three). */
export function caseSeed(runSeed, kind, index) {
  let hash = 0x811c9dc5;
  for (const char of `${runSeed}/${kind}/${index}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Where a result holds a number that is not finite (NaN, ±Infinity), as a path; else undefined. */
export function nonFinitePath(value, path = "result", seen = new Set()) {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (typeof value !== "object" || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] === "number" && !Number.isFinite(value[i]))
        return `${path}[${i}] = ${value[i]}`;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = nonFinitePath(item, `${path}.${key}`, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}
