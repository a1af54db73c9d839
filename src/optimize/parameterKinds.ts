import type { ElementType } from "../elements/registry.js";
import {
  STOCK_DAMPER_RATINGS,
  STOCK_TUBING_INNER_DIAMETERS_MM,
  TUBE_LENGTH_STEP_M,
} from "../catalogue/stock/stockParts.js";

/**
 * What a tunable parameter is, for its default search bounds and the values it can be bought in:
 * crossover parts (E24 resistors, E12 capacitors and inductors), damper ratings (the stock list),
 * tube lengths (0.5 mm steps) and bores (stock tubing); anything else is continuous.
 */
export type ParameterKind =
  | "resistance"
  | "capacitance"
  | "inductance"
  | "damper"
  | "tubeLength"
  | "tubeRadius"
  | "continuous";

/** The kind of `parameter` of an element of type `type`. */
export function parameterKind(type: ElementType, parameter: string): ParameterKind {
  if (type === "resistor" && parameter === "resistance") return "resistance";
  if (type === "capacitor" && parameter === "capacitance") return "capacitance";
  if (type === "inductor" && parameter === "inductance") return "inductance";
  if (type === "damper" && parameter === "ratingCgsOhm") return "damper";
  if (type === "tube" && parameter === "length") return "tubeLength";
  if (type === "tube" && parameter === "radius") return "tubeRadius";
  return "continuous";
}

const STOCK_RADII_M = STOCK_TUBING_INNER_DIAMETERS_MM.map((entry) => entry.value * 0.5e-3);

/**
 * Search bounds of a parameter now at `value` when the user gives none: a decade either side for
 * crossover parts (the range a builder would try), the stock list's span for dampers and bores,
 * 0.5–30 mm for a tube (longer does not fit a shell), and a factor 4 either side otherwise. The
 * bounds always contain `value`.
 */
export function defaultBounds(kind: ParameterKind, value: number): [number, number] {
  const around = (factor: number): [number, number] => [value / factor, value * factor];
  const spanning = (low: number, high: number): [number, number] => [
    Math.min(low, value),
    Math.max(high, value),
  ];
  switch (kind) {
    case "resistance":
    case "capacitance":
    case "inductance":
      return around(10);
    case "damper": {
      const ratings = STOCK_DAMPER_RATINGS.valuesCgsOhm;
      return spanning(ratings[0]!, ratings[ratings.length - 1]!);
    }
    case "tubeLength":
      return spanning(TUBE_LENGTH_STEP_M.value, 30e-3);
    case "tubeRadius":
      return spanning(STOCK_RADII_M[0]!, STOCK_RADII_M[STOCK_RADII_M.length - 1]!);
    case "continuous":
      return around(4);
  }
}

/** The name of the values a kind snaps to, for messages ("E24", "stock dampers", …). */
export const PURCHASABLE_NAME: Readonly<Record<ParameterKind, string>> = {
  resistance: "E24",
  capacitance: "E12",
  inductance: "E12",
  damper: "stock damper ratings",
  tubeLength: "0.5 mm steps",
  tubeRadius: "stock tubing bores",
  continuous: "continuous",
};

/** Stock tubing radii in m, ascending (STOCK_TUBING_INNER_DIAMETERS_MM halved). */
export const STOCK_TUBING_RADII_M: readonly number[] = STOCK_RADII_M;
