// Showing SI values in the unit a builder thinks in: 0.68 µF, not 6.8e-7 F. The scale is chosen once
// per parameter from its value, so the field does not jump between units while it is being edited.

/** A unit to show: its label and how many SI units one of it is. */
export interface DisplayUnit {
  readonly label: string;
  readonly factor: number;
}

/** Prefixed units per SI unit, largest first (only units with a conventional prefix ladder). */
const LADDERS: Readonly<Record<string, readonly DisplayUnit[]>> = {
  F: [
    { label: "µF", factor: 1e-6 },
    { label: "nF", factor: 1e-9 },
    { label: "pF", factor: 1e-12 },
  ],
  H: [
    { label: "H", factor: 1 },
    { label: "mH", factor: 1e-3 },
    { label: "µH", factor: 1e-6 },
  ],
  m: [
    { label: "m", factor: 1 },
    { label: "mm", factor: 1e-3 },
    { label: "µm", factor: 1e-6 },
  ],
  "m³": [
    { label: "cm³", factor: 1e-6 },
    { label: "mm³", factor: 1e-9 },
  ],
  "m²": [
    { label: "cm²", factor: 1e-4 },
    { label: "mm²", factor: 1e-6 },
  ],
  kg: [
    { label: "g", factor: 1e-3 },
    { label: "mg", factor: 1e-3 * 1e-3 },
  ],
};

/**
 * The smallest number a unit shows before the next smaller prefix takes over: 1, except capacitors,
 * which builders write as 0.68 µF or 0.15 µF (as the reference designs' descriptions do).
 */
const SMALLEST_SHOWN: Readonly<Record<string, number>> = { F: 0.1 };

/** The unit to show `value` (in `siUnit`) in: the largest prefix that keeps it ≥ 1 (0.1 for F). */
export function displayUnit(siUnit: string, value: number): DisplayUnit {
  const ladder = LADDERS[siUnit];
  if (ladder === undefined || !Number.isFinite(value) || value === 0) {
    return { label: siUnit, factor: 1 };
  }
  const magnitude = Math.abs(value);
  const smallest = SMALLEST_SHOWN[siUnit] ?? 1;
  return (
    ladder.find((unit) => magnitude >= smallest * unit.factor * (1 - 1e-9)) ??
    ladder[ladder.length - 1]!
  );
}

/**
 * A value in a display unit as the input shows it. The decimal exponent is shifted in the text
 * (6.8e-7 F → "6.8e-1" → 0.68 µF), not multiplied, so no binary noise such as 0.6799999999999999
 * appears. Twelve significant digits hide the noise a design computed its values with
 * (2.5000000000000002e-8 m³ shows as 25 mm³); the design keeps its value until the field is edited.
 */
export function toDisplay(valueSi: number, unit: DisplayUnit): string {
  return String(Number(shiftDecimal(valueSi, -powerOfTen(unit)).toPrecision(12)));
}

/** The SI value of what the user typed in a display unit; undefined when it is not a number. */
export function fromDisplay(text: string, unit: DisplayUnit): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  return shiftDecimal(value, powerOfTen(unit));
}

function powerOfTen(unit: DisplayUnit): number {
  return Math.round(Math.log10(unit.factor));
}

/** value · 10^power, computed on the shortest decimal text of value, so it rounds once. */
function shiftDecimal(value: number, power: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + power}`);
}
