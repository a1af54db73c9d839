import { extname } from "node:path";
import type { Curve } from "../analysis/curve.js";
import { TympanError } from "../core/issues.js";
import { readDesignFile } from "../io/designFile.js";
import { readMeasurementFile } from "../io/measurementFile.js";
import { simulate } from "../simulate/simulate.js";
import { harmanInEar2019v2 } from "../targets/harmanInEar2019v2.js";
import { usageError } from "./errors.js";

/** Built-in targets by name, with the id the preference model knows them by. */
export const BUILT_IN_TARGETS: Readonly<
  Record<string, { readonly curve: Curve; readonly id: "harman-in-ear-2019v2" }>
> = {
  "harman-in-ear-2019v2": { curve: harmanInEar2019v2, id: "harman-in-ear-2019v2" },
};

/** A target by built-in name or file. */
export async function readTarget(nameOrFile: string): Promise<{ curve: Curve; builtIn: boolean }> {
  const builtIn = BUILT_IN_TARGETS[nameOrFile];
  return builtIn
    ? { curve: builtIn.curve, builtIn: true }
    : { curve: await readMeasurementFile(nameOrFile), builtIn: false };
}

/**
 * A measurement file as it is, or a design (.json, .yaml) simulated at `frequencies` and read at its
 * drum probe (else its first acoustic probe): a simulated design is a curve like any other.
 */
export async function readCurve(
  input: string,
  frequencies: readonly number[],
  column?: string,
): Promise<{ curve: Curve; isDesign: boolean }> {
  const extension = extname(input).toLowerCase();
  if (extension === ".json" || extension === ".yaml" || extension === ".yml") {
    const design = await readDesignFile(input);
    let result;
    try {
      result = simulate(design, { frequencies });
    } catch (error) {
      if (error instanceof TympanError) throw new TympanError(error.issues, input);
      throw error;
    }
    const acoustic = Object.entries(result.probes).filter(
      ([, probe]) => probe.domain === "acoustic",
    );
    const chosen = acoustic.find(([id]) => id === "drum") ?? acoustic[0];
    if (chosen === undefined) {
      throw usageError(
        `${input}: the design has no acoustic probe to read; add one, e.g. { "id": "drum", "node": "drum" }`,
      );
    }
    const named = (design as { name?: unknown }).name;
    const name = typeof named === "string" ? named : input;
    return {
      curve: {
        kind: "response",
        frequencyHz: result.frequencyHz,
        values: chosen[1].db,
        name: `${name} (${chosen[0]})`,
      },
      isDesign: true,
    };
  }
  return {
    curve: await readMeasurementFile(input, column !== undefined ? { column } : {}),
    isDesign: false,
  };
}
