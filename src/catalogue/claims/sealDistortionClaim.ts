import { distortion } from "../../nonlinear/distortion.js";
import { driveForLevel } from "../../nonlinear/driveLevel.js";
import { type MaxSplLimit, maxSplAtThd } from "../../nonlinear/maxSpl.js";
import { SEAL_SCENARIOS, withSeal } from "../../source/sealScenarios.js";
import type { ClaimResult } from "./claims.js";
import { claimDesign, percent } from "./distortionClaims.js";

/*
 * What a broken seal does to bass distortion: with a leak past the ear tip the driver must move
 * further to make the same bass at the drum (the listener turns it up), and its distortion follows
 * its excursion. single-dd (vented: it loses little bass) and single-ba (sealed: it loses much),
 * each with a perfect and a broken seal (source/sealScenarios.ts), set to the same level at the
 * drum at each bass frequency.
 */

export const SEAL_DISTORTION_DESIGNS = ["single-dd", "single-ba"] as const;
export const SEAL_DISTORTION_FREQUENCIES = [50, 100];
/**
 * The level at the drum, dB SPL, set at each frequency: low enough for the single BA to reach it at
 * 50 Hz with a broken seal (it loses 36 dB there; at 84 dB its large-signal curves run out).
 */
export const SEAL_DISTORTION_LEVEL_DB = 74;
/** The THD limit for the maximum bass level, %. */
export const SEAL_DISTORTION_THD_LIMIT = 3;
export const SEAL_DISTORTION_SEALS = ["sealed", "broken"] as const;
export type SealDistortionSeal = (typeof SEAL_DISTORTION_SEALS)[number];

/** The drive and THD at the drum at one frequency. */
export interface SealDistortionPoint {
  readonly voltageRms: number;
  readonly thdPercent: number;
  /** H2 and H3 re the fundamental, dB. */
  readonly h2Db: number;
  readonly h3Db: number;
  /** The level at the drum (dB SPL) where THD reaches SEAL_DISTORTION_THD_LIMIT, and why it stops. */
  readonly maxLevelDb: number;
  readonly maxLevelLimitedBy: MaxSplLimit;
}

function point(name: string, seal: SealDistortionSeal, frequencyHz: number): SealDistortionPoint {
  const design = withSeal(claimDesign(name), SEAL_SCENARIOS[seal]);
  const voltageRms = driveForLevel(design, { levelDb: SEAL_DISTORTION_LEVEL_DB, frequencyHz });
  const drum = distortion(design, { frequencies: [frequencyHz], voltageRms }).probes.drum!;
  const relative = (k: string) => drum.harmonicsDb[k]![0]! - drum.fundamentalDb[0]!;
  const max = maxSplAtThd(design, {
    frequencies: [frequencyHz],
    thdPercent: SEAL_DISTORTION_THD_LIMIT,
  });
  return {
    voltageRms,
    thdPercent: drum.thdPercent[0]!,
    h2Db: relative("2"),
    h3Db: relative("3"),
    maxLevelDb: max.levelDb[0]!,
    maxLevelLimitedBy: max.limitedBy[0]!,
  };
}

/**
 * "A broken seal makes the bass distort": single-dd and single-ba at 74 dB at the drum at 50 and
 * 100 Hz, sealed and with a broken seal, and the level where THD reaches 3 % each way. Holds when the broken seal raises THD for both designs at
 * both frequencies. The drive ratio is how much further the driver moves (below resonance the
 * excursion follows the drive).
 */
export function sealDistortionClaim(): ClaimResult<{
  readonly levelDb: number;
  readonly frequencyHz: readonly number[];
  /** Design → seal → per frequency. */
  readonly points: Readonly<
    Record<string, Readonly<Record<SealDistortionSeal, readonly SealDistortionPoint[]>>>
  >;
}> {
  const points: Record<string, Record<SealDistortionSeal, SealDistortionPoint[]>> = {};
  for (const name of SEAL_DISTORTION_DESIGNS)
    points[name] = {
      sealed: SEAL_DISTORTION_FREQUENCIES.map((f) => point(name, "sealed", f)),
      broken: SEAL_DISTORTION_FREQUENCIES.map((f) => point(name, "broken", f)),
    };
  const side = (name: string) =>
    `${name}: ` +
    SEAL_DISTORTION_FREQUENCIES.map((f, j) => {
      const { sealed, broken } = points[name]!;
      const driveDb = 20 * Math.log10(broken[j]!.voltageRms / sealed[j]!.voltageRms);
      return `${f} Hz ${percent(sealed[j]!.thdPercent)} sealed, ${percent(broken[j]!.thdPercent)} broken (drive +${driveDb.toFixed(1)} dB), ${SEAL_DISTORTION_THD_LIMIT} % THD at ${sealed[j]!.maxLevelDb.toFixed(0)} → ${broken[j]!.maxLevelDb.toFixed(0)} dB`;
    }).join(", ");
  return {
    claim: `A broken seal makes the bass distort more at the same level at the drum (single-dd and single-ba, THD at ${SEAL_DISTORTION_LEVEL_DB} dB and the level at ${SEAL_DISTORTION_THD_LIMIT} % THD, 50 and 100 Hz)`,
    holds: SEAL_DISTORTION_DESIGNS.every((name) =>
      SEAL_DISTORTION_FREQUENCIES.every(
        (_, j) => points[name]!.broken[j]!.thdPercent > points[name]!.sealed[j]!.thdPercent,
      ),
    ),
    figures: {
      levelDb: SEAL_DISTORTION_LEVEL_DB,
      frequencyHz: SEAL_DISTORTION_FREQUENCIES,
      points,
    },
    summary: SEAL_DISTORTION_DESIGNS.map(side).join("; "),
  };
}
