import type { Curve } from "../core/curve.js";
import { onCommonGrid } from "./commonGrid.js";

/**
 * The average of two channels in amplitude, 20·log10((10^(L/20) + 10^(R/20)) / 2) (docs/measurements.md §2,
 * as graph tools average L and R), on the union of both grids over their common range. The phase is
 * dropped; the name is "<left> + <right> average" when both are named.
 *
 * @throws TympanError when either curve is not a usable response (impedance, empty, unsorted,
 *   non-finite) or the two do not overlap in frequency.
 */
export function averageChannels(left: Curve, right: Curve): Curve {
  const grid = onCommonGrid(left, right, "channel averaging");
  const values = grid.frequencyHz.map((_, i) => {
    const l = grid.left[i] as number;
    const r = grid.right[i] as number;
    // Factor out the louder channel so that neither amplitude under- or overflows.
    const top = Math.max(l, r);
    return top + 20 * Math.log10((10 ** ((l - top) / 20) + 10 ** ((r - top) / 20)) / 2);
  });
  const name =
    left.name !== undefined && right.name !== undefined
      ? { name: `${left.name} + ${right.name} average` }
      : {};
  return { kind: "response", frequencyHz: grid.frequencyHz, values, ...name };
}
