// The simulate command's output formats live in the library (simulate/simulationCsv.ts,
// simulate/simulationTable.ts); these names stay for the commands that still import them.
export {
  simulationCsv as resultToCsv,
  simulationTable as resultToTable,
  csvField,
} from "../index.js";
