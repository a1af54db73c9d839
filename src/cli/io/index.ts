// The command line's Node adapters: files and folders in, PNG out. Only re-exports; src/node.ts
// offers them to library users too.
export { readDesignFile } from "./designFile.js";
export {
  MEASUREMENT_EXTENSIONS,
  readMeasurementDatabase,
  readMeasurementFolder,
  readPhoneBook,
} from "./measurementDatabase.js";
export type { DatabaseEntry, MeasurementDatabase, DatabaseOptions } from "./measurementDatabase.js";
export { readMeasurementFile } from "./measurementFile.js";
export type { ReadMeasurementFileOptions } from "./measurementFile.js";
export { PNG_DEFAULTS, plotFontFiles, renderPng } from "./png.js";
export type { PngOptions } from "./png.js";
export { readTwoPortFile } from "./twoPortFile.js";
export { readUserTextFile } from "./userTextFile.js";
export { MAX_USER_FILE_BYTES } from "./userTextFile.js";
export {
  isBuiltInDesignName,
  isDesignInput,
  isUnknownName,
  loadDesign,
  unknownNameError,
} from "./designInput.js";
export type { LoadedDesign } from "./designInput.js";
export { checkOutputPath } from "./outputPath.js";
export {
  isMeasurementCollection,
  readCurveInput,
  readCurveInputs,
  readTargetInput,
} from "./curveInputs.js";
export type { CurveEntry, CurveInput, CurveInputOptions, NoteSink } from "./curveInputs.js";
export { readSourceLoad } from "./sourceLoadInput.js";
export type { MeasuredIemOptions } from "./sourceLoadInput.js";
export { loadReportEntries, reportDesignInputs } from "./reportDesigns.js";
