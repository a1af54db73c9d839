import type { z } from "zod";
import { CGS_ACOUSTIC_OHM_IN_SI, bulkModulusPa } from "../../core/air.js";
import { ductImpedance } from "../ducts/ductImpedance.js";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema, finite, positive, positiveInteger } from "../../network/parameters.js";
import {
  admittanceStamp,
  flowSourceStamp,
  potentialSourceStamp,
  seriesRmAdmittance,
  twoTerminalPort,
} from "../../network/stamps.js";
import { lumpedElement } from "./lumpedElement.js";

/*
 * Acoustic elements in the impedance analogy: pressure (Pa) is the potential, volume velocity (m³/s)
 * the flow. A cavity is a compliance to ground; its second node is normally "0".
 */

const TERMINALS = ["a", "b"] as const;
const ports = twoTerminalPort("acoustic");

export const acousticResistance = lumpedElement({
  type: "acousticResistance",
  domain: "acoustic",
  behaviour: "resistance",
  parameter: "resistance",
  unit: "Pa·s/m³",
  description: "acoustic resistance",
  summary: "acoustic resistance R (Pa·s/m³, SI acoustic ohms)",
});

// A damper's own mass (≈ρ·t/S for a screen of thickness t) is orders of magnitude below the tubing's,
// so a damper is its resistance alone.
export const damper = lumpedElement({
  type: "damper",
  domain: "acoustic",
  behaviour: "resistance",
  parameter: "ratingCgsOhm",
  unit: "cgs acoustic Ω",
  description: "damper rating as printed by makers (680, 1000, 1500, 2200, 3300, 4700 …)",
  summary: "acoustic damper rated in cgs acoustic ohms (1 cgs Ω = 1e5 Pa·s/m³), e.g. 1500",
  toSi: (rating) => rating * CGS_ACOUSTIC_OHM_IN_SI,
});

export const acousticMass = lumpedElement({
  type: "acousticMass",
  domain: "acoustic",
  behaviour: "inductance",
  parameter: "inertance",
  unit: "kg/m⁴",
  description: "acoustic inertance",
  summary: "acoustic mass (inertance) M (kg/m⁴): impedance jωM",
});

export const acousticCompliance = lumpedElement({
  type: "acousticCompliance",
  domain: "acoustic",
  behaviour: "capacitance",
  parameter: "compliance",
  unit: "m³/Pa",
  description: "acoustic compliance",
  summary: "acoustic compliance C (m³/Pa): impedance 1/(jωC)",
});

export const acousticVolume = lumpedElement({
  type: "acousticVolume",
  domain: "acoustic",
  behaviour: "capacitance",
  parameter: "volume",
  unit: "m³",
  description: "cavity volume (1 cm³ = 1e-6 m³)",
  summary: 'air cavity of volume V (m³): adiabatic compliance V/(ρc²); second node normally "0"',
  toSi: (volume, air) => volume / bulkModulusPa(air),
});

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
