// The web app's Download CSV: the library's writer, the same columns as `tympan simulate --csv`.
import { simulationCsv as librarySimulationCsv, type SimulationResult } from "../../index.js";

export function simulationCsv(result: SimulationResult): string {
  return librarySimulationCsv(result);
}
