import { STOCK_DAMPER_RATINGS, TUBE_LENGTH_STEP_M } from "../catalogue/stock/stockParts.js";
import { type ParameterKind, STOCK_TUBING_RADII_M } from "./parameterKinds.js";
import {
  type PreferredSeries,
  nearestInRatio,
  preferredValues,
} from "../catalogue/stock/preferredValues.js";

const SERIES: Partial<Record<ParameterKind, PreferredSeries>> = {
  resistance: "E24",
  capacitance: "E12",
  inductance: "E12",
};

/**
 * The orderable values of a kind nearest `value` (> 0): the largest at or below it and the smallest
 * at or above it (one value when `value` is orderable or beyond the list's end), ascending; empty
 * for a continuous kind. Resistors are E24, capacitors and inductors E12 (IEC 60063), dampers the
 * catalogue's stock ratings, tube lengths multiples of 0.5 mm (at least 0.5 mm), bores stock tubing.
 */
export function purchasableNeighbours(kind: ParameterKind, value: number): number[] {
  const series = SERIES[kind];
  if (series !== undefined)
    return neighbours(preferredValues(series, value / 20, value * 20), value);
  switch (kind) {
    case "damper":
      return neighbours(STOCK_DAMPER_RATINGS.valuesCgsOhm, value);
    case "tubeRadius":
      return neighbours(STOCK_TUBING_RADII_M, value);
    case "tubeLength": {
      const step = TUBE_LENGTH_STEP_M.value;
      // Lengths in whole steps, computed from the step count so 3.5 mm is 0.0035, not 0.0035000000000000005.
      const steps = value / step;
      const low = Math.max(1, Math.floor(steps + 1e-9));
      const high = Math.max(1, Math.ceil(steps - 1e-9));
      const asLength = (count: number) => Number((count * step).toPrecision(12));
      return low === high ? [asLength(low)] : [asLength(low), asLength(high)];
    }
    default:
      return [];
  }
}

/** The orderable value of a kind nearest `value` in ratio; `value` itself for a continuous kind. */
export function snapToPurchasable(kind: ParameterKind, value: number): number {
  return nearestInRatio(value, purchasableNeighbours(kind, value));
}

/** The neighbouring orderable values one step below and above `value` on its list (for polishing). */
export function purchasableSteps(kind: ParameterKind, value: number): number[] {
  const below = purchasableNeighbours(kind, value * (1 - 1e-6));
  const above = purchasableNeighbours(kind, value * (1 + 1e-6));
  const lower = below.filter((candidate) => candidate < value * (1 - 1e-9));
  const upper = above.filter((candidate) => candidate > value * (1 + 1e-9));
  return [...lower.slice(-1), ...upper.slice(0, 1)];
}

function neighbours(sorted: readonly number[], value: number): number[] {
  const tolerance = 1e-9;
  const exact = sorted.find((candidate) => Math.abs(candidate / value - 1) < tolerance);
  if (exact !== undefined) return [exact];
  let below: number | undefined;
  let above: number | undefined;
  for (const candidate of sorted) {
    if (candidate < value) below = candidate;
    else if (above === undefined) above = candidate;
  }
  return [below, above].filter((candidate): candidate is number => candidate !== undefined);
}
