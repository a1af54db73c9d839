import type { Design } from "../../design/design.js";
import { logFrequencies } from "../../core/frequencyGrid.js";
import { preferenceRating } from "../../analysis/preferenceRating.js";
import { simulate } from "../../simulate/simulate.js";
import { harmanInEar2019v2 } from "../../targets/harmanInEar2019v2.js";
import { partBreakupHz } from "../parts/dynamicDrivers.js";
import { DD_10MM_BERYLLIUM, DD_10MM_PET, DD_6MM_PET } from "../parts/dynamicDrivers.js";
import { partParameters } from "../parts/part.js";
import { bridged, withElement, withoutElements } from "../../design/edits.js";
import { referenceDesign } from "../referenceDesigns.js";
import { SEAL_SCENARIOS, sealLossDb } from "../../source/sealScenarios.js";
import { TRIBRID_EST_ELEMENT_IDS } from "../reference/tribrid1dd4ba2est.js";

/*
 * The buyer's guides' claims about driver types and configurations, each computed on the reference designs.
 * Every function returns its figures and whether the claim holds by the bar the issue sets; tests
 * assert them, the report prints them and the README quotes them.
 */

export interface ClaimResult<F> {
  readonly claim: string;
  readonly holds: boolean;
  readonly figures: F;
  /** The figures in one sentence, for the report and the README. */
  readonly summary: string;
}

function design(name: string): Design {
  const entry = referenceDesign(name);
  if (entry === undefined) throw new Error(`no reference design "${name}"`);
  return entry.design;
}

function drum(design: Design, frequencies: readonly number[]) {
  return simulate(design, { frequencies }).probes.drum!;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** Claim 1: a broken seal costs the sealed BA and planar designs far more bass than the vented DD. */
export function sealClaim(): ClaimResult<{
  readonly lossAt50HzDb: Readonly<Record<string, number>>;
  readonly gapDb: number;
}> {
  const names = ["single-dd", "single-ba", "planar"] as const;
  const lossAt50HzDb: Record<string, number> = {};
  for (const name of names) lossAt50HzDb[name] = sealLossDb(design(name), 50);
  const gapDb =
    Math.min(lossAt50HzDb["single-ba"]!, lossAt50HzDb.planar!) - lossAt50HzDb["single-dd"]!;
  return {
    claim:
      "A broken ear-tip seal costs the sealed BA and planar designs far more bass than the vented single DD",
    holds: gapDb >= 10,
    figures: { lossAt50HzDb, gapDb },
    summary:
      `bass lost at 50 Hz with a broken seal (${SEAL_SCENARIOS.broken.description}): ` +
      `single-dd ${fixed(lossAt50HzDb["single-dd"]!)} dB, single-ba ${fixed(lossAt50HzDb["single-ba"]!)} dB, ` +
      `planar ${fixed(lossAt50HzDb.planar!)} dB; gap ${fixed(gapDb)} dB (bar ≥ 10 dB)`,
  };
}

/** Claim 2: removing both ESTs from the tribrid changes nothing below 5 kHz and lowers the top octave. */
export function estClaim(): ClaimResult<{
  readonly largestChangeBelow5kHzDb: number;
  readonly largestDropAbove10kHzDb: number;
  readonly dropAtHz: number;
}> {
  const frequencies = Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points: 400 }));
  const tribrid = design("tribrid-1dd-4ba-2est");
  const withEsts = drum(tribrid, frequencies).db;
  const without = drum(withoutElements(tribrid, TRIBRID_EST_ELEMENT_IDS), frequencies).db;
  let largestChangeBelow5kHzDb = 0;
  let largestDropAbove10kHzDb = -Infinity;
  let dropAtHz = 0;
  frequencies.forEach((f, i) => {
    const change = withEsts[i]! - without[i]!;
    if (f < 5000) largestChangeBelow5kHzDb = Math.max(largestChangeBelow5kHzDb, Math.abs(change));
    if (f > 10_000 && change > largestDropAbove10kHzDb) {
      largestDropAbove10kHzDb = change;
      dropAtHz = f;
    }
  });
  return {
    claim:
      "Removing both ESTs from the tribrid changes nothing below 5 kHz and lowers the top octave: ESTs add air, never bass",
    holds: largestChangeBelow5kHzDb < 0.5 && largestDropAbove10kHzDb > 3,
    figures: { largestChangeBelow5kHzDb, largestDropAbove10kHzDb, dropAtHz },
    summary:
      `without its ESTs the tribrid changes by at most ${fixed(largestChangeBelow5kHzDb, 2)} dB below 5 kHz ` +
      `(bar < 0.5) and loses up to ${fixed(largestDropAbove10kHzDb)} dB above 10 kHz, at ` +
      `${fixed(dropAtHz / 1000)} kHz (bar > 3)`,
  };
}

