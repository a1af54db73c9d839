import type { Curve } from "../core/curve.js";
import { csvField } from "../core/csv.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { TympanError, inSource } from "../core/issues.js";
import { interpolateLogFrequency } from "./interpolate.js";
import { type Normalization, normalize } from "./normalize.js";
import { preferenceRating } from "./preferenceRating.js";
import { smoothFractionalOctave } from "./smoothFractionalOctave.js";

/** The common grid of a comparison: 1/48 octave from 20 Hz to 20 kHz (481 points). */
export const COMPARE_GRID_HZ: readonly number[] = Object.freeze(
  Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points: 481 })),
);

/** One curve to compare: a measurement or a simulated design, with its drivers' shares if wanted. */
export interface CompareInput {
  /** What the user gave (a file path or a design name): for messages and the baseline choice. */
  readonly label: string;
  readonly curve: Curve;
  /** Per-driver shares of a multi-driver design, drawn with it and moved by its normalisation. */
  readonly shares?: readonly Curve[];
}

export interface CompareOptions {
  /** The target every curve is rated against and shown with. */
  readonly target: Curve;
  /** How every curve (and the target) is levelled for display; default 0 dB at 500 Hz. */
  readonly normalization?: Normalization;
  /** Fractional-octave smoothing for display, e.g. 1/12 (ratings use the raw curves); default none. */
  readonly smoothingFraction?: number;
  /** The index of the input every curve is shown relative to; default none. */
  readonly baseline?: number;
}

/** The defaults of compareCurves. */
export const COMPARE_DEFAULTS = { normalization: { at: 500 } } as const satisfies Pick<
  CompareOptions,
  "normalization"
>;

/** One compared curve, on the comparison's grid. */
export interface ComparedCurve {
  readonly label: string;
  /** The curve's own name, else its label. */
  readonly name: string;
  /** In-ear preference rating against the target; undefined when the curve does not cover 20 Hz–10 kHz. */
  readonly rating: number | undefined;
  /** "name (PPR 89.1)": for legends and CSV headers. */
  readonly legend: string;
  /** Normalised (and smoothed) level in dB, relative to the baseline when there is one. */
  readonly levelDb: readonly number[];
  /** Normalised level minus the normalised target in dB (never relative to the baseline). */
  readonly deviationDb: readonly number[];
  /** Per-driver shares, shifted by their design's normalisation offset (and the baseline). */
  readonly shares: readonly { readonly name: string; readonly levelDb: readonly number[] }[];
}

/** A comparison: every curve and the target on one grid, with ratings. */
export interface Comparison {
  /** The grid, COMPARE_GRID_HZ. */
  readonly grid: readonly number[];
  readonly curves: readonly ComparedCurve[];
  readonly target: { readonly name: string; readonly levelDb: readonly number[] };
  /** The curves' ratings, in input order (undefined where a curve could not be rated). */
  readonly ratings: readonly (number | undefined)[];
  /** The baseline's index in `curves`, when there is one. */
  readonly baseline: number | undefined;
  /** "normalised to 0 dB at 500 Hz, 1/12-octave smoothing": what was done for display. */
  readonly description: string;
}

/**
 * Overlays curves with a target (squig.link's graph, as data): each curve is rated against the target
 * with the in-ear preference model on its raw values; for display it is smoothed (optional),
 * normalised, put on the common 1/48-octave grid (COMPARE_GRID_HZ, log-interpolated), and shown
 * relative to a baseline curve if one is given, with its deviation from the equally normalised target.
 *
 * @throws TympanError naming the input when a curve is not a response or cannot be normalised (e.g.
 *   it does not reach the normalisation frequency); a curve that cannot be rated is kept unrated.
 */
