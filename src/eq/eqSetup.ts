/**
 * What `tympan eq` (and the web app's EQ panel) asks of the library before a fit: the constraints
 * a device preset, a filter count and a boost limit describe.
 */
import { type IssueCode, TympanError, errorIssue } from "../core/issues.js";
import { DEVICE_PRESETS, devicePreset } from "./devicePresets.js";
import { type EqConstraints, parametricConstraints, rangeOf } from "./eqConstraints.js";

export interface EqSetupOptions {
  /** A DEVICE_PRESETS id; "parametric" (AutoEq's default layout) when not given. */
  readonly preset?: string;
  /** Filters of a variable-count preset (2 shelves + N − 2 peaking), 1–30. */
  readonly filterCount?: number;
  /** The summed EQ's limit, dB, 0–MAX_EQ_BOOST_DB (the preset's +6 dB when not given). */
  readonly maxBoostDb?: number;
  /** The sample rate the filters are designed at, Hz (checked against the preset when given). */
  readonly sampleRateHz?: number;
}

export const MAX_EQ_FILTERS = 30;
/**
 * The largest boost limit taken, dB. Illustrative: beyond about 30 dB of boost a preset trades the
 * whole of a 16-bit signal's headroom for one band, which no EQ app offers as a default.
 */
export const MAX_EQ_BOOST_DB = 30;
/** The highest sample rate taken, Hz: 768 kHz, the highest PCM rate audio interfaces offer. */
export const MAX_EQ_SAMPLE_RATE_HZ = 768_000;

function setupError(code: IssueCode, path: string, message: string): TympanError {
  return new TympanError([errorIssue(code, [path], message)]);
}

/**
 * The constraints for a device preset, with its filter count and boost limit replaced when given.
 * Device presets keep their own limits (filter count, types, Q, gain and frequency ranges).
 *
 * @throws TympanError for an unknown preset, a filter count the preset does not allow or outside
 *   1–30, or a boost limit that is not a number ≥ 0; each message says what to give instead.
 */
export function eqConstraintsFor(options: EqSetupOptions = {}): EqConstraints {
  const id = options.preset ?? "parametric";
  const preset = devicePreset(id);
  if (preset === undefined) {
    throw setupError(
      "usage",
      "preset",
      `--preset ${id}: unknown device; choose one of ${DEVICE_PRESETS.map((p) => p.id).join(", ")}`,
    );
  }
  let constraints = preset.constraints;
  if (options.filterCount !== undefined) {
    if (!preset.variableFilterCount) {
      throw setupError(
        "usage",
        "filterCount",
        `--filters: the ${preset.id} preset has a fixed set of ${preset.constraints.slots.length} filters; leave out --filters or use --preset parametric`,
      );
    }
    const count = options.filterCount;
    if (!Number.isInteger(count) || count < 1 || count > MAX_EQ_FILTERS) {
      throw setupError(
        "usage",
        "filterCount",
        `--filters ${count}: give a whole number of filters from 1 to ${MAX_EQ_FILTERS}`,
      );
    }
    constraints = parametricConstraints(count, constraints.maxBoostDb);
  }
  if (options.maxBoostDb !== undefined) {
    const maxBoostDb = options.maxBoostDb;
    if (!Number.isFinite(maxBoostDb) || maxBoostDb < 0 || maxBoostDb > MAX_EQ_BOOST_DB) {
      throw setupError(
        "invalid-max-boost",
        "maxBoostDb",
        `--max-boost ${maxBoostDb}: give a number of dB from 0 to ${MAX_EQ_BOOST_DB}, e.g. 6`,
      );
    }
    constraints = { ...constraints, maxBoostDb };
  }
  if (options.sampleRateHz !== undefined) checkSampleRate(options.sampleRateHz, constraints, id);
  return constraints;
}

/**
 * The sample rate must put Nyquist above every frequency the preset may place a filter at (a filter
 * at or above Nyquist has no response), and stay within MAX_EQ_SAMPLE_RATE_HZ.
 */
function checkSampleRate(sampleRateHz: number, constraints: EqConstraints, presetId: string): void {
  const highestFcHz = Math.max(...constraints.slots.map((slot) => rangeOf(slot.fcHz).max));
  const lowestHz = Math.ceil((2 * highestFcHz) / 0.999);
  if (
    !Number.isFinite(sampleRateHz) ||
    sampleRateHz < lowestHz ||
    sampleRateHz > MAX_EQ_SAMPLE_RATE_HZ
  ) {
    throw setupError(
      "invalid-sample-rate",
      "sampleRateHz",
      `--sample-rate ${sampleRateHz}: the ${presetId} preset places filters up to ${highestFcHz} Hz, so give a sample rate from ${lowestHz} to ${MAX_EQ_SAMPLE_RATE_HZ} Hz, e.g. 48000`,
    );
  }
}
