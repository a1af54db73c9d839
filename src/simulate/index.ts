// Simulating a design. The public part of simulate/: only re-exports.
export { simulate, trySimulate, compileDesign, FREQUENCY_RANGE_HZ } from "./simulate.js";
export { CompiledDesign } from "./compiledDesign.js";
export type { ParameterChange } from "./compiledDesign.js";
export type { SimulateOptions } from "./simulate.js";
export type { SimulationResult, ProbeResult, InputImpedance } from "./result.js";
export { simulationCsv } from "./simulationCsv.js";
export { simulationTable } from "./simulationTable.js";
export { MAX_FREQUENCY_POINTS, frequencyGrid } from "./frequencyGrid.js";
export type { FrequencyGridText } from "./frequencyGrid.js";
