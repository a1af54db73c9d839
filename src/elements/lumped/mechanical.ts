import { lumpedElement } from "./lumpedElement.js";

/*
 * Mechanical elements in the impedance analogy: force is the potential, velocity the flow. Elements
 * that share one velocity are in series (a moving mass, its suspension and its losses form one loop).
 */

export const mass = lumpedElement({
  type: "mass",
  domain: "mechanical",
  behaviour: "inductance",
  parameter: "mass",
  unit: "kg",
  description: "moving mass",
  summary: "moving mass M (kg): impedance jωM",
});

export const compliance = lumpedElement({
  type: "compliance",
  domain: "mechanical",
  behaviour: "capacitance",
  parameter: "compliance",
  unit: "m/N",
  description: "compliance (1/stiffness)",
  summary: "suspension compliance C (m/N): impedance 1/(jωC)",
});

export const mechanicalResistance = lumpedElement({
  type: "mechanicalResistance",
  domain: "mechanical",
  behaviour: "resistance",
  parameter: "resistance",
  unit: "N·s/m",
  description: "mechanical resistance (damping)",
  summary: "mechanical resistance R (N·s/m)",
});
