import type { Curve } from "../core/curve.js";
import { type Issue, type Result, TympanError } from "../core/issues.js";
import type { Channel } from "../measurements/channels.js";
import {
  type ParseMeasurementOptions,
  tryParseMeasurement,
} from "../measurements/parseMeasurement.js";
import { averageChannels } from "./averageChannels.js";

/** Options of parseMeasurementChannel: the reader's, with the channel of a stereo file. */
export interface MeasurementChannelOptions extends Omit<ParseMeasurementOptions, "channel"> {
  /**
   * The channel of a file whose header names "Left" and "Right" columns: one of them, or "average"
   * (their amplitude mean, as graph tools average L and R). Default: the left, with a note.
   */
  readonly channel?: Channel;
}

/**
 * tryParseMeasurement with a channel choice for stereo files ("Frequency,Left,Right"): "left" or
 * "right" reads that column; "average" reads both and averages them in amplitude,
 * 20·log10((10^(L/20) + 10^(R/20)) / 2) (averageChannels), keeping the file's name for the curve.
 * A file without left and right columns is an error when a channel is asked for. Never throws.
 */
export function tryParseMeasurementChannel(
  text: string,
  options: MeasurementChannelOptions = {},
): Result<Curve> {
  const { channel, ...rest } = options;
  if (channel !== "average") {
    return tryParseMeasurement(text, { ...rest, ...(channel === undefined ? {} : { channel }) });
  }
  const left = tryParseMeasurement(text, { ...rest, channel: "left" });
  if (!left.ok) return left;
  const right = tryParseMeasurement(text, { ...rest, channel: "right" });
  if (!right.ok) return right;
  let averaged: Curve;
  try {
    averaged = averageChannels(left.value, right.value);
  } catch (error) {
    if (error instanceof TympanError) return { ok: false, issues: error.issues };
    throw error;
  }
  const seen = new Set<string>();
  const warnings: Issue[] = [];
  for (const warning of [...(left.warnings ?? []), ...(right.warnings ?? [])]) {
    if (seen.has(warning.message)) continue;
    seen.add(warning.message);
    warnings.push(warning);
  }
  warnings.push({
    severity: "note",
    code: "channels-averaged",
    path: [],
    message: "averaged the left and right channels in amplitude, as asked",
  });
  const name = left.value.name;
  return {
    ok: true,
    value: { ...averaged, ...(name === undefined ? {} : { name }) },
    warnings,
  };
}

/** tryParseMeasurementChannel, throwing one TympanError listing every problem. */
export function parseMeasurementChannel(
  text: string,
  options: MeasurementChannelOptions = {},
): Curve {
  const result = tryParseMeasurementChannel(text, options);
  if (!result.ok) throw new TympanError(result.issues, options.source);
  return result.value;
}
