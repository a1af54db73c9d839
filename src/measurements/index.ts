// Measurement files: one tolerant reader for every common format, and writers. Only re-exports.
export { parseMeasurement, tryParseMeasurement } from "./parseMeasurement.js";
export type { ParseMeasurementOptions } from "./parseMeasurement.js";
export { formatCsv, formatRew, formatSquig } from "./formatMeasurement.js";
export type { FormatMeasurementOptions } from "./formatMeasurement.js";
export { detectDialect } from "./dialect.js";
export type { Delimiter, Dialect } from "./dialect.js";
export { CHANNELS, channelColumns, isLeftChannelName, isRightChannelName } from "./channels.js";
export type { Channel } from "./channels.js";
export { isPhoneBookText, phoneBookFiles } from "./phoneBook.js";
export type { PhoneBookFile, SkippedMeasurement } from "./phoneBook.js";
export { PLAUSIBLE_MEASUREMENT, implausibleValue } from "./plausibleValues.js";
export {
  THEVENIN_COLUMNS,
  TWO_PORT_COLUMNS,
  formatTwoPortCsv,
  parseTwoPortCsv,
} from "./twoPortCsv.js";
