import { dirname, extname, resolve } from "node:path";
import { parseDesignText, TympanError } from "../../index.js";
import { readTwoPortFile } from "./twoPortFile.js";
import { readUserTextFile } from "./userTextFile.js";

/**
 * Reads a design file (JSON, or YAML for .yaml/.yml) into a plain object; errors name the file.
 * A measuredReceiver written with `"file": "receiver.csv"` gets that two-port table (the CSV
 * `tympan identify` writes, path relative to the design file) inlined before validation.
 */
export async function readDesignFile(path: string): Promise<unknown> {
  const text = await readUserTextFile(path, "a design file (.json or .yaml)");
  const extension = extname(path).toLowerCase();
  const format = extension === ".yaml" || extension === ".yml" ? "yaml" : "json";
  return inlineTableFiles(parseDesignText(text, format, path), path);
}

const TABLE_KEYS = ["frequencyHz", "ze", "transduction", "za"] as const;

async function inlineTableFiles(design: unknown, designPath: string): Promise<unknown> {
  if (!isRecord(design) || !Array.isArray(design.elements)) return design;
  const elements = await Promise.all(
    design.elements.map(async (element: unknown, index) => {
      if (!isRecord(element) || element.type !== "measuredReceiver" || !("file" in element)) {
        return element;
      }
      const { file, ...rest } = element;
      const label =
        typeof element.id === "string" ? `element "${element.id}"` : `element #${index + 1}`;
      const fail = (message: string) =>
        new TympanError(
          [
            {
              severity: "error",
              code: "invalid-table-file",
              path: ["elements", index, "file"],
              message: `${label} (measuredReceiver): ${message}`,
            },
          ],
          designPath,
        );
      if (typeof file !== "string" || file === "") {
        throw fail(
          '"file" must be the path of a two-port CSV (from tympan identify), relative to the design file',
        );
      }
      const inline = TABLE_KEYS.filter((key) => key in rest);
      if (inline.length > 0) {
        throw fail(
          `give the table either as "file" or inline, not both (remove ${inline.map((key) => `"${key}"`).join(", ")} or "file")`,
        );
      }
      const table = await readTwoPortFile(resolve(dirname(designPath), file));
      return { ...rest, ...table };
    }),
  );
  return { ...design, elements };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
