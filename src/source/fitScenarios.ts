import type { Design } from "../design/design.js";
import { TympanError } from "../core/issues.js";
import type { ElementDefinition } from "../elements/registry.js";
import { simulate } from "../simulate/simulate.js";
import { type LeakPath, SEAL_SCENARIOS, withLeak } from "./sealScenarios.js";

export type { LeakPath } from "./sealScenarios.js";

/*
 * How the IEM sits in the ear: named fits (how well the tip seals) and ear-tip variants (the tip's
 * bore; foam against silicone), each an edit of a design's ear tip and seal (docs/physics.md §4).
 *
 * A leak is a duct from the ear canal's entrance to ambient, in parallel with the ear: Poiseuille
 * resistance R = 8ηl/(πr⁴)/N and mass M = (4/3)ρl/(πr²)/N for N holes of radius r and length l. With a
 * stiff source (a sealed BA or planar) the leak's mass and the canal's compliance form a high-pass at
 * f_H = 1/(2π√(M·C)); a resistive leak (many fine pores, R ≫ ωM) gives a gentler corner at
 * f = 1/(2π·R·C) with no resonance. A tip variant replaces the tip's bore: the tube the design names
 * in its top-level "tipBore" key, else the tube whose id is "tipBore" (as in the reference designs;
 * 5 mm × Ø3 mm for their silicone tip).
 */

export interface FitScenario {
  readonly name: string;
  /** "seal": how well the stock tip seals; "tip": another ear tip, well seated. */
  readonly kind: "seal" | "tip";
  readonly description: string;
  readonly leak?: LeakPath;
  /** The tip's bore, when the variant replaces it. */
  readonly tipBore?: { readonly lengthMm: number; readonly diameterMm: number };
}

/**
 * The named fits (kind "seal": how well the stock tip seals) and ear-tip variants (kind "tip"), each
 * with its leak and tip bore and a description saying where its figures come from.
 */
export const FIT_SCENARIOS = {
  "deep-seal": {
    name: "deep-seal",
    kind: "seal",
    description: "the stock silicone tip seated deep and sealed: no leak (the designs as tuned)",
  },
  "shallow-fit": {
    name: "shallow-fit",
    kind: "seal",
    description:
      "the tip sits shallow and seals only partly: a leak r 0.25 mm × 5 mm [illustrative: a quarter of the broken seal's area, as the seal scenario 'leaky']",
    leak: SEAL_SCENARIOS.leaky.leak,
  },
  "broken-seal": {
    name: "broken-seal",
    kind: "seal",
    description:
      "the seal is broken (tip too small, or jaw movement): a leak r 0.5 mm × 5 mm (into 1.25 cm³ it puts the high-pass of a stiff source near 0.53 kHz: 1/(2π√(MC)) with the duct mass (4/3)ρl/(πr²))",
    leak: SEAL_SCENARIOS.broken.leak,
  },
  "foam-tip": {
    name: "foam-tip",
    kind: "tip",
    description:
      "a foam tip: it seals through its open-cell foam, a resistive leak modelled as 40 pores r 0.05 mm × 5 mm (R ≈ 9.7e8 Pa·s/m³, so a gentle −3 dB corner near 19 Hz into the 711 and no resonance), and a narrower bore, 5 mm × Ø2 mm, that adds acoustic mass and loss in the treble [illustrative: pore count and size chosen for a well-seated foam tip that seals nearly as well as a deep silicone fit]",
    leak: { radiusM: 0.05e-3, lengthM: 5e-3, count: 40 },
    tipBore: { lengthMm: 5, diameterMm: 2 },
  },
  "wide-bore-tip": {
    name: "wide-bore-tip",
    kind: "tip",
    description:
      "a wide-bore silicone tip, bore 5 mm × Ø4 mm, sealed [illustrative: the wide end of common tip bores]",
    tipBore: { lengthMm: 5, diameterMm: 4 },
  },
  "narrow-bore-tip": {
    name: "narrow-bore-tip",
    kind: "tip",
    description:
      "a narrow-bore silicone tip, bore 5 mm × Ø2 mm, sealed [illustrative: the narrow end of common tip bores]",
    tipBore: { lengthMm: 5, diameterMm: 2 },
  },
  "long-bore-tip": {
    name: "long-bore-tip",
    kind: "tip",
    description:
      "a long-stem silicone tip, bore 10 mm × Ø3 mm, sealed [illustrative: twice the stock tip's bore length]",
    tipBore: { lengthMm: 10, diameterMm: 3 },
  },
} as const satisfies Record<string, FitScenario>;

