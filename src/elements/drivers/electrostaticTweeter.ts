import { z } from "zod";
import type { MacroModel } from "../../network/elementModel.js";
import { elementSchema, nonNegative, positive } from "../../network/parameters.js";
import type { ElementDefinition } from "../registry.js";

/** Vacuum permittivity ε₀ in F/m (CODATA 2018). */
export const VACUUM_PERMITTIVITY = 8.8541878128e-12;

/** How the membrane is polarised: a one-sided electret, or a biased film between two stators. */
export const EST_CONFIGURATIONS = ["push-pull", "electret"] as const;
export type EstConfiguration = (typeof EST_CONFIGURATIONS)[number];

const electrostaticTweeterShape = {
  primaryResistance: nonNegative("Ω"),
  leakageInductance: nonNegative("H"),
  magnetizingInductance: positive("H"),
  turnsRatio: positive(""),
  secondaryResistance: nonNegative("Ω"),
  windingCapacitance: nonNegative("F"),
  configuration: z.enum(EST_CONFIGURATIONS, {
    error: `must be one of ${EST_CONFIGURATIONS.map((name) => `"${name}"`).join(", ")}`,
  }),
  polarizationVoltage: positive("V"),
  gap: positive("m"),
  area: positive("m²"),
  mms: positive("kg"),
  cms: positive("m/N"),
  rms: nonNegative("N·s/m"),
};

/** The electrostatic figures of a tweeter: blocked capacitance, coupling and negative stiffness. */
export interface ElectrostaticCoupling {
  /** Blocked capacitance C₀ in F, as the transformer's secondary sees it. */
  readonly blockedCapacitance: number;
  /** Coupling φ in N/V (= A·s/m): force per volt and current per membrane velocity. */
  readonly coupling: number;
  /** Electrostatic negative stiffness φ²/C₀ in N/m (at constant voltage). */
  readonly negativeStiffness: number;
  /** Net stiffness 1/cms − φ²/C₀ in N/m: the membrane is stable only while it is positive. */
  readonly netStiffness: number;
}

type CouplingInputs = Pick<
  z.infer<z.ZodObject<typeof electrostaticTweeterShape>>,
  "configuration" | "polarizationVoltage" | "gap" | "area" | "cms"
>;

/**
 * The linearised electrostatic transducer (docs/physics.md §7), gap d (membrane to electrode), area S,
 * polarisation V:
 * - electret, one electrode: C₀ = ε₀S/d, φ = C₀V₀/d;
 * - push-pull, stators at d each side of a film biased at V_b: the stators see the two gaps in
 *   series, C₀ = ε₀S/(2d), and φ = 2C₀V_b/d (= ε₀S·V_b/d²).
 * Either way the negative stiffness is φ²/C₀ (ε₀S·V₀²/d³ and 2ε₀S·V_b²/d³): the constant-voltage
 * pull towards the electrodes, which the electrical port's C₀ cancels when the drive is open.
 */
export function electrostaticCoupling(tweeter: CouplingInputs): ElectrostaticCoupling {
  const { gap, area, polarizationVoltage } = tweeter;
  const pushPull = tweeter.configuration === "push-pull";
  const blockedCapacitance = (VACUUM_PERMITTIVITY * area) / (pushPull ? 2 * gap : gap);
  const coupling = ((pushPull ? 2 : 1) * blockedCapacitance * polarizationVoltage) / gap;
  const negativeStiffness = (coupling * coupling) / blockedCapacitance;
  return {
    blockedCapacitance,
    coupling,
    negativeStiffness,
    netStiffness: 1 / tweeter.cms - negativeStiffness,
  };
}

const electrostaticTweeterSchema = elementSchema(
  "electrostaticTweeter",
  ["plus", "minus", "front", "back"],
  electrostaticTweeterShape,
).superRefine((tweeter, context) => {
  const { negativeStiffness, netStiffness } = electrostaticCoupling(tweeter);
  if (netStiffness > 0) return;
  const stableCms = 1 / negativeStiffness;
  context.addIssue({
    code: "custom",
    path: ["cms"],
    input: tweeter.cms,
    message:
      `leaves the membrane unstable: net stiffness 1/cms − φ²/C₀ = ${figure(1 / tweeter.cms)} − ` +
      `${figure(negativeStiffness)} = ${figure(netStiffness)} N/m is not positive, so the ` +
      `electrostatic pull (${tweeter.configuration}, polarizationVoltage ${figure(tweeter.polarizationVoltage)} V, ` +
      `gap ${figure(tweeter.gap)} m, area ${figure(tweeter.area)} m²) would collapse the film onto an ` +
      `electrode. Stiffen the membrane (cms below ${figure(stableCms)} m/N), lower ` +
      `polarizationVoltage or widen gap`,
  });
});
export type ElectrostaticTweeter = z.infer<typeof electrostaticTweeterSchema>;

/** Four significant figures, in exponent form when very small or large (for messages). */
function figure(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 1e-2 || magnitude >= 1e5)
    ? value.toExponential(3)
    : String(Number(value.toPrecision(4)));
}

