import type { z } from "zod";
import type { PrimitiveModel } from "../circuit/elementModel.js";
import { elementSchema, positive } from "../circuit/parameters.js";
import {
  capacitanceStamp,
  conductanceStamp,
  inductanceStamp,
  twoTerminalPort,
} from "../circuit/stamps.js";

/*
 * Mechanical elements in the impedance analogy: force is the potential, velocity the flow. Elements
 * that share one velocity are in series (a moving mass, its suspension and its losses form one loop).
 */

const TERMINALS = ["a", "b"] as const;

const massSchema = elementSchema("mass", TERMINALS, { mass: positive("kg") });
export type Mass = z.infer<typeof massSchema>;
export const mass: PrimitiveModel<Mass> = {
  kind: "primitive",
  type: "mass",
  summary: "moving mass M (kg): impedance jωM",
  terminals: TERMINALS,
  parameters: { mass: { unit: "kg", description: "moving mass" } },
  schema: massSchema,
  ports: twoTerminalPort("mechanical"),
  realize: (element, context) => inductanceStamp(context, element.mass),
};

const complianceSchema = elementSchema("compliance", TERMINALS, { compliance: positive("m/N") });
export type Compliance = z.infer<typeof complianceSchema>;
export const compliance: PrimitiveModel<Compliance> = {
  kind: "primitive",
  type: "compliance",
  summary: "suspension compliance C (m/N): impedance 1/(jωC)",
  terminals: TERMINALS,
  parameters: { compliance: { unit: "m/N", description: "compliance (1/stiffness)" } },
  schema: complianceSchema,
  ports: twoTerminalPort("mechanical"),
  realize: (element, context) => capacitanceStamp(context, element.compliance),
};

const mechanicalResistanceSchema = elementSchema("mechanicalResistance", TERMINALS, {
  resistance: positive("N·s/m"),
});
export type MechanicalResistance = z.infer<typeof mechanicalResistanceSchema>;
export const mechanicalResistance: PrimitiveModel<MechanicalResistance> = {
  kind: "primitive",
  type: "mechanicalResistance",
  summary: "mechanical resistance R (N·s/m)",
  terminals: TERMINALS,
  parameters: { resistance: { unit: "N·s/m", description: "mechanical resistance (damping)" } },
  schema: mechanicalResistanceSchema,
  ports: twoTerminalPort("mechanical"),
  realize: (element, context) => conductanceStamp(context, 1 / element.resistance),
};