export type FitScenarioName = keyof typeof FIT_SCENARIOS;

/** The names of FIT_SCENARIOS, in the order `tympan fit` shows them. */
export const FIT_SCENARIO_NAMES = Object.keys(FIT_SCENARIOS) as FitScenarioName[];

/**
 * The stock tip bore the variants are compared with: a common silicone tip's bore, which the
 * reference designs use [illustrative: typical tip sizes].
 */
export const STOCK_TIP_BORE = { lengthMm: 5, diameterMm: 3 } as const;

/** The fit scenario of that name (FIT_SCENARIOS), or undefined. */
export function fitScenario(name: string): FitScenario | undefined {
  return Object.hasOwn(FIT_SCENARIOS, name) ? FIT_SCENARIOS[name as FitScenarioName] : undefined;
}

/**
 * The element id a tip bore has when the design does not name it with a top-level "tipBore" key (as
 * in the reference designs).
 */
export const TIP_BORE_ID = "tipBore";

/**
 * The id of the design's ear-tip bore, the tube that tip variants replace: the design's top-level
 * "tipBore" key when it has one (`"tipBore": "<tube id>"`), else "tipBore".
 */
export function tipBoreId(design: Design): string {
  return design.tipBore ?? TIP_BORE_ID;
}

/**
 * The design fitted as in the scenario: its ear tip's bore replaced (tip variants) and a leak from the
 * ear's entrance (the first node of its ear711 element) to ambient. Throws a TympanError naming what
 * is missing when the design has no ear711 element, or, for a tip variant, no tip-bore tube (see
 * tipBoreId), saying what to add.
 */
export function withFit(design: Design, scenario: FitScenario): Design {
  let elements = [...design.elements];
  if (scenario.tipBore !== undefined) {
    const id = tipBoreId(design);
    const named = id !== TIP_BORE_ID;
    const index = elements.findIndex((element) => element.id === id);
    if (index < 0 || elements[index]!.type !== "tube") {
      const what = `${design.name ?? "this design"}`;
      throw new TympanError([
        {
          severity: "error",
          code: named ? "invalid-tip-bore" : "tip-bore-missing",
          path: named ? ["tipBore"] : [],
          message: named
            ? `${scenario.name} replaces the ear tip's bore; ${what} names "${id}" as its "tipBore", but ${index < 0 ? "has no element of that id" : `"${id}" has type "${elements[index]!.type}", not "tube"`}`
            : `${scenario.name} replaces the ear tip's bore, and ${what} does not say which tube that is: add "tipBore": "<id of the tube between nozzle and ear>" at the top level of the design (or give that tube the id "${TIP_BORE_ID}")`,
        },
      ]);
    }
    elements[index] = {
      ...elements[index]!,
      length: scenario.tipBore.lengthMm * 1e-3,
      radius: scenario.tipBore.diameterMm * 0.5e-3,
    } as ElementDefinition;
  }
  if (scenario.leak !== undefined) {
    elements = withLeak({ ...design, elements }, scenario.leak, scenario.name);
  }
  return { ...design, name: `${design.name ?? "design"} (${scenario.name})`, elements };
}

/** Drum level change (dB) of a fit relative to the design as tuned, at each frequency. */
export function fitChangeDb(
  design: Design,
  scenario: FitScenario,
  frequencies: readonly number[],
): number[] {
  const level = (d: Design) => simulate(d, { frequencies }).probes.drum!.db;
  const tuned = level(design);
  const fitted = level(withFit(design, scenario));
  return fitted.map((value, i) => value - tuned[i]!);
}
