import type { Design } from "../../design/design.js";
import { distortion } from "../../nonlinear/distortion.js";
import { driveForLevel } from "../../nonlinear/driveLevel.js";
import { referenceDesign } from "../referenceDesigns.js";
import type { ClaimResult } from "./claims.js";

/*
 * The buyer's guides' claims about distortion, computed with harmonic balance on the reference
 * designs, at the figures reviewers publish: THD (H2…H5) at the drum with the fundamental set to
 * 94 or 114 dB SPL at 1 kHz, from 20 Hz to 10 kHz. The drivers' large-signal curves are the
 * catalogue's, all illustrative (parts/dynamicDrivers.ts, parts/armatureLargeSignalParts.ts): the
 * figures compare mechanisms, not products.
 */

/** The fundamentals THD is computed at (reviewers' 20 Hz–10 kHz, a few points per decade). */
export const DISTORTION_CLAIM_FREQUENCIES = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];
/** The levels reviewers publish THD at, dB SPL at the drum at 1 kHz. */
export const DISTORTION_CLAIM_LEVELS_DB = [94, 114] as const;

/** A design's drive for a level at 1 kHz, and its THD at the drum there over the claim frequencies. */
export interface LevelDistortion {
  /** V rms at the design's source putting the drum's fundamental at the level at 1 kHz. */
  readonly voltageRms: number;
  /** THD (%) per frequency of DISTORTION_CLAIM_FREQUENCIES. */
  readonly thdPercent: readonly number[];
}

/** The reference design of that name, or an error naming it. */
export function claimDesign(name: string): Design {
  const entry = referenceDesign(name);
  if (entry === undefined) throw new Error(`no reference design "${name}"`);
  return entry.design;
}

const cache = new Map<string, LevelDistortion>();

/**
 * The drive putting `design`'s drum at `levelDb` (dB SPL) at 1 kHz, and the THD (H2…H5, %) at the
 * drum at that drive over DISTORTION_CLAIM_FREQUENCIES. Remembered by `key` (the reference designs
 * are constants, and several claims compare the same ones).
 */
export function levelDistortion(key: string, design: Design, levelDb: number): LevelDistortion {
  const cacheKey = `${key}@${levelDb}`;
  const known = cache.get(cacheKey);
  if (known !== undefined) return known;
  const voltageRms = driveForLevel(design, { levelDb, frequencyHz: 1000 });
  const thdPercent = distortion(design, { frequencies: DISTORTION_CLAIM_FREQUENCIES, voltageRms })
    .probes.drum!.thdPercent;
  const result = { voltageRms, thdPercent };
  cache.set(cacheKey, result);
  return result;
}

/** THD (%) at the drum per frequency of DISTORTION_CLAIM_FREQUENCIES, the level set at 1 kHz. */
export function thdAtLevel(name: string, levelDb: number): number[] {
  return [...levelDistortion(name, claimDesign(name), levelDb).thdPercent];
}

/** A percentage with two significant figures. */
export const percent = (value: number) => `${value.toPrecision(2)} %`;

/** Level (dB, as a key) → design → THD per frequency (%). */
type ThdTable = Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;

function thdTable(names: readonly string[]): Record<string, Record<string, number[]>> {
  const table: Record<string, Record<string, number[]>> = {};
  for (const level of DISTORTION_CLAIM_LEVELS_DB) {
    table[level] = {};
    for (const name of names) table[level]![name] = thdAtLevel(name, level);
  }
  return table;
}

const at = (table: ThdTable, level: number, design: string, hz: number) =>
  percent(table[level]![design]![DISTORTION_CLAIM_FREQUENCIES.indexOf(hz)]!);

/**
 * "A single dynamic driver distorts more than an all-BA design at the same level": single-dd
 * against quad-ba (all-BA), THD at 94 and 114 dB. The claim holds at a level when the DD's THD is
 * the higher at most of the frequencies; it holds as the guides state it (whatever the level)
 * only if it does at both.
 */
