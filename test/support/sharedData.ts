import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { it } from "vitest";
import type { Curve } from "../../src/core/curve.js";
import { parseMeasurement } from "../../src/measurements/parseMeasurement.js";

/**
 * The team's shared test data (`../shared/data` beside the checkout: the Harman target CSV, the AKG
 * N400 golden measurement, AutoEq's published result). It is not copied into the project, so a clone
 * elsewhere runs without it: the tests that need it are skipped there, and CI, which always has it,
 * fails loudly if it is missing.
 */
export const SHARED_DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));
export const SHARED_DATA_AVAILABLE = existsSync(SHARED_DATA);

if (!SHARED_DATA_AVAILABLE && process.env.CI) {
  throw new Error(
    `${SHARED_DATA} is missing: CI runs with the team's shared/ folder beside the checkout`,
  );
}

/** `it`, run only where the shared data is present. */
export function itWithSharedData(name: string, test: () => unknown): void {
  it.skipIf(!SHARED_DATA_AVAILABLE)(name, test);
}

export function sharedDataFile(relative: string): string {
  return join(SHARED_DATA, relative);
}

/** A shared measurement file read with the project's own reader (a column of a result CSV if named). */
export function readSharedCurve(relative: string, column?: string): Curve {
  const path = sharedDataFile(relative);
  return parseMeasurement(readFileSync(path, "utf8"), {
    source: path,
    ...(column ? { column } : {}),
  });
}

/** The golden measurement: oratory1990's AKG N400, AutoEq CSV. */
export const AKG_N400 = sharedDataFile("measurements/AKG N400.csv");
