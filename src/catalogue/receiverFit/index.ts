// Balanced-armature receivers fitted to their datasheets. Only re-exports; catalogue/index.ts
// passes them on.
export { fitReceiver, RECEIVER_FIT_DEFAULTS } from "./fitReceiver.js";
export type { FitProgress, FittedValue, ReceiverFit, ReceiverFitOptions } from "./fitReceiver.js";
export type { ReceiverDatasheet } from "./datasheetData.js";
export { IMPEDANCE_BAND_HZ, RESPONSE_BAND_HZ } from "./datasheetData.js";
export type { SecondLoadBand } from "./secondLoadBand.js";
export { receiverFitDesign } from "./receiverDesign.js";
export { receiverFitChart } from "./receiverFitChart.js";
// A dynamic driver from its impedance curve and the datasheet figures |Z| cannot give.
export { driverFromImpedance } from "./driverFromImpedance.js";
export type {
  DriverDatasheetFigures,
  DriverFromImpedance,
  ValueWithRange,
} from "./driverFromImpedance.js";
export {
  DAMPER_AND_TUBE_INTO_711,
  FIXTURE_INTO_711,
  LOAD_CHAIN_SYNTAX,
  describeLoadChain,
  parseLoadChain,
} from "./loadChain.js";
export type { LoadChain, LoadSegment } from "./loadChain.js";
