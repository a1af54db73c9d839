/**
 * What an EQ fit may use: a list of filter slots (one per filter the device or app offers), each with
 * its type and either a fixed value or an allowed range for fc, Q and gain, plus a limit on the total
 * boost. Device presets (devicePresets.ts) are data of this shape.
 */
import { TympanError, type Issue, isNonEmpty } from "../core/issues.js";
import type { BiquadType } from "./biquad.js";

/** An allowed interval, both ends included. */
export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

/** One filter the fit places: fixed values are numbers, free ones ranges. */
export interface FilterSlot {
  readonly type: BiquadType;
  /** Centre or corner frequency, Hz. */
  readonly fcHz: number | ValueRange;
  readonly q: number | ValueRange;
  /** Gain, dB: always fitted, within this range. */
  readonly gainDb: ValueRange;
}

export interface EqConstraints {
  readonly slots: readonly FilterSlot[];
  /**
   * Maximum total boost, dB: the summed EQ curve (every filter's response in dB, added) may not
   * exceed this anywhere on the fit grid (20 Hz–20 kHz). The preamp then is −(its maximum).
   */
  readonly maxBoostDb: number;
}

/**
 * Limits of AutoEq's default parametric EQ, the community reference (jaakkopasanen/AutoEq,
 * autoeq/constants.py): peaking fc 20 Hz–10 kHz, Q 0.18248–6 (0.182479 is a 5-octave bandwidth),
 * gain ±20 dB; its default configuration puts a low shelf at 105 Hz and a high shelf at 10 kHz, both
 * Q 0.7, and limits boosts to +6 dB (DEFAULT_MAX_GAIN).
 */
export const AUTOEQ_PEAKING_LIMITS = {
  fcHz: { min: 20, max: 10_000 },
  q: { min: 0.18248, max: 6 },
  gainDb: { min: -20, max: 20 },
} as const;

export const AUTOEQ_MAX_BOOST_DB = 6;

/** A peaking slot with free fc, Q and gain within `limits` (AutoEq's by default). */
export function peakingSlot(
  limits: { fcHz: ValueRange; q: ValueRange; gainDb: ValueRange } = AUTOEQ_PEAKING_LIMITS,
): FilterSlot {
  return { type: "peaking", fcHz: limits.fcHz, q: limits.q, gainDb: limits.gainDb };
}

/** A slot whose fc and Q are fixed and whose gain is free within `gainDb`. */
export function fixedSlot(
  type: BiquadType,
  fcHz: number,
  q: number,
  gainDb: ValueRange = AUTOEQ_PEAKING_LIMITS.gainDb,
): FilterSlot {
  return { type, fcHz, q, gainDb };
}

/**
 * AutoEq's default structure with `filterCount` filters: a low shelf at 105 Hz and a high shelf at
 * 10 kHz (Q 0.7, gains free) and `filterCount − 2` free peaking filters; with fewer than three filters
 * there is no room for both shelves and every filter is peaking.
 */
export function parametricConstraints(
  filterCount = 10,
  maxBoostDb: number = AUTOEQ_MAX_BOOST_DB,
): EqConstraints {
  const peaking = Array.from({ length: filterCount }, () => peakingSlot());
  const slots =
    filterCount >= 3
      ? [
          fixedSlot("low-shelf", 105, 0.7),
          fixedSlot("high-shelf", 10_000, 0.7),
          ...peaking.slice(2),
        ]
      : peaking;
  return { slots, maxBoostDb };
}

/** Lowest and highest value a slot's parameter may take. */
export function rangeOf(value: number | ValueRange): ValueRange {
  return typeof value === "number" ? { min: value, max: value } : value;
}

/**
 * Checks constraints against a sample rate: ranges ordered, fc below Nyquist, Q positive, finite
 * numbers, at least one slot.
 *
 * @throws TympanError listing every problem.
 */
export function checkConstraints(constraints: EqConstraints, sampleRateHz: number): void {
  const issues: Issue[] = [];
  if (constraints.slots.length === 0) {
    issues.push({
      severity: "error",
      code: "no-eq-filters",
      path: ["slots"],
      message: "the EQ has no filters to fit; give at least one (e.g. --filters 10)",
    });
  }
  if (!Number.isFinite(constraints.maxBoostDb) || constraints.maxBoostDb < 0) {
    issues.push({
      severity: "error",
      code: "invalid-max-boost",
      path: ["maxBoostDb"],
      message: `maximum boost ${constraints.maxBoostDb} dB: give a finite number ≥ 0 (e.g. 6)`,
    });
  }
  constraints.slots.forEach((slot, index) => {
    const check = (name: "fcHz" | "q" | "gainDb", low: number, high: number, unit: string) => {
      const { min, max } = rangeOf(slot[name]);
      if (!Number.isFinite(min) || !Number.isFinite(max) || min > max || min < low || max > high) {
        issues.push({
          severity: "error",
          code: "invalid-eq-slot",
          path: ["slots", index, name],
          message: `filter ${index + 1} (${slot.type}): ${name} ${min === max ? min : `${min}–${max}`}${unit} is outside ${low}–${high}${unit} or not an ordered range`,
        });
      }
    };
    check("fcHz", Number.MIN_VALUE, (sampleRateHz / 2) * 0.999, " Hz");
    check("q", 0.01, 100, "");
    check("gainDb", -40, 40, " dB");
  });
  if (isNonEmpty(issues)) throw new TympanError(issues);
}
