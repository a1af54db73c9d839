import type { Curve } from "../core/curve.js";
import { formatHz } from "../core/format.js";
import { type Issue, TympanError } from "../core/issues.js";
import { averageChannels } from "./averageChannels.js";
import { channelImbalance } from "./channelImbalance.js";

/** One device's curve from its channels, with what the user should hear about them. */
export interface CombinedChannels {
  readonly curve: Curve;
  readonly warnings: readonly Issue[];
}

/**
 * One device's curve from the channels found for it, as graph databases hold them (`<file> L.txt`,
 * `<file> R.txt`): a single channel as it is, left and right averaged in amplitude (averageChannels).
 * Left and right that differ beyond the imbalance threshold (channelImbalance, 100 Hz–10 kHz) give a
 * "channel-imbalance" warning naming the worst frequency and the louder side. The curve takes `name`.
 *
 * @throws TympanError when no channel is given, or when the two cannot be averaged.
 */
export function combineChannels(
  name: string,
  channels: { readonly left?: Curve; readonly right?: Curve },
): CombinedChannels {
  const { left, right } = channels;
  if (left !== undefined && right !== undefined) {
    const imbalance = channelImbalance(left, right);
    const warnings: Issue[] =
      imbalance.bands.length === 0
        ? []
        : [
            {
              severity: "warning",
              code: "channel-imbalance",
              path: [],
              message: `${name}: the channels differ by up to ${Math.abs(imbalance.maxDifferenceDb).toFixed(1)} dB (at ${formatHz(imbalance.atHz)}, ${imbalance.maxDifferenceDb > 0 ? "left" : "right"} louder) between 100 Hz and 10 kHz`,
            },
          ];
    return { curve: { ...averageChannels(left, right), name }, warnings };
  }
  const only = left ?? right;
  if (only === undefined) {
    throw new TympanError([
      {
        severity: "error",
        code: "empty-average",
        path: [],
        message: `${name}: no channels to average`,
      },
    ]);
  }
  return { curve: { ...only, name }, warnings: [] };
}
