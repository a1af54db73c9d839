import { extname } from "node:path";
import { parseDesignText } from "../circuit/designText.js";
import { readUserTextFile } from "./userTextFile.js";

/** Reads a design file (JSON, or YAML for .yaml/.yml) into a plain object; errors name the file. */
export async function readDesignFile(path: string): Promise<unknown> {
  const text = await readUserTextFile(path, "a design file (.json or .yaml)");
  const extension = extname(path).toLowerCase();
  const format = extension === ".yaml" || extension === ".yml" ? "yaml" : "json";
  return parseDesignText(text, format, path);
}