/** Claim 3: BA impedance rises with frequency, a planar's is flat, a dynamic driver shows its peak. */
export function impedanceClaim(): ClaimResult<{
  readonly baRatio10kTo1k: number;
  readonly planarDeviationPercent: number;
  readonly ddPeakOverMinimum: number;
  readonly ddPeakAtHz: number;
}> {
  const frequencies = Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points: 400 }));
  const impedance = (name: string) =>
    simulate(design(name), { frequencies }).inputImpedance!.magnitudeOhm;
  const at = (values: number[], hz: number) => values[frequencies.findIndex((f) => f >= hz)]!;
  const ba = impedance("single-ba");
  const baRatio10kTo1k = at(ba, 10_000) / at(ba, 1000);
  const planar = impedance("planar");
  const mean = planar.reduce((sum, value) => sum + value, 0) / planar.length;
  const planarDeviationPercent =
    Math.max(...planar.map((value) => Math.abs(value / mean - 1))) * 100;
  const dd = impedance("single-dd");
  const peak = dd.indexOf(Math.max(...dd));
  const ddPeakOverMinimum = dd[peak]! / Math.min(...dd);
  return {
    claim:
      "BA impedance rises with frequency; planar impedance is flat within ±10 %; a dynamic driver shows its resonance peak",
    holds: baRatio10kTo1k > 2 && planarDeviationPercent <= 10 && ddPeakOverMinimum > 1.1,
    figures: {
      baRatio10kTo1k,
      planarDeviationPercent,
      ddPeakOverMinimum,
      ddPeakAtHz: frequencies[peak]!,
    },
    summary:
      `single-ba impedance at 10 kHz is ${fixed(baRatio10kTo1k)}× its 1 kHz value; planar impedance stays within ` +
      `±${fixed(planarDeviationPercent, 2)} % of its mean over 20 Hz–20 kHz; single-dd impedance peaks ` +
      `${fixed((ddPeakOverMinimum - 1) * 100, 0)} % above its minimum at ${fixed(frequencies[peak]! / 1000, 2)} kHz`,
  };
}

/** Claim 4: the damper lowers the single-BA design's main resonance peak by ≥ 5 dB, bass untouched. */
export function damperClaim(): ClaimResult<{
  readonly peakReductionDb: number;
  readonly peakAtHz: number;
  readonly largestBassChangeDb: number;
}> {
  const frequencies = Array.from(logFrequencies({ fromHz: 20, toHz: 10_000, points: 400 }));
  const damped = drum(design("single-ba"), frequencies).db;
  const undamped = drum(bridged(design("single-ba"), ["damper"]), frequencies).db;
  // The undamped design's highest peak above 1 kHz: its main resonance.
  const first = frequencies.findIndex((f) => f >= 1000);
  let peak = first;
  for (let i = first; i < frequencies.length; i++) if (undamped[i]! > undamped[peak]!) peak = i;
  let largestBassChangeDb = 0;
  frequencies.forEach((f, i) => {
    if (f <= 200)
      largestBassChangeDb = Math.max(largestBassChangeDb, Math.abs(damped[i]! - undamped[i]!));
  });
  const peakReductionDb = undamped[peak]! - damped[peak]!;
  return {
    claim:
      "The damper lowers the single-BA design's main resonance peak by ≥ 5 dB and leaves the bass alone",
    holds: peakReductionDb >= 5 && largestBassChangeDb < 0.5,
    figures: { peakReductionDb, peakAtHz: frequencies[peak]!, largestBassChangeDb },
    summary:
      `the 1500 Ω damper lowers single-ba's main peak (${fixed(frequencies[peak]! / 1000, 2)} kHz) by ` +
      `${fixed(peakReductionDb)} dB (bar ≥ 5) and changes 20–200 Hz by at most ${fixed(largestBassChangeDb, 2)} dB`,
  };
}

/**
 * Diaphragm excursion per pascal at the drum at 50 Hz, from the back-EMF at the driver's motor node:
 * the coil's voltage after Re and Le is Bl·v, so |x| = |V_motor|/(Bl·ω).
 */
