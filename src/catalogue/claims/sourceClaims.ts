import type { Design } from "../../design/design.js";
import type { ClaimResult } from "./claims.js";
import { FIT_SCENARIOS, fitChangeDb } from "../../source/fitScenarios.js";
import { referenceDesign } from "../referenceDesigns.js";
import { DEFAULT_PEAK_LEVEL_DB_SPL, driveRequirement } from "../../source/driveRequirement.js";
import { hissAtDrum } from "../../source/hiss.js";
import { outputImpedanceDamping } from "../../source/outputImpedanceDamping.js";
import { SOURCE_PRESETS } from "../../source/sourcePresets.js";
import { type SourceLoad, loadFromDesign } from "../../source/sourceLoad.js";
import { specSheet } from "../../source/specSheet.js";

/*
 * The buyer's guides' claims about sources and fit, each computed on the reference designs (like
 * src/designs/claims.ts): the figures, whether the claim holds by the bar stated, and one sentence for
 * the report and the README. "The multi-BA design" is quad-ba (113 dB SPL/mW); hybrid-1dd-7ba, the
 * eight-driver hybrid, is given beside it.
 */

const MULTI_BA = "quad-ba";
const MANY_DRIVER = "hybrid-1dd-7ba";
const PLANAR = "planar";

function design(name: string): Design {
  const entry = referenceDesign(name);
  if (entry === undefined) throw new Error(`no reference design "${name}"`);
  return entry.design;
}

