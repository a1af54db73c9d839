import { extname } from "node:path";
import { readDesignFile } from "../io/designFile.js";
import { REFERENCE_DESIGNS, referenceDesign } from "../catalogue/referenceDesigns.js";
import { exists } from "./outputFile.js";
import { usageError } from "./errors.js";

/** A design read from a file or taken from the built-in reference designs, with a label for output. */
export interface LoadedDesign {
  readonly design: unknown;
  /** The file path or built-in name, for messages and legends. */
  readonly source: string;
  readonly builtIn: boolean;
  /** The design's own "name", else the file path or built-in name: for titles and legends. */
  readonly name: string;
}

/** File extensions of design files; anything else a command takes is a measurement. */
const DESIGN_EXTENSIONS: readonly string[] = [".json", ".yaml", ".yml"];

/** True when `input` is a design: a built-in name or a .json/.yaml file. */
export async function isDesignInput(input: string): Promise<boolean> {
  return (
    DESIGN_EXTENSIONS.includes(extname(input).toLowerCase()) || (await isBuiltInDesignName(input))
  );
}

/** True when `input` names a built-in design rather than a file (no extension, no such file). */
export async function isBuiltInDesignName(input: string): Promise<boolean> {
  return extname(input) === "" && referenceDesign(input) !== undefined && !(await exists(input));
}

/**
 * A design by built-in name (`tympan designs` lists them) or from a .json/.yaml file. A name that is
 * neither says which names exist.
 */
export async function loadDesign(input: string): Promise<LoadedDesign> {
  const builtIn = await isBuiltInDesignName(input);
  if (!builtIn && (await isUnknownName(input))) {
    throw unknownNameError(input, "a .json/.yaml design file");
  }
  const design = builtIn ? referenceDesign(input)!.design : await readDesignFile(input);
  const named = (design as { name?: unknown }).name;
  return { design, source: input, builtIn, name: typeof named === "string" ? named : input };
}

/** True when `input` has no extension, is no file and no built-in design: a mistyped name. */
export async function isUnknownName(input: string): Promise<boolean> {
  return extname(input) === "" && referenceDesign(input) === undefined && !(await exists(input));
}

/** The message for a mistyped name: the built-in names, and what else could be given. */
export function unknownNameError(input: string, orElse: string): Error {
  return usageError(
    `${input}: no such file and no built-in design of that name; built-in designs: ${REFERENCE_DESIGNS.map((d) => d.name).join(", ")} (or give ${orElse})`,
  );
}
