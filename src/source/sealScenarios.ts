import type { Design } from "../design/design.js";
import { simulate } from "../simulate/simulate.js";
import type { ElementDefinition } from "../elements/registry.js";
import { TympanError } from "../core/issues.js";

/**
 * How well the ear tip seals, as a leak from the ear canal's entrance to ambient (docs/physics.md §4): a
 * duct of radius r and length l (Poiseuille resistance and 4/3 mass) in parallel with the ear.
 */
export interface SealScenario {
  readonly name: string;
  readonly description: string;
  /** The leak, or none for a perfect seal. */
  readonly leak?: LeakPath;
}

/** How well the ear tip seals: a perfect seal, a shallow fit's small leak and a broken seal's leak. */
export const SEAL_SCENARIOS = {
  sealed: { name: "sealed", description: "a perfect seal: no leak" },
  leaky: {
    name: "leaky",
    description:
      "a shallow fit: a small leak, r 0.25 mm × 5 mm (illustrative: a quarter of the broken seal's area)",
    leak: { radiusM: 0.25e-3, lengthM: 5e-3 },
  },
  broken: {
    name: "broken",
    description:
      "a broken seal: a leak r 0.5 mm × 5 mm (with a stiff source into 1.25 cm³ the bass falls 12 dB/octave below ≈0.5 kHz)",
    leak: { radiusM: 0.5e-3, lengthM: 5e-3 },
  },
} as const satisfies Record<string, SealScenario>;

export type SealScenarioName = keyof typeof SEAL_SCENARIOS;

/** The design with its ear-tip seal as in the scenario (a "leak" element at the 711's entrance). */
export function withSeal(design: Design, scenario: SealScenario): Design {
  if (scenario.leak === undefined) return design;
  return {
    ...design,
    name: `${design.name ?? "design"} (${scenario.name} seal)`,
    elements: withLeak(design, scenario.leak, scenario.name),
  };
}

/** A leak past the ear tip: `count` identical parallel ducts (pores) of radius r and length l. */
export interface LeakPath {
  readonly radiusM: number;
  readonly lengthM: number;
  /** Identical parallel holes (pores); default 1. */
  readonly count?: number;
}

/** The id of the leak element withSeal and withFit add. */
export const LEAK_ID = "leak";

/**
 * The design's elements plus a leak (a duct element "leak") from the ear's entrance — the first
 * node of its ear711 element — to ambient. Throws a TympanError naming what is missing when the
 * design has no ear711 element or already has an element "leak".
 */
export function withLeak(
  design: Design,
  leak: LeakPath,
  scenarioName: string,
): ElementDefinition[] {
  const ear = design.elements.find((element) => element.type === "ear711");
  const problem =
    ear === undefined
      ? `${scenarioName} adds a leak at the ear's entrance; ${design.name ?? "this design"} has no ear711 element to fit`
      : design.elements.some((element) => element.id === LEAK_ID)
        ? `the design already has an element "${LEAK_ID}"; rename it to add a leak past the ear tip`
        : undefined;
  if (problem !== undefined) {
    throw new TympanError([
      { severity: "error", code: "fit-not-applicable", path: [], message: problem },
    ]);
  }
  const duct = {
    id: LEAK_ID,
    type: "duct",
    nodes: [ear!.nodes[0]!, "0"],
    radius: leak.radiusM,
    length: leak.lengthM,
    ...((leak.count ?? 1) > 1 ? { count: leak.count } : {}),
  } as ElementDefinition;
  return [...design.elements, duct];
}

/** Bass lost at the drum probe to a seal scenario (default the broken seal), dB at `frequencyHz`. */
export function sealLossDb(
  design: Design,
  frequencyHz = 50,
  scenario: SealScenario = SEAL_SCENARIOS.broken,
): number {
  const level = (d: Design) => simulate(d, { frequencies: [frequencyHz] }).probes.drum!.db[0]!;
  return level(design) - level(withSeal(design, scenario));
}
