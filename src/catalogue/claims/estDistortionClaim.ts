import type { Design } from "../../design/design.js";
import { distortion } from "../../nonlinear/distortion.js";
import { driveForLevel } from "../../nonlinear/driveLevel.js";
import type { ClaimResult } from "./claims.js";
import { DISTORTION_CLAIM_LEVELS_DB, claimDesign, percent } from "./distortionClaims.js";

/*
 * The electrostatic tweeter's distortion: the tribrid's two EST modules as catalogued (push-pull:
 * the film's charge in the stators' uniform field, a force linear in the signal) against the same
 * modules single-sided (electret: the force goes as (V₀ + v)², a second harmonic v̂/(4V₀) of the
 * force; elements/drivers/electrostaticLargeSignal.ts). The tribrid's level is set at 1 kHz as
 * reviewers do; THD is read at 10 kHz, where the ESTs play. The module's numbers are illustrative
 * (parts/electrostaticTweeters.ts).
 */

const TRIBRID = "tribrid-1dd-4ba-2est";
const EST_IDS = ["est1", "est2"];
/** The fundamental the claim reads, Hz: the ESTs' band. */
export const EST_CLAIM_FREQUENCY_HZ = 10_000;
export const EST_CLAIM_CONFIGURATIONS = ["push-pull", "electret"] as const;
export type EstConfiguration = (typeof EST_CLAIM_CONFIGURATIONS)[number];

/** The tribrid with both EST modules in `configuration`. */
export function tribridWithEsts(configuration: EstConfiguration): Design {
  const design = claimDesign(TRIBRID);
  return {
    ...design,
    elements: design.elements.map((element) =>
      EST_IDS.includes(element.id) ? { ...element, configuration } : element,
    ) as Design["elements"],
  };
}

/** THD (%) and H2, H3 re the fundamental (dB) at the drum at 10 kHz. */
export interface EstFigures {
  readonly thdPercent: number;
  readonly h2Db: number;
  readonly h3Db: number;
}

function figuresAt(configuration: EstConfiguration, levelDb: number): EstFigures {
  const design = tribridWithEsts(configuration);
  const voltageRms = driveForLevel(design, { levelDb, frequencyHz: 1000 });
  const drum = distortion(design, { frequencies: [EST_CLAIM_FREQUENCY_HZ], voltageRms }).probes
    .drum!;
  const relative = (k: string) => drum.harmonicsDb[k]![0]! - drum.fundamentalDb[0]!;
  return { thdPercent: drum.thdPercent[0]!, h2Db: relative("2"), h3Db: relative("3") };
}

/**
 * "Electrostatic tweeters are push-pull for low distortion": the tribrid at 94 and 114 dB (set at
 * 1 kHz), THD at the drum at 10 kHz with its ESTs push-pull and electret. Holds when the electret
 * distorts more than push-pull at both levels.
 */
export function estDistortionClaim(): ClaimResult<{
  readonly frequencyHz: number;
  /** Level (dB) → configuration → figures. */
  readonly byLevel: Readonly<Record<string, Readonly<Record<EstConfiguration, EstFigures>>>>;
}> {
  const byLevel: Record<string, Record<EstConfiguration, EstFigures>> = {};
  for (const level of DISTORTION_CLAIM_LEVELS_DB)
    byLevel[level] = {
      "push-pull": figuresAt("push-pull", level),
      electret: figuresAt("electret", level),
    };
  const side = (level: number) => {
    const row = byLevel[level]!;
    return (
      `at ${level} dB: push-pull ${percent(row["push-pull"].thdPercent)} (H2 ${row["push-pull"].h2Db.toFixed(0)} dB), ` +
      `electret ${percent(row.electret.thdPercent)} (H2 ${row.electret.h2Db.toFixed(0)} dB)`
    );
  };
  return {
    claim:
      "Push-pull electrostatic tweeters distort less than single-sided (electret) ones (the tribrid's two ESTs both ways, THD at the drum at 10 kHz)",
    holds: DISTORTION_CLAIM_LEVELS_DB.every(
      (level) => byLevel[level]!.electret.thdPercent > byLevel[level]!["push-pull"].thdPercent,
    ),
    figures: { frequencyHz: EST_CLAIM_FREQUENCY_HZ, byLevel },
    summary: `THD at 10 kHz ${DISTORTION_CLAIM_LEVELS_DB.map(side).join("; ")}`,
  };
}
