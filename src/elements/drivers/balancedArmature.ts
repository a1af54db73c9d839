import type { z } from "zod";
import type { MacroModel } from "../../network/elementModel.js";
import { elementSchema, nonNegative, positive } from "../../network/parameters.js";
import type { ElementDefinition } from "../registry.js";
import {
  ARMATURE_LARGE_SIGNAL_DOCS,
  ARMATURE_LARGE_SIGNAL_PARAMETERS,
} from "./armatureLargeSignal.js";

/** The eddy-current exponent used when `semiInductanceExponent` is left out: Vanderkooy's √(jω). */
export const DEFAULT_SEMI_INDUCTANCE_EXPONENT = 0.5;

const balancedArmatureSchema = elementSchema("balancedArmature", ["plus", "minus", "out"], {
  coilResistance: positive("Ω"),
  coilInductance: nonNegative("H"),
  semiInductance: nonNegative("Ω/(rad/s)ⁿ"),
  semiInductanceExponent: positive("")
    .max(1, { error: "must be ≤ 1 (1 is a plain inductor, 0.5 Vanderkooy's)" })
    .optional(),
  transduction: positive("N/A"),
  movingMass: positive("kg"),
  armatureStiffness: positive("N/m"),
  diaphragmStiffness: nonNegative("N/m"),
  magneticStiffness: nonNegative("N/m"),
  mechanicalResistance: nonNegative("N·s/m"),
  diaphragmArea: positive("m²"),
  frontVolume: positive("m³"),
  rearVolume: positive("m³"),
  spoutLength: positive("m"),
  spoutRadius: positive("m"),
  rearVentRadius: positive("m").optional(),
  rearVentLength: positive("m").optional(),
  diaphragmVentRadius: positive("m").optional(),
  diaphragmVentLength: positive("m").optional(),
  ...ARMATURE_LARGE_SIGNAL_PARAMETERS,
}).superRefine((receiver, context) => {
  const { armatureStiffness, diaphragmStiffness, magneticStiffness } = receiver;
  const net = armatureStiffness + diaphragmStiffness - magneticStiffness;
  if (!(net > 0)) {
    context.addIssue({
      code: "custom",
      path: ["magneticStiffness"],
      input: magneticStiffness,
      message:
        `makes the net stiffness armatureStiffness + diaphragmStiffness − magneticStiffness = ` +
        `${armatureStiffness} + ${diaphragmStiffness} − ${magneticStiffness} = ` +
        `${net.toPrecision(4)} N/m, which is not positive: the magnet's pull would win over ` +
        `the springs and the armature would snap to a pole piece. Lower magneticStiffness below ` +
        `${armatureStiffness + diaphragmStiffness} N/m or raise armatureStiffness or diaphragmStiffness`,
    });
  }
  const ventPairs = [
    ["rearVentRadius", "rearVentLength", "a rear vent", "a sealed rear volume"],
    ["diaphragmVentRadius", "diaphragmVentLength", "a diaphragm vent", "a diaphragm without one"],
  ] as const;
  for (const [radius, length, what, without] of ventPairs) {
    const hasRadius = receiver[radius] !== undefined;
    const hasLength = receiver[length] !== undefined;
    if (hasRadius === hasLength) continue;
    const missing = hasRadius ? length : radius;
    context.addIssue({
      code: "custom",
      path: [missing],
      input: undefined,
      message:
        `is missing: ${what} needs both ${radius} and ${length} (in m); ` +
        `give ${missing} or remove the other one for ${without}`,
    });
  }
});
export type BalancedArmature = z.infer<typeof balancedArmatureSchema>;

/** Net restoring stiffness of the moving system (N/m): armature + diaphragm springs − magnetic pull. */
export function netStiffness(receiver: BalancedArmature): number {
  return receiver.armatureStiffness + receiver.diaphragmStiffness - receiver.magneticStiffness;
}

