// Measurement files: one tolerant reader for every common format, and writers. Only re-exports.
export { parseMeasurement, tryParseMeasurement } from "./parseMeasurement.js";
export type { ParseMeasurementOptions } from "./parseMeasurement.js";
export { formatCsv, formatRew, formatSquig } from "./formatMeasurement.js";
export type { FormatMeasurementOptions } from "./formatMeasurement.js";
export { detectDialect } from "./dialect.js";
export type { Delimiter, Dialect } from "./dialect.js";
