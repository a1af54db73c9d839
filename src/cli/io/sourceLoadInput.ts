import {
  type SourceLoad,
  loadFromDesign,
  loadFromMeasurement,
  parseSensitivity,
  TympanError,
} from "../../index.js";
import { isDesignInput, isUnknownName, loadDesign, unknownNameError } from "./designInput.js";
import { readMeasurementFile } from "./measurementFile.js";

/** How a measured IEM is described besides its impedance file (the flags of spec and source). */
export interface MeasuredIemOptions {
  /** The sensitivity at 1 kHz as written on a spec sheet: "110 dB/mW" or "118 dB/V". */
  readonly sensitivity?: string;
  /** A frequency-response measurement file for the shape (set to the sensitivity at 1 kHz). */
  readonly response?: string;
}

function usage(flag: string | undefined, message: string): TympanError {
  return new TympanError([
    { severity: "error", code: "usage", path: flag === undefined ? [] : [flag], message },
  ]);
}

/**
 * The load source matching and the spec sheet work on, from what a user names: a design (built-in
 * name or .json/.yaml file, simulated by loadFromDesign) or an impedance measurement file with its
 * sensitivity (and optionally a response file, by loadFromMeasurement). The impedance file is read
 * first, so a missing file is reported as missing rather than as a missing --sensitivity. Errors
 * name the file or flag (TympanError).
 */
export async function readSourceLoad(
  input: string,
  options: MeasuredIemOptions = {},
): Promise<SourceLoad> {
  if (await isUnknownName(input)) {
    throw unknownNameError(
      input,
      "a .json/.yaml design file or an impedance file with --sensitivity",
    );
  }
  if (await isDesignInput(input)) {
    if (options.sensitivity !== undefined || options.response !== undefined) {
      throw usage(
        options.sensitivity !== undefined ? "--sensitivity" : "--response",
        `--sensitivity and --response describe a measured IEM; ${input} is a design, whose sensitivity is simulated`,
      );
    }
    const { design, name } = await loadDesign(input);
    return inFile(input, () => loadFromDesign(design, name));
  }
  const impedance = await readMeasurementFile(input);
  if (options.sensitivity === undefined) {
    throw usage(
      undefined,
      `${input} is a measurement: give its sensitivity at 1 kHz with --sensitivity, e.g. --sensitivity "110 dB/mW"`,
    );
  }
  const sensitivity = parseSensitivity(options.sensitivity);
  if (sensitivity === undefined) {
    throw usage(
      "--sensitivity",
      `${options.sensitivity}: give dB SPL per mW or per V at 1 kHz, e.g. "110 dB/mW" or "118 dB/V"`,
    );
  }
  const response =
    options.response === undefined ? undefined : await readMeasurementFile(options.response);
  return inFile(input, () => loadFromMeasurement(impedance, sensitivity, response));
}

/** Runs `work`; a TympanError it throws comes back naming `source`, the file the problem is in. */
function inFile<T>(source: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TympanError) throw new TympanError(error.issues, source);
    throw error;
  }
}
