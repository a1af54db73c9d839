import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseDesignText } from "../circuit/designText.js";
import { TympanError } from "../core/issues.js";

/** Reads a design file (JSON, or YAML for .yaml/.yml) into a plain object; errors name the file. */
export async function readDesignFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file; give the path of a design file (.json or .yaml)"
        : code === "EISDIR"
          ? "is a folder; give the path of a design file (.json or .yaml)"
          : `cannot be read (${code ?? String(error)})`;
    throw new TympanError([{ code: "unreadable-file", path: [], message: reason }], path);
  }
  const extension = extname(path).toLowerCase();
  const format = extension === ".yaml" || extension === ".yml" ? "yaml" : "json";
  return parseDesignText(text, format, path);
}
