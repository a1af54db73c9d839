import type { Design } from "../../design/design.js";
import { distortion } from "../../nonlinear/distortion.js";
import { driveForLevel } from "../../nonlinear/driveLevel.js";
import { type MaxSplLimit, maxSplAtThd } from "../../nonlinear/maxSpl.js";
import type { ClaimResult } from "./claims.js";
import { claimDesign, percent } from "./distortionClaims.js";

/*
 * A balanced armature pushed towards saturation: the single-ba design's only receiver (ba-mid, which
 * plays the bass there), its THD at the drum against level, the level where THD passes 1, 3 and
 * 10 % (maxSplAtThd), and which of its two large-signal mechanisms limits it — the magnet's pull
 * across the gaps (magneticStiffness1…4: the tip nearing a pole) or the armature's saturation
 * (transduction1…2: T(x) falling). Each is found by taking the other out of the design.
 * The curves are illustrative (parts/armatureLargeSignalParts.ts).
 */

/** The design and its receiver's element id. */
const DESIGN = "single-ba";
const RECEIVER_ID = "ba";
/** Fundamentals: the bass, where the armature moves most for a level, and 1 kHz. */
export const ARMATURE_CLAIM_FREQUENCIES = [100, 1000];
/** Levels at the drum (dB SPL) THD is computed at, each set at its own frequency. */
export const ARMATURE_CLAIM_LEVELS_DB = [94, 104, 114];
/** The THD limits datasheets quote (%). */
export const ARMATURE_CLAIM_THD_LIMITS = [1, 3, 10];

/** dB from 3 % to 10 % THD if THD grew as the square of the level (a cubic term alone). */
export const CUBIC_THREE_TO_TEN_DB = 10 * Math.log10(10 / 3);

const MAGNET = [1, 2, 3, 4].map((k) => `magneticStiffness${k}`);
const SATURATION = [1, 2, 3, 4].map((k) => `transduction${k}`);

/** The design with the receiver's named large-signal coefficients removed (set to zero). */
function without(design: Design, keys: readonly string[]): Design {
  return {
    ...design,
    elements: design.elements.map((element) =>
      element.id !== RECEIVER_ID
        ? element
        : Object.fromEntries(Object.entries(element).filter(([key]) => !keys.includes(key))),
    ) as Design["elements"],
  };
}

/** THD (%) at the drum at `levelDb` set at `frequencyHz` itself. */
function thdAt(design: Design, frequencyHz: number, levelDb: number): number {
  const voltageRms = driveForLevel(design, { levelDb, frequencyHz });
  return distortion(design, { frequencies: [frequencyHz], voltageRms }).probes.drum!.thdPercent[0]!;
}

/**
 * "A balanced armature saturates when pushed": the single-ba design's receiver, THD at the drum
 * at 94, 104 and 114 dB (set at 100 Hz and at 1 kHz), the maximum level at 1, 3 and 10 % THD, and at the
 * highest level the THD with only the magnet's nonlinearity and with only the saturation. Holds
 * when, at every frequency, THD reaches 10 % (before the curves or the 100 V drive run out) and climbs
 * from 3 to 10 % in fewer dB than weak nonlinearity's cubic term alone would take
 * (THD ∝ p²: 10·log10(10/3) ≈ 5.2 dB): the receiver runs into a wall, not a slope.
 */
export function armatureSaturationClaim(): ClaimResult<{
  readonly frequencyHz: readonly number[];
  readonly levelDb: readonly number[];
  /** Per frequency, THD (%) per level. */
  readonly thdPercent: readonly (readonly number[])[];
  /** THD limit (as a key) → per frequency, the level (dB) where THD reaches it. */
  readonly maxLevelDb: Readonly<Record<string, readonly number[]>>;
  readonly limitedBy: Readonly<Record<string, readonly MaxSplLimit[]>>;
  /** Per frequency, THD (%) at the highest level with only the magnet's pull / only saturation. */
  readonly magnetOnlyThdPercent: readonly number[];
  readonly saturationOnlyThdPercent: readonly number[];
  /** Per frequency, the mechanism whose THD alone is the larger at the highest level. */
  readonly limitingMechanism: readonly ("magnet's pull" | "armature saturation")[];
  /** Per frequency, dB from THD 3 % to THD 10 %. */
  readonly threeToTenPercentDb: readonly number[];
}> {
  const design = claimDesign(DESIGN);
  const frequencyHz = ARMATURE_CLAIM_FREQUENCIES;
  const levelDb = ARMATURE_CLAIM_LEVELS_DB;
  const thdPercent = frequencyHz.map((f) => levelDb.map((level) => thdAt(design, f, level)));
  const maxLevelDb: Record<string, number[]> = {};
  const limitedBy: Record<string, MaxSplLimit[]> = {};
  for (const limit of ARMATURE_CLAIM_THD_LIMITS) {
    const found = maxSplAtThd(design, { frequencies: frequencyHz, thdPercent: limit });
    maxLevelDb[limit] = found.levelDb;
    limitedBy[limit] = found.limitedBy;
  }
  const top = levelDb[levelDb.length - 1]!;
  const magnetOnlyThdPercent = frequencyHz.map((f) => thdAt(without(design, SATURATION), f, top));
  const saturationOnlyThdPercent = frequencyHz.map((f) => thdAt(without(design, MAGNET), f, top));
  const limitingMechanism = frequencyHz.map((_, j) =>
    magnetOnlyThdPercent[j]! > saturationOnlyThdPercent[j]!
      ? ("magnet's pull" as const)
      : ("armature saturation" as const),
  );
  const threeToTenPercentDb = frequencyHz.map((_, j) => maxLevelDb[10]![j]! - maxLevelDb[3]![j]!);
  const side = (f: number, j: number) =>
    `${f} Hz: THD ${levelDb.map((level, i) => `${percent(thdPercent[j]![i]!)} at ${level}`).join(", ")} dB; ` +
    `1/3/10 % reached at ${ARMATURE_CLAIM_THD_LIMITS.map((limit) => maxLevelDb[limit]![j]!.toFixed(1)).join(" / ")} dB ` +
    `(3→10 % in ${threeToTenPercentDb[j]!.toFixed(1)} dB, a cubic alone takes ${CUBIC_THREE_TO_TEN_DB.toFixed(1)}); ` +
    `at ${top} dB the magnet's pull alone gives ${percent(magnetOnlyThdPercent[j]!)}, saturation alone ${percent(saturationOnlyThdPercent[j]!)}: ${limitingMechanism[j]} limits it`;
  return {
    claim:
      "A balanced armature distorts steeply when pushed to its limit (single-ba's ba-mid, THD at the drum against level; which mechanism limits it)",
    holds: frequencyHz.every(
      (_, j) => limitedBy[10]![j] === "thd" && threeToTenPercentDb[j]! < CUBIC_THREE_TO_TEN_DB,
    ),
    figures: {
      frequencyHz,
      levelDb,
      thdPercent,
      maxLevelDb,
      limitedBy,
      magnetOnlyThdPercent,
      saturationOnlyThdPercent,
      limitingMechanism,
      threeToTenPercentDb,
    },
    summary: frequencyHz.map(side).join("; "),
  };
}
