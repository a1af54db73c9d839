import type { z } from "zod";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema, finite, nonNegative } from "../../network/parameters.js";
import { flowSourceStamp, potentialSourceStamp, twoTerminalPort } from "../../network/stamps.js";
import { lumpedElement } from "./lumpedElement.js";

export const resistor = lumpedElement({
  type: "resistor",
  domain: "electrical",
  behaviour: "resistance",
  parameter: "resistance",
  unit: "Ω",
  description: "resistance",
  summary: "electrical resistance R (Ω)",
});

export const capacitor = lumpedElement({
  type: "capacitor",
  domain: "electrical",
  behaviour: "capacitance",
  parameter: "capacitance",
  unit: "F",
  description: "capacitance",
  summary: "electrical capacitance C (F)",
});

export const inductor = lumpedElement({
  type: "inductor",
  domain: "electrical",
  behaviour: "inductance",
  parameter: "inductance",
  unit: "H",
  description: "inductance",
  summary: "electrical inductance L (H)",
});

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
