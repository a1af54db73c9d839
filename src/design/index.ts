// The design format: validation, text, edits. The public part of design/: only re-exports.
export { validateDesign } from "./design.js";
export type { Design, Probe } from "./design.js";
export { bridged, withElement, withoutElements } from "./edits.js";
export { parseDesignText } from "./designText.js";
