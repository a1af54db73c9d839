// Optimisers. The public part of optimize/: only re-exports.
export { nelderMead } from "./nelderMead.js";
