import type { Design } from "../circuit/design.js";
import { simulate } from "../simulate/simulate.js";
import type { ElementDefinition } from "../elements/registry.js";
import { ENTRANCE_NODE } from "./kit.js";

/**
 * How well the ear tip seals, as a leak from the ear canal's entrance to ambient (PHYSICS.md §4): a
 * duct of radius r and length l (Poiseuille resistance and 4/3 mass) in parallel with the ear.
 */
export interface SealScenario {
  readonly name: string;
  readonly description: string;
  /** The leak, or none for a perfect seal. */
  readonly leak?: { readonly radiusM: number; readonly lengthM: number };
}

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
      "a broken seal: a leak r 0.5 mm × 5 mm (PHYSICS.md §4's example: with a stiff source into 1.25 cm³ the bass falls 12 dB/octave below ≈0.5 kHz)",
    leak: { radiusM: 0.5e-3, lengthM: 5e-3 },
  },
} as const satisfies Record<string, SealScenario>;

export type SealScenarioName = keyof typeof SEAL_SCENARIOS;

/** The design with its ear-tip seal as in the scenario (a "leak" element at the 711's entrance). */
export function withSeal(design: Design, scenario: SealScenario): Design {
  if (scenario.leak === undefined) return design;
  const leak = {
    id: "leak",
    type: "duct",
    nodes: [ENTRANCE_NODE, "0"],
    radius: scenario.leak.radiusM,
    length: scenario.leak.lengthM,
  } as ElementDefinition;
  return {
    ...design,
    name: `${design.name ?? "design"} (${scenario.name} seal)`,
    elements: [...design.elements, leak],
  };
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