const loads = new Map<string, SourceLoad>();
/** The source load of a reference design (simulated once per process). */
export function referenceLoad(name: string): SourceLoad {
  let load = loads.get(name);
  if (load === undefined) {
    load = loadFromDesign(design(name), name);
    loads.set(name, load);
  }
  return load;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const signed = (value: number, digits = 1) =>
  `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(digits)}`;

/** Claim 7: a noisy phone output hisses audibly through the multi-BA design but not through the planar. */
export function hissClaim(): ClaimResult<{
  readonly noiseMicrovoltsA: number;
  readonly marginDb: Readonly<Record<string, number>>;
  readonly aWeightedDbSpl: Readonly<Record<string, number>>;
  readonly audibleAboveMicrovoltsA: Readonly<Record<string, number>>;
  readonly worstBandHz: Readonly<Record<string, number>>;
}> {
  const phone = SOURCE_PRESETS.phone;
  const names = [MULTI_BA, MANY_DRIVER, PLANAR];
  const marginDb: Record<string, number> = {};
  const aWeightedDbSpl: Record<string, number> = {};
  const audibleAboveMicrovoltsA: Record<string, number> = {};
  const worstBandHz: Record<string, number> = {};
  for (const name of names) {
    const hiss = hissAtDrum(referenceLoad(name), phone);
    marginDb[name] = hiss.marginDb;
    aWeightedDbSpl[name] = hiss.aWeightedDbSpl;
    audibleAboveMicrovoltsA[name] = hiss.audibleAboveMicrovoltsA;
    worstBandHz[name] = hiss.worstBandHz;
  }
  const describe = (name: string) =>
    `${name} ${fixed(aWeightedDbSpl[name]!)} dB(A), loudest band (${worstBandHz[name]} Hz) ${signed(marginDb[name]!)} dB re threshold, audible above ${fixed(audibleAboveMicrovoltsA[name]!)} µV(A)`;
  return {
    claim:
      "A noisy phone output hisses audibly through the sensitive multi-BA design but not through the planar",
    holds: marginDb[MULTI_BA]! > 0 && marginDb[PLANAR]! < 0,
    figures: {
      noiseMicrovoltsA: phone.noiseMicrovoltsA,
      marginDb,
      aWeightedDbSpl,
      audibleAboveMicrovoltsA,
      worstBandHz,
    },
    summary:
      `hiss at the drum from the phone preset (${phone.noiseMicrovoltsA} µV(A), ${phone.outputImpedanceOhm} Ω): ` +
      `${names.map(describe).join("; ")} (bar: multi-BA above the threshold, planar below)`,
  };
}

/** Claim 8: the planar needs several times the multi-BA design's voltage for the same level. */
export function voltageClaim(): ClaimResult<{
  readonly levelDbSpl: number;
  readonly voltageVrms: Readonly<Record<string, number>>;
  readonly powerMilliwatts: Readonly<Record<string, number>>;
  readonly planarOverMultiBa: number;
}> {
  const names = [MULTI_BA, MANY_DRIVER, PLANAR];
  const ideal = {
    name: "ideal",
    description: "",
    outputImpedanceOhm: 0,
    maxVoltageVrms: 1,
    noiseMicrovoltsA: 0,
    provenance: "",
  };
  const voltageVrms: Record<string, number> = {};
  const powerMilliwatts: Record<string, number> = {};
  for (const name of names) {
    const need = driveRequirement(referenceLoad(name), ideal, DEFAULT_PEAK_LEVEL_DB_SPL);
    voltageVrms[name] = need.voltageVrms;
    powerMilliwatts[name] = need.powerW * 1000;
  }
  const planarOverMultiBa = voltageVrms[PLANAR]! / voltageVrms[MULTI_BA]!;
  return {
    claim: "The planar needs several times the voltage of the multi-BA design for the same level",
    holds: planarOverMultiBa >= 3,
    figures: {
      levelDbSpl: DEFAULT_PEAK_LEVEL_DB_SPL,
      voltageVrms,
      powerMilliwatts,
      planarOverMultiBa,
    },
    summary:
      `for ${DEFAULT_PEAK_LEVEL_DB_SPL} dB SPL at 1 kHz: ` +
      names
        .map(
          (name) =>
            `${name} ${fixed(voltageVrms[name]! * 1000, 0)} mV (${fixed(powerMilliwatts[name]!, 2)} mW)`,
        )
        .join(", ") +
      `; the planar needs ${fixed(planarOverMultiBa, 2)}× the multi-BA's voltage (bar ≥ 3)`,
  };
}

/** Claim 9: a 10 Ω source reshapes the multi-BA response by more than 1 dB, the planar's by < 0.3 dB. */
export function dampingClaim(): ClaimResult<{
  readonly outputImpedanceOhm: number;
  readonly spreadDb: Readonly<Record<string, number>>;
  readonly mostLossAtHz: Readonly<Record<string, number>>;
  readonly leastLossAtHz: Readonly<Record<string, number>>;
}> {
  const outputImpedanceOhm = 10;
  const names = [MULTI_BA, MANY_DRIVER, PLANAR];
  const spreadDb: Record<string, number> = {};
  const mostLossAtHz: Record<string, number> = {};
  const leastLossAtHz: Record<string, number> = {};
  for (const name of names) {
    const damping = outputImpedanceDamping(referenceLoad(name), outputImpedanceOhm);
    spreadDb[name] = damping.spreadDb;
    mostLossAtHz[name] = damping.mostLossAtHz;
    leastLossAtHz[name] = damping.leastLossAtHz;
  }
  const hz = (value: number) =>
    value >= 1000 ? `${fixed(value / 1000)} kHz` : `${fixed(value, 0)} Hz`;
  return {
    claim:
      "A 10 Ω source changes the multi-BA design's response by more than 1 dB, the planar's by less than 0.3 dB",
    holds: spreadDb[MULTI_BA]! > 1 && spreadDb[PLANAR]! < 0.3,
    figures: { outputImpedanceOhm, spreadDb, mostLossAtHz, leastLossAtHz },
    summary:
      `change of the response's shape (largest minus smallest level change, 20 Hz–20 kHz) from a ${outputImpedanceOhm} Ω source: ` +
      names
        .map(
          (name) =>
            `${name} ${fixed(spreadDb[name]!, 2)} dB (most loss at ${hz(mostLossAtHz[name]!)}, least at ${hz(leastLossAtHz[name]!)})`,
        )
        .join(", ") +
      " (bars: multi-BA > 1 dB, planar < 0.3 dB)",
  };
}

/** Claim 10: a broken seal costs the BA designs more bass than the vented DD. */
export function fitClaim(): ClaimResult<{
  readonly lossAt50HzDb: Readonly<Record<string, number>>;
  readonly shallowLossAt50HzDb: Readonly<Record<string, number>>;
  readonly gapDb: number;
}> {
  const names = ["single-ba", MULTI_BA, "single-dd"];
  const lossAt50HzDb: Record<string, number> = {};
  const shallowLossAt50HzDb: Record<string, number> = {};
  for (const name of names) {
    lossAt50HzDb[name] = -fitChangeDb(design(name), FIT_SCENARIOS["broken-seal"], [50])[0]!;
    shallowLossAt50HzDb[name] = -fitChangeDb(design(name), FIT_SCENARIOS["shallow-fit"], [50])[0]!;
  }
  const gapDb =
    Math.min(lossAt50HzDb["single-ba"]!, lossAt50HzDb[MULTI_BA]!) - lossAt50HzDb["single-dd"]!;
  return {
    claim: "A broken seal costs the BA designs more bass than the vented DD",
    holds: gapDb >= 10,
    figures: { lossAt50HzDb, shallowLossAt50HzDb, gapDb },
    summary:
      `bass lost at 50 Hz, broken seal (leak r 0.5 mm × 5 mm) / shallow fit (r 0.25 mm × 5 mm): ` +
      names
        .map(
          (name) =>
            `${name} ${fixed(lossAt50HzDb[name]!)} / ${fixed(shallowLossAt50HzDb[name]!)} dB`,
        )
        .join(", ") +
      `; the BA designs lose ${fixed(gapDb)} dB more than the DD with a broken seal (bar ≥ 10 dB)`,
  };
}

/** The four source-and-fit claims, in the order. */
export function sourceAndFitClaims(): ClaimResult<unknown>[] {
  return [hissClaim(), voltageClaim(), dampingClaim(), fitClaim()];
}

/** The spec-sheet sensitivities of the designs the claims use, for the report's context line. */
export function claimDesignSensitivities(): Record<string, number> {
  const result: Record<string, number> = {};
  for (const name of [MULTI_BA, MANY_DRIVER, PLANAR, "single-ba", "single-dd"])
    result[name] = specSheet(referenceLoad(name)).sensitivityDbSplPerMilliwatt;
  return result;
}
