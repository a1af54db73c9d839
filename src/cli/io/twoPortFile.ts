import { type TwoPortTable, parseTwoPortCsv } from "../../index.js";
import { readUserTextFile } from "./userTextFile.js";

/** Reads a two-port CSV file; errors name the file and the line. */
export async function readTwoPortFile(path: string): Promise<TwoPortTable> {
  const text = await readUserTextFile(path, "a two-port table (.csv from tympan identify)");
  return parseTwoPortCsv(text, path);
}