/**
 * Balanced-armature (moving-iron) receiver, linearised about its balanced rest position (Hunt,
 * Electroacoustics, 1954; Kim & Allen, Hear. Res. 301:156, 2013; docs/physics.md §6):
 *
 *   V = (Re + jωLe + K·(jω)ⁿ)·i + T·v
 *   T·i = (jωm + Rm + k_net/(jω))·v + Sd·(p_front − p_rear),   k_net = k_arm + k_dia − k_mag
 *   U = Sd·v  into the front cavity, drawn from the rear cavity.
 *
 * The coil's eddy-current losses in the armature and stack are the semi-inductor K·(jω)ⁿ (n = 0.5
 * unless `semiInductanceExponent` says otherwise). T (N/A) is the force on the diaphragm per ampere,
 * i.e. the armature's transduction referred to the drive pin. The permanent magnet pulls the armature
 * towards whichever pole piece it is nearer: a negative stiffness k_mag that cancels part of the
 * armature's and diaphragm's springs, which is why a BA is efficient and why k_net must stay positive.
 *
 * Acoustic side: the diaphragm (area Sd) pushes into the front cavity (compliance V_f/(ρc²)), which
 * feeds the spout — a rigid tube with the exact viscothermal model — ending at `out`; behind the
 * diaphragm is the rear cavity, sealed or vented to ambient through a duct (Poiseuille R + 4/3 mass;
 * include the end correction in rearVentLength). Below the mechanical resonance the motion is
 * stiffness-controlled, so the bass into a sealed load is flat: p = ρc²·Sd·x/V.
 *
 * A diaphragm vent (barometric relief: a pin hole in the diaphragm, or the gap at its edge) is a
 * duct of the same formulas from the front cavity to the rear one. Into a sealed load it lets the
 * pressure the diaphragm makes leak round it at very low frequencies: with the load's volume V_L the
 * bass falls 6 dB/octave below f_v ≈ (ρc²/(2π·R_v))·(1/(V_f + V_L) + 1/V_r), R_v its resistance —
 * the bass roll-off of vented receivers' datasheets (Knowles SWFK, WBFK).
 *
 * Inner nodes: #<id>/force (mechanical drive, port 2 of the motor), #<id>/front and #<id>/rear
 * (cavity pressures), #<id>/motor (the motor's electrical terminal, between the coil impedance and
 * the gyrator), #<id>/coil and #<id>/eddy (junctions inside the coil impedance), #<id>/m1…m3.
 * Optional large-signal coefficients (transduction1…, magneticStiffness1…: T(x) and k_mag(x), see
 * armatureLargeSignal.ts) leave this expansion unchanged: nonlinear/ solves them around it.
 */