export function compareCurves(
  inputs: readonly CompareInput[],
  options: CompareOptions,
): Comparison {
  const normalization = options.normalization ?? COMPARE_DEFAULTS.normalization;
  const fraction = options.smoothingFraction;
  const grid = COMPARE_GRID_HZ;
  const smooth = (curve: Curve) =>
    fraction === undefined ? curve : smoothFractionalOctave(curve, fraction);
  const targetLevel = interpolateLogFrequency(normalize(options.target, normalization), grid);
  const baseline = options.baseline;
  if (baseline !== undefined && (baseline < 0 || baseline >= inputs.length)) {
    throw new TympanError([
      {
        severity: "error",
        code: "invalid-value",
        path: ["baseline"],
        message: `the baseline is curve ${baseline}, but there are ${inputs.length} curves; give the index of one of them`,
      },
    ]);
  }
  const prepared = inputs.map((input) =>
    inSource(input.label, () => {
      if (input.curve.kind !== "response") {
        throw new TympanError([
          {
            severity: "error",
            code: "not-a-response",
            path: [],
            message: "is an impedance curve; a comparison takes frequency responses",
          },
        ]);
      }
      const rating = ratingOrUndefined(input.curve, options.target);
      const smoothed = smooth(input.curve);
      const normalised = normalize(smoothed, normalization);
      // A driver's share moves with its design: by the design's own normalisation offset.
      const offsetDb = normalised.values[0]! - smoothed.values[0]!;
      const level = interpolateLogFrequency(normalised, grid);
      const shares = (input.shares ?? []).map((share) => ({
        name: share.name ?? "driver",
        levelDb: interpolateLogFrequency(smooth(share), grid).map((value) => value + offsetDb),
      }));
      return { input, rating, level, shares };
    }),
  );
  const reference = baseline === undefined ? undefined : prepared[baseline]!.level;
  const relative = (values: readonly number[]) =>
    reference === undefined ? [...values] : values.map((value, i) => value - reference[i]!);
  const curves = prepared.map(({ input, rating, level, shares }): ComparedCurve => {
    const name = input.curve.name ?? input.label;
    return {
      label: input.label,
      name,
      rating,
      legend: `${name}${rating === undefined ? "" : ` (PPR ${rating.toFixed(1)})`}`,
      levelDb: relative(level),
      deviationDb: level.map((value, i) => value - targetLevel[i]!),
      shares: shares.map((share) => ({ name: share.name, levelDb: relative(share.levelDb) })),
    };
  });
  return {
    grid,
    curves,
    target: { name: options.target.name ?? "target", levelDb: relative(targetLevel) },
    ratings: curves.map((curve) => curve.rating),
    baseline,
    description: describeDisplay(normalization, fraction),
  };
}

/**
 * A comparison as CSV: frequency_hz (0.01 Hz), then each curve (headed by its legend) and the target
 * in dB (0.001 dB), as shown (normalised, smoothed, relative to the baseline). Names are CSV fields.
 */
export function comparisonCsv(comparison: Comparison): string {
  const header = [
    "frequency_hz",
    ...comparison.curves.map((curve) => curve.legend),
    comparison.target.name,
  ]
    .map(csvField)
    .join(",");
  const columns = [...comparison.curves.map((curve) => curve.levelDb), comparison.target.levelDb];
  const rows = comparison.grid.map((f, i) =>
    [f.toFixed(2), ...columns.map((column) => column[i]!.toFixed(3))].join(","),
  );
  return `${[header, ...rows].join("\n")}\n`;
}

/** "normalised to 0 dB at 500 Hz, 1/12-octave smoothing". */
function describeDisplay(normalization: Normalization, fraction: number | undefined): string {
  const how =
    normalization === "midband"
      ? "to the 300–3000 Hz mean"
      : normalization === "loudness"
        ? "by loudness"
        : `to ${normalization.level ?? 0} dB at ${normalization.at} Hz`;
  const smoothing =
    fraction === undefined ? "" : `, 1/${Math.round(1 / fraction)}-octave smoothing`;
  return `normalised ${how}${smoothing}`;
}

/** The in-ear rating, or undefined for a curve the model cannot rate (e.g. not covering 20 Hz–10 kHz). */
function ratingOrUndefined(curve: Curve, target: Curve): number | undefined {
  try {
    return preferenceRating(curve, target).ppr;
  } catch (error) {
    if (!(error instanceof TympanError)) throw error;
    return undefined;
  }
}
