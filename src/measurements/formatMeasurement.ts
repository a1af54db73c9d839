import type { Curve } from "../core/curve.js";

/** How many decimals the writers print; frequencies get more when neighbours would print alike. */
export interface FormatMeasurementOptions {
  /** Decimals of values and phases: default 2 for CSV (AutoEq's), 3 for REW and squig.link text. */
  readonly decimals?: number;
  /** Decimals of frequencies, at least: default 2. */
  readonly frequencyDecimals?: number;
}

const FORMAT_DEFAULTS = { frequencyDecimals: 2 } as const;
const CSV_DECIMALS = 2;
const TEXT_DECIMALS = 3;
/** Frequencies never need more: 1 µHz apart is below any measurement's resolution. */
const MAX_FREQUENCY_DECIMALS = 6;

/**
 * AutoEq-style CSV: "frequency,raw" for a response, "frequency,impedance" for an impedance, plus a
 * "phase" column when the curve has one. AutoEq and squig.link tools read it.
 */
export function formatCsv(curve: Curve, options: FormatMeasurementOptions = {}): string {
  const valueName = curve.kind === "impedance" ? "impedance" : "raw";
  const header = ["frequency", valueName, ...(curve.phaseDeg ? ["phase"] : [])].join(",");
  return [header, ...rows(curve, options, CSV_DECIMALS, ",")].join("\n") + "\n";
}

/** REW-style text export: `*` comments, the column-header comment, space-separated rows. */
export function formatRew(curve: Curve, options: FormatMeasurementOptions = {}): string {
  const valueName = curve.kind === "impedance" ? "Z(Ohms)" : "SPL(dB)";
  const columns = ["Freq(Hz)", valueName, ...(curve.phaseDeg ? ["Phase(degrees)"] : [])];
  const comments = [
    "* Measurement data exported by Tympan",
    ...(curve.name === undefined ? [] : [`* Name: ${curve.name.replace(/[\r\n]+/g, " ")}`]),
    `* ${columns.join(" ")}`,
  ];
  return [...comments, ...rows(curve, options, TEXT_DECIMALS, " ")].join("\n") + "\n";
}

/**
 * squig.link / CrinGraph text: tab-separated rows under the AudioTools header (a blank line, then
 * "Frequency\tdB\tUnweighted"), which graph tools skip as it is not numeric. Impedances and curves with
 * phase name their columns instead.
 */
export function formatSquig(curve: Curve, options: FormatMeasurementOptions = {}): string {
  const header =
    curve.kind === "impedance"
      ? ["Frequency", "Impedance(Ohm)", ...(curve.phaseDeg ? ["Phase(deg)"] : [])]
      : ["Frequency", "dB", curve.phaseDeg ? "Phase(deg)" : "Unweighted"];
  return ["", header.join("\t"), ...rows(curve, options, TEXT_DECIMALS, "\t")].join("\n") + "\n";
}

function rows(
  curve: Curve,
  options: FormatMeasurementOptions,
  defaultDecimals: number,
  delimiter: string,
): string[] {
  const decimals = options.decimals ?? defaultDecimals;
  const frequencyDecimals = distinctDecimals(
    curve.frequencyHz,
    options.frequencyDecimals ?? FORMAT_DEFAULTS.frequencyDecimals,
  );
  return curve.frequencyHz.map((frequencyHz, index) => {
    const cells = [
      fixed(frequencyHz, frequencyDecimals),
      fixed(curve.values[index] ?? Number.NaN, decimals),
    ];
    if (curve.phaseDeg) cells.push(fixed(curve.phaseDeg[index] ?? Number.NaN, decimals));
    return cells.join(delimiter);
  });
}

/**
 * The fewest decimals (from `minimum`) at which every frequency prints above 0 and unlike its
 * neighbours, so the text reads back as a curve.
 */
function distinctDecimals(frequencyHz: readonly number[], minimum: number): number {
  for (let decimals = minimum; decimals < MAX_FREQUENCY_DECIMALS; decimals++) {
    const printed = frequencyHz.map((frequency) => fixed(frequency, decimals));
    const readable = printed.every(
      (text, index) => Number(text) > 0 && (index === 0 || text !== printed[index - 1]),
    );
    if (readable) return decimals;
  }
  return Math.max(minimum, MAX_FREQUENCY_DECIMALS);
}

/** Fixed-point text without a minus sign on a printed zero ("-0.00" reads back as 0 anyway). */
function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