export const balancedArmature: MacroModel<BalancedArmature> = {
  kind: "macro",
  type: "balancedArmature",
  summary:
    "balanced-armature receiver: coil (Re, Le, semi-inductor), armature/diaphragm, front and rear cavities, spout to `out`",
  terminals: ["plus", "minus", "out"],
  terminalDomains: ["electrical", "electrical", "acoustic"],
  parameters: {
    coilResistance: { unit: "Ω", description: "Re: DC resistance of the coil" },
    coilInductance: { unit: "H", description: "Le: lossless coil inductance (0 for none)" },
    semiInductance: {
      unit: "Ω/(rad/s)ⁿ",
      description: "K of the eddy-current impedance K·(jω)ⁿ (0 for none)",
    },
    semiInductanceExponent: {
      unit: "",
      description: `n of K·(jω)ⁿ, 0 < n ≤ 1 (default ${DEFAULT_SEMI_INDUCTANCE_EXPONENT}, Vanderkooy's semi-inductor)`,
    },
    transduction: {
      unit: "N/A",
      description: "T: force on the diaphragm per ampere of coil current",
    },
    movingMass: {
      unit: "kg",
      description: "armature, drive pin and diaphragm, referred to the diaphragm",
    },
    armatureStiffness: { unit: "N/m", description: "k_arm: the armature's own spring" },
    diaphragmStiffness: {
      unit: "N/m",
      description: "k_dia: the diaphragm suspension (0 for none)",
    },
    magneticStiffness: {
      unit: "N/m",
      description:
        "k_mag: the magnet's negative stiffness, subtracted; k_arm + k_dia − k_mag must stay > 0",
    },
    mechanicalResistance: { unit: "N·s/m", description: "Rm: mechanical losses (0 for none)" },
    diaphragmArea: { unit: "m²", description: "Sd: effective diaphragm area" },
    frontVolume: { unit: "m³", description: "front cavity between diaphragm and spout" },
    rearVolume: { unit: "m³", description: "rear cavity behind the diaphragm (motor side)" },
    spoutLength: { unit: "m", description: "length of the outlet spout" },
    spoutRadius: { unit: "m", description: "inner radius of the outlet spout" },
    rearVentRadius: {
      unit: "m",
      description:
        "radius of a vent from the rear cavity to ambient (with rearVentLength, or neither)",
    },
    rearVentLength: {
      unit: "m",
      description: "length of that vent, end correction included (with rearVentRadius, or neither)",
    },
    diaphragmVentRadius: {
      unit: "m",
      description:
        "radius of a vent through the diaphragm, front to rear cavity (with diaphragmVentLength, or neither)",
    },
    diaphragmVentLength: {
      unit: "m",
      description: "length of that vent (with diaphragmVentRadius, or neither)",
    },
    ...ARMATURE_LARGE_SIGNAL_DOCS,
  },
  schema: balancedArmatureSchema,
  motor: () => "motor",
  expand(receiver) {
    const [plus, minus, out] = receiver.nodes as [string, string, string];
    const id = receiver.id;
    const inner = (name: string) => `#${id}/${name}`;
    const parts: ElementDefinition[] = [];

    // Electrical branch in series: Re, then Le and the semi-inductor when present, then the motor.
    const series: ((from: string, to: string) => ElementDefinition)[] = [
      (from, to) => ({
        id: `${id}/Re`,
        type: "resistor",
        nodes: [from, to],
        resistance: receiver.coilResistance,
      }),
    ];
    if (receiver.coilInductance > 0) {
      series.push((from, to) => ({
        id: `${id}/Le`,
        type: "inductor",
        nodes: [from, to],
        inductance: receiver.coilInductance,
      }));
    }
    if (receiver.semiInductance > 0) {
      series.push((from, to) => ({
        id: `${id}/eddy`,
        type: "semiInductor",
        nodes: [from, to],
        coefficient: receiver.semiInductance,
        exponent: receiver.semiInductanceExponent ?? DEFAULT_SEMI_INDUCTANCE_EXPONENT,
      }));
    }
    // Junctions between the series parts: #<id>/coil after Re, #<id>/eddy after Le.
    const junctions = ["coil", "eddy"].map(inner);
    let from = plus;
    series.forEach((part, k) => {
      const to = k === series.length - 1 ? inner("motor") : junctions[k]!;
      parts.push(part(from, to));
      from = to;
    });

    // Mechanical loop: motor force drives mass, net spring and losses in series into the piston.
    parts.push(
      {
        id: `${id}/motor`,
        type: "gyrator",
        nodes: [inner("motor"), minus, inner("force"), "0"],
        transduction: receiver.transduction,
      },
      {
        id: `${id}/movingMass`,
        type: "mass",
        nodes: [inner("force"), inner("m1")],
        mass: receiver.movingMass,
      },
      {
        id: `${id}/netStiffness`,
        type: "compliance",
        nodes: [inner("m1"), inner("m2")],
        compliance: 1 / netStiffness(receiver),
      },
    );
    const piston = receiver.mechanicalResistance > 0 ? inner("m3") : inner("m2");
    if (receiver.mechanicalResistance > 0) {
      parts.push({
        id: `${id}/mechanicalResistance`,
        type: "mechanicalResistance",
        nodes: [inner("m2"), piston],
        resistance: receiver.mechanicalResistance,
      });
    }

    // Acoustic side: diaphragm into the front cavity, spout to `out`; rear cavity, maybe vented.
    parts.push(
      {
        id: `${id}/diaphragm`,
        type: "transformer",
        nodes: [piston, "0", inner("front"), inner("rear")],
        ratio: 1 / receiver.diaphragmArea,
      },
      {
        id: `${id}/frontVolume`,
        type: "acousticVolume",
        nodes: [inner("front"), "0"],
        volume: receiver.frontVolume,
      },
      {
        id: `${id}/spout`,
        type: "tube",
        nodes: [inner("front"), out],
        radius: receiver.spoutRadius,
        length: receiver.spoutLength,
        model: "exact",
      },
      {
        id: `${id}/rearVolume`,
        type: "acousticVolume",
        nodes: [inner("rear"), "0"],
        volume: receiver.rearVolume,
      },
    );
    if (receiver.rearVentRadius !== undefined && receiver.rearVentLength !== undefined) {
      parts.push({
        id: `${id}/rearVent`,
        type: "duct",
        nodes: [inner("rear"), "0"],
        radius: receiver.rearVentRadius,
        length: receiver.rearVentLength,
      });
    }
    if (receiver.diaphragmVentRadius !== undefined && receiver.diaphragmVentLength !== undefined) {
      parts.push({
        id: `${id}/diaphragmVent`,
        type: "duct",
        nodes: [inner("front"), inner("rear")],
        radius: receiver.diaphragmVentRadius,
        length: receiver.diaphragmVentLength,
      });
    }
    return parts;
  },
};