export function ddVersusAllBaClaim(): ClaimResult<{
  readonly frequencyHz: readonly number[];
  /** Level (dB) → design → THD per frequency (%). */
  readonly thdPercent: ThdTable;
  /** Level → the frequencies where the single DD distorts more. */
  readonly ddHigherAtHz: Readonly<Record<string, readonly number[]>>;
}> {
  const thdPercent = thdTable(["single-dd", "quad-ba"]);
  const ddHigherAtHz: Record<string, number[]> = {};
  for (const level of DISTORTION_CLAIM_LEVELS_DB) {
    const { "single-dd": dd, "quad-ba": ba } = thdPercent[level]!;
    ddHigherAtHz[level] = DISTORTION_CLAIM_FREQUENCIES.filter((_, j) => dd![j]! > ba![j]!);
  }
  const majority = (level: number) =>
    ddHigherAtHz[level]!.length > DISTORTION_CLAIM_FREQUENCIES.length / 2;
  const side = (level: number) =>
    `at ${level} dB the single DD distorts more at ${ddHigherAtHz[level]!.length} of ` +
    `${DISTORTION_CLAIM_FREQUENCIES.length} frequencies (${ddHigherAtHz[level]!.join(", ")} Hz): ` +
    [50, 1000, 2000]
      .map(
        (hz) =>
          `${hz < 1000 ? `${hz} Hz` : `${hz / 1000} kHz`} ${at(thdPercent, level, "single-dd", hz)} vs ${at(thdPercent, level, "quad-ba", hz)}`,
      )
      .join(", ");
  return {
    claim:
      "A single dynamic driver distorts more than an all-BA design at the same level (single-dd vs quad-ba, THD at the drum)",
    holds: DISTORTION_CLAIM_LEVELS_DB.every(majority),
    figures: { frequencyHz: DISTORTION_CLAIM_FREQUENCIES, thdPercent, ddHigherAtHz },
    summary: DISTORTION_CLAIM_LEVELS_DB.map(side).join("; "),
  };
}

const THREE_WAY = ["single-dd", "quad-ba", "hybrid-1dd-2ba"] as const;

/**
 * "Multi-driver designs lower distortion by letting each driver specialise": single-dd, quad-ba
 * (all-BA) and hybrid-1dd-2ba (the same 10 mm DD in the same shell, with a mid and a tweeter BA
 * above it), THD at the drum at 94 and 114 dB set at 1 kHz. Holds when the hybrid distorts less
 * than the single DD at most frequencies at both levels. Also says which of the three is lowest
 * at each frequency, and each design's drive (the hybrid's BAs carry part of the 1 kHz level, so
 * its DD is driven less: in the bass, where the DD plays alone, THD follows its drive).
 */
export function hybridClaim(): ClaimResult<{
  readonly frequencyHz: readonly number[];
  readonly thdPercent: ThdTable;
  /** Level → design → V rms for the level at 1 kHz. */
  readonly voltageRms: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Level → the design with the lowest THD per frequency. */
  readonly lowestDesign: Readonly<Record<string, readonly string[]>>;
  /** Level → the frequencies where the hybrid distorts less than the single DD. */
  readonly hybridBelowDdAtHz: Readonly<Record<string, readonly number[]>>;
}> {
  const thdPercent = thdTable(THREE_WAY);
  const voltageRms: Record<string, Record<string, number>> = {};
  const lowestDesign: Record<string, string[]> = {};
  const hybridBelowDdAtHz: Record<string, number[]> = {};
  for (const level of DISTORTION_CLAIM_LEVELS_DB) {
    const row = thdPercent[level]!;
    voltageRms[level] = Object.fromEntries(
      THREE_WAY.map((name) => [name, levelDistortion(name, claimDesign(name), level).voltageRms]),
    );
    lowestDesign[level] = DISTORTION_CLAIM_FREQUENCIES.map((_, j) =>
      THREE_WAY.reduce((best, name) => (row[name]![j]! < row[best]![j]! ? name : best)),
    );
    hybridBelowDdAtHz[level] = DISTORTION_CLAIM_FREQUENCIES.filter(
      (_, j) => row["hybrid-1dd-2ba"]![j]! < row["single-dd"]![j]!,
    );
  }
  const majority = (level: number) =>
    hybridBelowDdAtHz[level]!.length > DISTORTION_CLAIM_FREQUENCIES.length / 2;
  const side = (level: number) =>
    `at ${level} dB the hybrid is below the single DD at ${hybridBelowDdAtHz[level]!.length} of ` +
    `${DISTORTION_CLAIM_FREQUENCIES.length} frequencies; single-dd / quad-ba / hybrid: ` +
    [50, 1000, 2000, 10_000]
      .map(
        (hz) =>
          `${hz < 1000 ? `${hz} Hz` : `${hz / 1000} kHz`} ${THREE_WAY.map((name) => at(thdPercent, level, name, hz)).join(" / ")}`,
      )
      .join(", ") +
    `; lowest: ${DISTORTION_CLAIM_FREQUENCIES.map((hz, j) => `${hz} Hz ${lowestDesign[level]![j]}`).join(", ")}`;
  return {
    claim:
      "A hybrid (DD bass, BAs above) distorts less than a single DD at the same level (single-dd vs quad-ba vs hybrid-1dd-2ba, THD at the drum)",
    holds: DISTORTION_CLAIM_LEVELS_DB.every(majority),
    figures: {
      frequencyHz: DISTORTION_CLAIM_FREQUENCIES,
      thdPercent,
      voltageRms,
      lowestDesign,
      hybridBelowDdAtHz,
    },
    summary: DISTORTION_CLAIM_LEVELS_DB.map(side).join("; "),
  };
}
