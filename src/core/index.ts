// Plain data and arithmetic every layer shares. The public part of core/: only re-exports.
export { STANDARD_AIR, SPL_REFERENCE_PA, CGS_ACOUSTIC_OHM_IN_SI, bulkModulusPa } from "./air.js";
export type { Air } from "./air.js";
export { DOMAIN_UNITS } from "./domain.js";
export type { Domain } from "./domain.js";
export {
  TympanError,
  errorIssue,
  formatIssue,
  formatIssues,
  formatPath,
  inSource,
  isNonEmpty,
} from "./issues.js";
export type { Issue, IssueCode, IssueSeverity, Result } from "./issues.js";
export { logFrequencies } from "./frequencyGrid.js";
export { formatHz, signedDb } from "./format.js";
export { csvField } from "./csv.js";
export { MAX_USER_FILE_BYTES, oversizeFileMessage } from "./userFileSize.js";
export type { Curve } from "./curve.js";
export type { Complex, ComplexSeries } from "./complexValue.js";
