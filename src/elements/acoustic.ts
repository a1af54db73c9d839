import type { z } from "zod";
import { CGS_ACOUSTIC_OHM_IN_SI, bulkModulusPa } from "../core/air.js";
import { ductImpedance } from "../acoustics/duct.js";
import type { PrimitiveModel } from "../circuit/elementModel.js";
import { elementSchema, finite, positive, positiveInteger } from "../circuit/parameters.js";
import {
  admittanceStamp,
  capacitanceStamp,
  conductanceStamp,
  flowSourceStamp,
  inductanceStamp,
  potentialSourceStamp,
  seriesRmAdmittance,
  twoTerminalPort,
} from "../circuit/stamps.js";

/*
 * Acoustic elements in the impedance analogy: pressure (Pa) is the potential, volume velocity (m³/s)
 * the flow. A cavity is a compliance to ground; its second node is normally "0".
 */

const TERMINALS = ["a", "b"] as const;
const ports = twoTerminalPort("acoustic");

const acousticResistanceSchema = elementSchema("acousticResistance", TERMINALS, {
  resistance: positive("Pa·s/m³"),
});
export type AcousticResistance = z.infer<typeof acousticResistanceSchema>;
export const acousticResistance: PrimitiveModel<AcousticResistance> = {
  kind: "primitive",
  type: "acousticResistance",
  summary: "acoustic resistance R (Pa·s/m³, SI acoustic ohms)",
  terminals: TERMINALS,
  parameters: { resistance: { unit: "Pa·s/m³", description: "acoustic resistance" } },
  schema: acousticResistanceSchema,
  ports,
  realize: (element, context) => conductanceStamp(context, 1 / element.resistance),
};

const damperSchema = elementSchema("damper", TERMINALS, {
  ratingCgsOhm: positive("cgs acoustic Ω"),
});
export type Damper = z.infer<typeof damperSchema>;
export const damper: PrimitiveModel<Damper> = {
  kind: "primitive",
  type: "damper",
  summary: "acoustic damper rated in cgs acoustic ohms (1 cgs Ω = 1e5 Pa·s/m³), e.g. 1500",
  terminals: TERMINALS,
  parameters: {
    ratingCgsOhm: {
      unit: "cgs acoustic Ω",
      description: "damper rating as printed by makers (680, 1000, 1500, 2200, 3300, 4700 …)",
    },
  },
  schema: damperSchema,
  ports,
  // A damper's own mass (≈ρ·t/S for a screen of thickness t) is orders of magnitude below the
  // tubing's, so it is left out.
  realize: (element, context) =>
    conductanceStamp(context, 1 / (element.ratingCgsOhm * CGS_ACOUSTIC_OHM_IN_SI)),
};

const acousticMassSchema = elementSchema("acousticMass", TERMINALS, {
  inertance: positive("kg/m⁴"),
});
export type AcousticMass = z.infer<typeof acousticMassSchema>;
export const acousticMass: PrimitiveModel<AcousticMass> = {
  kind: "primitive",
  type: "acousticMass",
  summary: "acoustic mass (inertance) M (kg/m⁴): impedance jωM",
  terminals: TERMINALS,
  parameters: { inertance: { unit: "kg/m⁴", description: "acoustic inertance" } },
  schema: acousticMassSchema,
  ports,
  realize: (element, context) => inductanceStamp(context, element.inertance),
};

const acousticComplianceSchema = elementSchema("acousticCompliance", TERMINALS, {
  compliance: positive("m³/Pa"),
});
export type AcousticCompliance = z.infer<typeof acousticComplianceSchema>;
export const acousticCompliance: PrimitiveModel<AcousticCompliance> = {
  kind: "primitive",
  type: "acousticCompliance",
  summary: "acoustic compliance C (m³/Pa): impedance 1/(jωC)",
  terminals: TERMINALS,
  parameters: { compliance: { unit: "m³/Pa", description: "acoustic compliance" } },
  schema: acousticComplianceSchema,
  ports,
  realize: (element, context) => capacitanceStamp(context, element.compliance),
};

const acousticVolumeSchema = elementSchema("acousticVolume", TERMINALS, { volume: positive("m³") });
export type AcousticVolume = z.infer<typeof acousticVolumeSchema>;
export const acousticVolume: PrimitiveModel<AcousticVolume> = {
  kind: "primitive",
  type: "acousticVolume",
  summary: 'air cavity of volume V (m³): adiabatic compliance V/(ρc²); second node normally "0"',
  terminals: TERMINALS,
  parameters: { volume: { unit: "m³", description: "cavity volume (1 cm³ = 1e-6 m³)" } },
  schema: acousticVolumeSchema,
  ports,
  realize: (element, context) =>
    capacitanceStamp(context, element.volume / bulkModulusPa(context.air)),
};

const ductSchema = elementSchema("duct", TERMINALS, {
  radius: positive("m"),
  length: positive("m"),
  count: positiveInteger().optional(),
});
export type Duct = z.infer<typeof ductSchema>;
export const duct: PrimitiveModel<Duct> = {
  kind: "primitive",
  type: "duct",
  summary:
    "short narrow duct(s) — vent, leak, hole: Poiseuille R + (4/3)ρl/(πr²) mass, N in parallel",
  terminals: TERMINALS,
  parameters: {
    radius: { unit: "m", description: "radius of each hole" },
    length: { unit: "m", description: "length (add end corrections yourself: ≈0.61r unflanged)" },
    count: { unit: "", description: "number of identical holes in parallel (default 1)" },
  },
  schema: ductSchema,
  ports,
  realize(element, context) {
    const { resistance, inertance } = ductImpedance(
      element.radius,
      element.length,
      element.count ?? 1,
      context.air,
    );
    return admittanceStamp(context, seriesRmAdmittance(resistance, inertance));
  },
};

const pressureSourceSchema = elementSchema("pressureSource", ["plus", "minus"], {
  pressure: finite("Pa rms"),
});
export type PressureSource = z.infer<typeof pressureSourceSchema>;
export const pressureSource: PrimitiveModel<PressureSource> = {
  kind: "primitive",
  type: "pressureSource",
  summary: "ideal pressure source (Pa rms, phase 0)",
  terminals: ["plus", "minus"],
  parameters: { pressure: { unit: "Pa rms", description: "pressure of plus relative to minus" } },
  schema: pressureSourceSchema,
  ports,
  source: () => "potential",
  realize: (element, context) => potentialSourceStamp(context, element.pressure, 0),
};

const volumeVelocitySourceSchema = elementSchema("volumeVelocitySource", ["into", "from"], {
  volumeVelocity: finite("m³/s rms"),
});
export type VolumeVelocitySource = z.infer<typeof volumeVelocitySourceSchema>;
export const volumeVelocitySource: PrimitiveModel<VolumeVelocitySource> = {
  kind: "primitive",
  type: "volumeVelocitySource",
  summary: "ideal volume-velocity source (m³/s rms, phase 0) driving into its first node",
  terminals: ["into", "from"],
  parameters: {
    volumeVelocity: { unit: "m³/s rms", description: "volume velocity driven into the first node" },
  },
  schema: volumeVelocitySourceSchema,
  ports,
  source: () => "flow",
  realize: (element, context) => flowSourceStamp(context, element.volumeVelocity),
};
