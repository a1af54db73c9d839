// Simulating a design. The public part of simulate/: only re-exports.
export { simulate, trySimulate, compileDesign } from "./simulate.js";
export { CompiledDesign } from "./compiledDesign.js";
export type { ParameterChange } from "./compiledDesign.js";
export type { SimulateOptions } from "./simulate.js";
export type { SimulationResult, ProbeResult, InputImpedance } from "./result.js";
export { compileNetwork } from "./compileNetwork.js";
export type { Network } from "./compileNetwork.js";
export { FrequencySweep } from "./sweep.js";
