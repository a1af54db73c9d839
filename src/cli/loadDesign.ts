// Design loading lives in the library (io/designInput.ts); these names stay for the commands that
// still import them from here.
export {
  isBuiltInDesignName,
  isDesignInput,
  isUnknownName,
  loadDesign,
  unknownNameError,
} from "../node.js";
export type { LoadedDesign } from "../node.js";