/**
 * Electrostatic (or electret) tweeter with its step-up transformer (docs/physics.md §7), from the amplifier
 * terminals `plus`/`minus` to the membrane's two faces `front`/`back`:
 *
 *   plus ─Rp─Lleak─┬─[1:n]─Rs─┬──┬──[φ: motor]── Mms ─ (1/cms − φ²/C₀)⁻¹ ─ Rms ─[area]─ front/back
 *                 Lm          Cw  C₀
 *   minus ────────┴─[    ]────┴──┴── (secondary referenced to ground "0")
 *
 * primary winding resistance Rp, leakage inductance Lleak, magnetising inductance Lm (shunt), an ideal
 * 1:n transformer (`transformer` with ratio n: v₂ = n·v₁), secondary resistance Rs and winding
 * capacitance Cw (shunt); then the blocked capacitance C₀ and the electrostatic coupling, an ideal
 * transformer from voltage to force F = φ·v (part `<id>/motor`, port 2 = [#<id>/force, "0"]), the
 * membrane's mass, its stiffness less the electrostatic negative stiffness, its losses, and its area.
 * The amplifier sees ≈ n²·(C₀ + Cw) between the magnetising and leakage resonances: a capacitive load
 * that rises in admittance with frequency, so the tweeter plays only the top octaves.
 */
export const electrostaticTweeter: MacroModel<ElectrostaticTweeter> = {
  kind: "macro",
  type: "electrostaticTweeter",
  summary:
    "electrostatic/electret tweeter with its step-up transformer (C0 = ε0·S/d, coupling φ, negative stiffness)",
  terminals: ["plus", "minus", "front", "back"],
  terminalDomains: ["electrical", "electrical", "acoustic", "acoustic"],
  parameters: {
    primaryResistance: { unit: "Ω", description: "transformer primary winding resistance" },
    leakageInductance: { unit: "H", description: "leakage inductance, referred to the primary" },
    magnetizingInductance: { unit: "H", description: "magnetising inductance (primary shunt)" },
    turnsRatio: { unit: "", description: "step-up ratio n of 1:n (secondary/primary turns)" },
    secondaryResistance: { unit: "Ω", description: "transformer secondary winding resistance" },
    windingCapacitance: { unit: "F", description: "secondary winding capacitance (shunt)" },
    configuration: {
      unit: "",
      description: '"push-pull" (biased film between two stators) or "electret" (one electrode)',
    },
    polarizationVoltage: {
      unit: "V",
      description: "bias V_b (push-pull) or the electret's equivalent surface voltage V₀",
    },
    gap: { unit: "m", description: "membrane-to-electrode spacing d (each side for push-pull)" },
    area: {
      unit: "m²",
      description: "active membrane and electrode area S (also the piston area)",
    },
    mms: { unit: "kg", description: "moving mass including air load" },
    cms: { unit: "m/N", description: "membrane compliance before the electrostatic softening" },
    rms: { unit: "N·s/m", description: "mechanical losses (0 for none)" },
  },
  schema: electrostaticTweeterSchema,
  motor: () => "motor",
  expand(tweeter) {
    const [plus, minus, front, back] = tweeter.nodes as [string, string, string, string];
    const id = tweeter.id;
    const inner = (name: string) => `#${id}/${name}`;
    const { blockedCapacitance, coupling, netStiffness } = electrostaticCoupling(tweeter);
    const parts: ElementDefinition[] = [];
    // Rp and Lleak in series from plus; either may be absent (0).
    let primary = plus;
    if (tweeter.primaryResistance > 0) {
      parts.push({
        id: `${id}/Rp`,
        type: "resistor",
        nodes: [primary, inner("primaryCopper")],
        resistance: tweeter.primaryResistance,
      });
      primary = inner("primaryCopper");
    }
    if (tweeter.leakageInductance > 0) {
      parts.push({
        id: `${id}/Lleak`,
        type: "inductor",
        nodes: [primary, inner("primary")],
        inductance: tweeter.leakageInductance,
      });
      primary = inner("primary");
    }
    parts.push(
      {
        id: `${id}/Lm`,
        type: "inductor",
        nodes: [primary, minus],
        inductance: tweeter.magnetizingInductance,
      },
      {
        id: `${id}/stepUp`,
        type: "transformer",
        nodes: [primary, minus, inner("secondary"), "0"],
        ratio: tweeter.turnsRatio,
      },
    );
    const electrode = tweeter.secondaryResistance > 0 ? inner("electrode") : inner("secondary");
    if (tweeter.secondaryResistance > 0) {
      parts.push({
        id: `${id}/Rs`,
        type: "resistor",
        nodes: [inner("secondary"), electrode],
        resistance: tweeter.secondaryResistance,
      });
    }
    if (tweeter.windingCapacitance > 0) {
      parts.push({
        id: `${id}/Cw`,
        type: "capacitor",
        nodes: [electrode, "0"],
        capacitance: tweeter.windingCapacitance,
      });
    }
    parts.push(
      {
        id: `${id}/C0`,
        type: "capacitor",
        nodes: [electrode, "0"],
        capacitance: blockedCapacitance,
      },
      {
        id: `${id}/motor`,
        type: "transformer",
        nodes: [electrode, "0", inner("force"), "0"],
        ratio: coupling,
      },
      { id: `${id}/Mms`, type: "mass", nodes: [inner("force"), inner("m1")], mass: tweeter.mms },
      {
        id: `${id}/Cms`,
        type: "compliance",
        nodes: [inner("m1"), inner("m2")],
        compliance: 1 / netStiffness,
      },
    );
    const piston = tweeter.rms > 0 ? inner("m3") : inner("m2");
    if (tweeter.rms > 0) {
      parts.push({
        id: `${id}/Rms`,
        type: "mechanicalResistance",
        nodes: [inner("m2"), piston],
        resistance: tweeter.rms,
      });
    }
    parts.push({
      id: `${id}/Sd`,
      type: "transformer",
      nodes: [piston, "0", front, back],
      ratio: 1 / tweeter.area,
    });
    return parts;
  },
};
