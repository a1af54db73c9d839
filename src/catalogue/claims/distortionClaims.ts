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

/** THD (%) at the drum per frequency of DISTORTION_CLAIM_FREQUENCIES, the level set at 1 kHz. */
export function thdAtLevel(name: string, levelDb: number): number[] {
  const entry = referenceDesign(name);
  if (entry === undefined) throw new Error(`no reference design "${name}"`);
  const voltageRms = driveForLevel(entry.design, { levelDb, frequencyHz: 1000 });
  return distortion(entry.design, { frequencies: DISTORTION_CLAIM_FREQUENCIES, voltageRms }).probes
    .drum!.thdPercent;
}

const percent = (value: number) => `${value.toPrecision(2)} %`;

/**
 * "A single dynamic driver distorts more than an all-BA design at the same level": single-dd
 * against quad-ba (all-BA), THD at 94 and 114 dB. The claim holds at a level when the DD's THD is
 * the higher at most of the frequencies; it holds as the guides state it (whatever the level)
 * only if it does at both.
 */
export function ddVersusAllBaClaim(): ClaimResult<{
  readonly frequencyHz: readonly number[];
  /** Level (dB) → design → THD per frequency (%). */
  readonly thdPercent: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;
  /** Level → the frequencies where the single DD distorts more. */
  readonly ddHigherAtHz: Readonly<Record<string, readonly number[]>>;
}> {
  const thdPercent: Record<string, Record<string, number[]>> = {};
  const ddHigherAtHz: Record<string, number[]> = {};
  for (const level of DISTORTION_CLAIM_LEVELS_DB) {
    const dd = thdAtLevel("single-dd", level);
    const ba = thdAtLevel("quad-ba", level);
    thdPercent[level] = { "single-dd": dd, "quad-ba": ba };
    ddHigherAtHz[level] = DISTORTION_CLAIM_FREQUENCIES.filter((_, j) => dd[j]! > ba[j]!);
  }
  const majority = (level: number) =>
    ddHigherAtHz[level]!.length > DISTORTION_CLAIM_FREQUENCIES.length / 2;
  const at = (level: number, design: string, hz: number) =>
    percent(thdPercent[level]![design]![DISTORTION_CLAIM_FREQUENCIES.indexOf(hz)]!);
  const side = (level: number) =>
    `at ${level} dB the single DD distorts more at ${ddHigherAtHz[level]!.length} of ` +
    `${DISTORTION_CLAIM_FREQUENCIES.length} frequencies (${ddHigherAtHz[level]!.join(", ")} Hz): ` +
    `50 Hz ${at(level, "single-dd", 50)} vs ${at(level, "quad-ba", 50)}, ` +
    `1 kHz ${at(level, "single-dd", 1000)} vs ${at(level, "quad-ba", 1000)}, ` +
    `2 kHz ${at(level, "single-dd", 2000)} vs ${at(level, "quad-ba", 2000)}`;
  return {
    claim:
      "A single dynamic driver distorts more than an all-BA design at the same level (single-dd vs quad-ba, THD at the drum)",
    holds: DISTORTION_CLAIM_LEVELS_DB.every(majority),
    figures: { frequencyHz: DISTORTION_CLAIM_FREQUENCIES, thdPercent, ddHigherAtHz },
    summary: `${DISTORTION_CLAIM_LEVELS_DB.map(side).join("; ")}`,
  };
}