function excursionPerPascal(
  design: Design,
  driverId: string,
  bl: number,
  frequencyHz: number,
): number {
  const probed = {
    ...design,
    probes: [
      ...design.probes.map(({ id, node }) => ({ id, node })),
      { id: "emf", node: `#${driverId}/motor` },
    ],
  };
  const { probes } = simulate(probed, { frequencies: [frequencyHz] });
  const emf = Math.hypot(probes.emf!.re[0]!, probes.emf!.im[0]!);
  const pressure = Math.hypot(probes.drum!.re[0]!, probes.drum!.im[0]!);
  return emf / (bl * 2 * Math.PI * frequencyHz) / pressure;
}

/** Claim 5: a bigger driver needs less excursion for the same bass; beryllium breaks up higher. */
export function driverClaim(): ClaimResult<{
  readonly excursion6mmOver10mm: number;
  readonly breakupPetHz: number;
  readonly breakupBerylliumHz: number;
}> {
  const tenMm = design("single-dd");
  const sixMm = withElement(
    tenMm,
    "dd",
    (element) => ({ ...element, ...partParameters(DD_6MM_PET) }) as typeof element,
  );
  const bl = (part: typeof DD_10MM_PET) => part.parameters.bl!.value;
  const excursion6mmOver10mm =
    excursionPerPascal(sixMm, "dd", bl(DD_6MM_PET), 50) /
    excursionPerPascal(tenMm, "dd", bl(DD_10MM_PET), 50);
  const breakupPetHz = partBreakupHz(DD_10MM_PET);
  const breakupBerylliumHz = partBreakupHz(DD_10MM_BERYLLIUM);
  return {
    claim:
      "A bigger dynamic driver (10 vs 6 mm) needs less excursion for the same bass SPL; a beryllium-coated diaphragm breaks up above a PET one",
    holds: excursion6mmOver10mm > 1 && breakupBerylliumHz > breakupPetHz,
    figures: { excursion6mmOver10mm, breakupPetHz, breakupBerylliumHz },
    summary:
      `in single-dd at 50 Hz the 6 mm driver moves ${fixed(excursion6mmOver10mm, 2)}× as far as the 10 mm one ` +
      `for the same drum pressure; first breakup: PET ${fixed(breakupPetHz / 1000)} kHz, ` +
      `beryllium-coated ${fixed(breakupBerylliumHz / 1000)} kHz`,
  };
}

/** The crossover and damper parts a careless build of hybrid-1dd-7ba leaves out. */
const HYBRID_7BA_CROSSOVER = ["Cmid", "Rmid", "Ctweeter", "Rtweeter"] as const;

/** Claim 6: more drivers alone do not make a better IEM: a badly tuned 8-driver scores below single-dd. */
export function scoreClaim(): ClaimResult<{
  readonly singleDdPpr: number;
  readonly wellTuned7baPpr: number;
  readonly badlyTuned7baPpr: number;
}> {
  const frequencies = Array.from(logFrequencies({ fromHz: 20, toHz: 20_000, points: 480 }));
  const rating = (d: Design) => {
    const { db } = drum(d, frequencies);
    return preferenceRating(
      { kind: "response", frequencyHz: frequencies, values: db },
      harmanInEar2019v2,
    ).ppr;
  };
  const manyDrivers = design("hybrid-1dd-7ba");
  const dampers = manyDrivers.elements
    .filter((e) => e.type === "damper" && e.id.startsWith("mid"))
    .map((e) => e.id);
  const badlyTuned = bridged(manyDrivers, [...HYBRID_7BA_CROSSOVER, ...dampers]);
  const singleDdPpr = rating(design("single-dd"));
  const wellTuned7baPpr = rating(manyDrivers);
  const badlyTuned7baPpr = rating(badlyTuned);
  return {
    claim:
      "More drivers do not by themselves give a better score: a badly tuned many-driver variant scores below the single DD",
    holds: badlyTuned7baPpr < singleDdPpr,
    figures: { singleDdPpr, wellTuned7baPpr, badlyTuned7baPpr },
    summary:
      `in-ear preference rating against Harman 2019 v2: single-dd ${fixed(singleDdPpr)}, hybrid-1dd-7ba ` +
      `${fixed(wellTuned7baPpr)}, the same 8 drivers without crossover or mid dampers ${fixed(badlyTuned7baPpr)}`,
  };
}

/** Every claim, in the order. */
export function allClaims(): ClaimResult<unknown>[] {
  return [sealClaim(), estClaim(), impedanceClaim(), damperClaim(), driverClaim(), scoreClaim()];
}
