import { distortion } from "../../nonlinear/distortion.js";
import { driveForLevel } from "../../nonlinear/driveLevel.js";
import { DD_10MM_PET } from "../parts/dynamicDrivers.js";
import { partParameters } from "../parts/part.js";
import type { ClaimResult } from "./claims.js";
import { percent } from "./distortionClaims.js";

/*
 * The guides' claim that two opposed dynamic drivers distort less than one (Moondrop's Blessing 3
 * "to achieve lower distortion"), and which mechanism does it: the catalogue's 10 mm PET driver
 * (illustrative large-signal curves) alone, and as an opposed parallel pair mounted alike
 * ("aligned": each moves half as far for the same volume velocity) or with the second motor
 * reversed (its asymmetric Bl(x), Kms(x), Le(x) mirrored, so the even orders cancel), each into the
 * same sealed 2 cm³ volume (an occluded ear's order of size) and set to the same level there.
 */

/** The sealed volume the drivers play into, m³ (2 cm³). */
export const OPPOSED_PAIR_VOLUME_M3 = 2e-6;
/** The level set at the volume, dB SPL. */
export const OPPOSED_PAIR_LEVEL_DB = 114;
/** The fundamental, Hz (below the drivers' resonance: excursion, not mass, sets the distortion). */
export const OPPOSED_PAIR_FREQUENCY_HZ = 100;

/** The three arrangements compared. */
export const OPPOSED_PAIR_VARIANTS = ["single", "aligned pair", "reversed pair"] as const;
export type OpposedPairVariant = (typeof OPPOSED_PAIR_VARIANTS)[number];

const DRIVERS: Record<OpposedPairVariant, Record<string, unknown>> = {
  single: { type: "dynamicDriver" },
  "aligned pair": { type: "opposedDynamicDrivers", wiring: "parallel" },
  "reversed pair": { type: "opposedDynamicDrivers", wiring: "parallel", orientation: "reversed" },
};

/** The variant's driver(s) into the sealed volume, a 1 V source, a probe "front" in the volume. */
export function opposedPairDesign(variant: OpposedPairVariant) {
  return {
    tympan: 1,
    name: `opposed-pair claim: ${variant}`,
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      {
        id: "dd",
        nodes: ["in", "0", "front", "0"],
        ...partParameters(DD_10MM_PET),
        ...DRIVERS[variant],
      },
      { id: "ear", type: "acousticVolume", nodes: ["front", "0"], volume: OPPOSED_PAIR_VOLUME_M3 },
    ],
    probes: [{ id: "front", node: "front" }],
  };
}

/** One arrangement's distortion at the level: THD (%), harmonics 2…5 relative to the fundamental (dB). */
export interface OpposedPairFigures {
  readonly voltageRms: number;
  readonly fundamentalDb: number;
  readonly thdPercent: number;
  /** "2"…"5" → dB re the fundamental. */
  readonly relativeDb: Readonly<Record<string, number>>;
}

function figuresOf(variant: OpposedPairVariant): OpposedPairFigures {
  const candidate = opposedPairDesign(variant);
  const frequencyHz = OPPOSED_PAIR_FREQUENCY_HZ;
  const voltageRms = driveForLevel(candidate, {
    levelDb: OPPOSED_PAIR_LEVEL_DB,
    frequencyHz,
    probe: "front",
  });
  const probe = distortion(candidate, { frequencies: [frequencyHz], voltageRms, harmonics: 5 })
    .probes.front!;
  const fundamentalDb = probe.fundamentalDb[0]!;
  const relativeDb = Object.fromEntries(
    Object.entries(probe.harmonicsDb).map(([k, db]) => [k, db[0]! - fundamentalDb]),
  );
  return { voltageRms, fundamentalDb, thdPercent: probe.thdPercent[0]!, relativeDb };
}

/**
 * "Two opposed dynamic drivers distort less than one" at the same SPL (114 dB at 100 Hz in 2 cm³),
 * and which mechanism wins: halving each driver's excursion (single → aligned pair: the kth
 * harmonic falls as x^(k−1), H2 by ≈6 dB, H3 by ≈12 dB) or cancelling the even orders by mounting
 * one motor reversed (aligned → reversed pair). Holds when the reversed pair (the Blessing 3's
 * arrangement) distorts less than the single driver; the winner is the step that divides THD more.
 */
export function opposedPairClaim(): ClaimResult<{
  readonly levelDb: number;
  readonly frequencyHz: number;
  readonly volumeM3: number;
  readonly variants: Readonly<Record<OpposedPairVariant, OpposedPairFigures>>;
  /** THD single ÷ aligned pair: what halving the excursion buys. */
  readonly excursionFactor: number;
  /** THD aligned ÷ reversed pair: what the even-order cancellation buys on top. */
  readonly cancellationFactor: number;
  readonly winner: "halved excursion" | "even-order cancellation";
}> {
  const variants = Object.fromEntries(
    OPPOSED_PAIR_VARIANTS.map((variant) => [variant, figuresOf(variant)]),
  ) as Record<OpposedPairVariant, OpposedPairFigures>;
  const thd = (variant: OpposedPairVariant) => variants[variant].thdPercent;
  const excursionFactor = thd("single") / thd("aligned pair");
  const cancellationFactor = thd("aligned pair") / thd("reversed pair");
  const winner =
    cancellationFactor > excursionFactor ? "even-order cancellation" : "halved excursion";
  const row = (variant: OpposedPairVariant) =>
    `${variant} ${percent(thd(variant))} (H2 ${variants[variant].relativeDb["2"]!.toFixed(0)} dB, H3 ${variants[variant].relativeDb["3"]!.toFixed(0)} dB)`;
  return {
    claim:
      "Two opposed dynamic drivers distort less than one at the same SPL (dd-10mm-pet alone, as a parallel pair, and with one motor reversed, 114 dB at 100 Hz in 2 cm³)",
    holds: thd("reversed pair") < thd("single"),
    figures: {
      levelDb: OPPOSED_PAIR_LEVEL_DB,
      frequencyHz: OPPOSED_PAIR_FREQUENCY_HZ,
      volumeM3: OPPOSED_PAIR_VOLUME_M3,
      variants,
      excursionFactor,
      cancellationFactor,
      winner,
    },
    summary:
      `THD ${OPPOSED_PAIR_VARIANTS.map(row).join(", ")}; halving the excursion divides THD by ` +
      `${excursionFactor.toFixed(1)}, reversing one motor by ${cancellationFactor.toFixed(0)} more: ${winner} wins`,
  };
}
