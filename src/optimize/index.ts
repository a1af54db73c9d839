// Optimisers. The public part of optimize/: only re-exports.
export { nelderMead } from "./nelderMead.js";
export { PREFERRED_SERIES, preferredValues, nearestPreferredValue } from "./preferredValues.js";
export type { PreferredSeries } from "./preferredValues.js";
