import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { REFERENCE_DESIGNS, referenceDesign, resolveParts, TympanError } from "../../index.js";
import { readDesignFile } from "./designFile.js";

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

/** True when something (a file, a folder, a link) is at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    // A link loop is there, just unreadable: reading it says so.
    return (error as NodeJS.ErrnoException).code === "ELOOP";
  }
}

/** True when `input` is a design: a built-in design name or a .json/.yaml/.yml file. */
export async function isDesignInput(input: string): Promise<boolean> {
  return (
    DESIGN_EXTENSIONS.includes(extname(input).toLowerCase()) || (await isBuiltInDesignName(input))
  );
}

/**
 * True when `input` names a built-in design (REFERENCE_DESIGNS) rather than a file: no extension,
 * and no file of that name (a file always wins).
 */
export async function isBuiltInDesignName(input: string): Promise<boolean> {
  return (
    extname(input) === "" && referenceDesign(input) !== undefined && !(await pathExists(input))
  );
}

/** True when `input` has no extension, is no file and no built-in design: a mistyped name. */
export async function isUnknownName(input: string): Promise<boolean> {
  return (
    extname(input) === "" && referenceDesign(input) === undefined && !(await pathExists(input))
  );
}

/**
 * The error for a mistyped name: no such file or built-in design, the built-in names, and what else
 * could be given (`orElse`, e.g. "a .json/.yaml design file").
 */
export function unknownNameError(input: string, orElse: string): TympanError {
  return new TympanError([
    {
      severity: "error",
      code: "unknown-design",
      path: [],
      message: `${input}: no such file and no built-in design of that name; built-in designs: ${REFERENCE_DESIGNS.map((d) => d.name).join(", ")} (or give ${orElse})`,
    },
  ]);
}

/**
 * A design by built-in name (REFERENCE_DESIGNS; `tympan designs` lists them) or read from a
 * .json/.yaml file (readDesignFile), its catalogue parts resolved (resolveParts). The design is returned
 * otherwise as read, not yet validated. A name that
 * is neither a file nor a built-in design throws a TympanError listing the built-in names.
 */
export async function loadDesign(input: string): Promise<LoadedDesign> {
  const builtIn = await isBuiltInDesignName(input);
  if (!builtIn && (await isUnknownName(input))) {
    throw unknownNameError(input, "a .json/.yaml design file");
  }
  // Elements naming a catalogue part ("part": "knowles/ED-30262") take its type and parameters.
  const design = builtIn
    ? referenceDesign(input)!.design
    : resolveParts(await readDesignFile(input), input);
  const named = (design as { name?: unknown }).name;
  return { design, source: input, builtIn, name: typeof named === "string" ? named : input };
}
