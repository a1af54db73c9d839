import type { z } from "zod";
import type { PrimitiveModel } from "../circuit/elementModel.js";
import { elementSchema, finite, nonNegative, positive } from "../circuit/parameters.js";
import {
  capacitanceStamp,
  conductanceStamp,
  flowSourceStamp,
  inductanceStamp,
  potentialSourceStamp,
  twoTerminalPort,
} from "../circuit/stamps.js";

const PASSIVE_TERMINALS = ["a", "b"] as const;

const resistorSchema = elementSchema("resistor", PASSIVE_TERMINALS, { resistance: positive("Ω") });
export type Resistor = z.infer<typeof resistorSchema>;
export const resistor: PrimitiveModel<Resistor> = {
  kind: "primitive",
  type: "resistor",
  summary: "electrical resistance R (Ω)",
  terminals: PASSIVE_TERMINALS,
  parameters: { resistance: { unit: "Ω", description: "resistance" } },
  schema: resistorSchema,
  ports: twoTerminalPort("electrical"),
  realize: (element, context) => conductanceStamp(context, 1 / element.resistance),
};

const capacitorSchema = elementSchema("capacitor", PASSIVE_TERMINALS, {
  capacitance: positive("F"),
});
export type Capacitor = z.infer<typeof capacitorSchema>;
export const capacitor: PrimitiveModel<Capacitor> = {
  kind: "primitive",
  type: "capacitor",
  summary: "electrical capacitance C (F)",
  terminals: PASSIVE_TERMINALS,
  parameters: { capacitance: { unit: "F", description: "capacitance" } },
  schema: capacitorSchema,
  ports: twoTerminalPort("electrical"),
  realize: (element, context) => capacitanceStamp(context, element.capacitance),
};

const inductorSchema = elementSchema("inductor", PASSIVE_TERMINALS, { inductance: positive("H") });
export type Inductor = z.infer<typeof inductorSchema>;
export const inductor: PrimitiveModel<Inductor> = {
  kind: "primitive",
  type: "inductor",
  summary: "electrical inductance L (H)",
  terminals: PASSIVE_TERMINALS,
  parameters: { inductance: { unit: "H", description: "inductance" } },
  schema: inductorSchema,
  ports: twoTerminalPort("electrical"),
  realize: (element, context) => inductanceStamp(context, element.inductance),
};

const SOURCE_TERMINALS = ["plus", "minus"] as const;

const voltageSourceSchema = elementSchema("voltageSource", SOURCE_TERMINALS, {
  voltage: finite("V rms"),
  outputImpedance: nonNegative("Ω").optional(),
});
export type VoltageSource = z.infer<typeof voltageSourceSchema>;
export const voltageSource: PrimitiveModel<VoltageSource> = {
  kind: "primitive",
  type: "voltageSource",
  summary: "voltage source (V rms, phase 0) with optional resistive output impedance (Ω)",
  terminals: SOURCE_TERMINALS,
  parameters: {
    voltage: { unit: "V rms", description: "open-circuit voltage, plus relative to minus" },
    outputImpedance: { unit: "Ω", description: "series output resistance (default 0: ideal)" },
  },
  schema: voltageSourceSchema,
  ports: twoTerminalPort("electrical"),
  source: (element) => ((element.outputImpedance ?? 0) > 0 ? "none" : "potential"),
  realize: (element, context) =>
    potentialSourceStamp(context, element.voltage, element.outputImpedance ?? 0),
};

const FLOW_SOURCE_TERMINALS = ["into", "from"] as const;

const currentSourceSchema = elementSchema("currentSource", FLOW_SOURCE_TERMINALS, {
  current: finite("A rms"),
});
export type CurrentSource = z.infer<typeof currentSourceSchema>;
export const currentSource: PrimitiveModel<CurrentSource> = {
  kind: "primitive",
  type: "currentSource",
  summary: "current source (A rms, phase 0) driving current into its first node",
  terminals: FLOW_SOURCE_TERMINALS,
  parameters: { current: { unit: "A rms", description: "current driven into the first node" } },
  schema: currentSourceSchema,
  ports: twoTerminalPort("electrical"),
  source: () => "flow",
  realize: (element, context) => flowSourceStamp(context, element.current),
};
