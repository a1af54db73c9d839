import type { z } from "zod";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema, positive } from "../../network/parameters.js";
import { constantStamp } from "../../network/stamps.js";

/*
 * Ideal lossless two-ports joining domains (or two circuits of one domain). Each port takes the
 * domain of the nodes it connects to, so one gyrator serves electrical→mechanical (Bl) and one
 * transformer mechanical→acoustic (area) or electrical→electrical (a step-up transformer).
 */

const TERMINALS = ["port1Plus", "port1Minus", "port2Plus", "port2Minus"] as const;
const COUPLING_PORTS = [
  { terminals: [0, 1], domain: "any" },
  { terminals: [2, 3], domain: "any" },
] as const;

const gyratorSchema = elementSchema("gyrator", TERMINALS, {
  transduction: positive("(port-1 unit)/(port-2 flow)"),
});
export type Gyrator = z.infer<typeof gyratorSchema>;
/**
 * Ideal gyrator of transduction T: v₁ = T·i₂ᵒᵘᵗ and v₂ = T·i₁, where i₁ flows into port 1 and i₂ᵒᵘᵗ
 * flows out of port 2's plus terminal. With T = Bl it is the electrodynamic coupling: back-EMF Bl·v on
 * the electrical side and force Bl·i on the mechanical side.
 */
export const gyrator: PrimitiveModel<Gyrator> = {
  kind: "primitive",
  type: "gyrator",
  summary:
    "ideal gyrator: v1 = T·(flow out of port 2), v2 = T·(flow into port 1); T = Bl for a motor",
  terminals: TERMINALS,
  parameters: {
    transduction: {
      unit: "e.g. T·m = N/A",
      description: "transduction coefficient (Bl for a voice coil)",
    },
  },
  schema: gyratorSchema,
  ports: COUPLING_PORTS,
  realize(element, context) {
    const [p1, m1, p2, m2] = [context.node(0), context.node(1), context.node(2), context.node(3)];
    const g = 1 / element.transduction;
    // Flow into port 1 = v₂/T; flow into port 2 = −v₁/T (admittance form, no extra unknowns).
    return constantStamp(context, [
      [p1, p2, g],
      [p1, m2, -g],
      [m1, p2, -g],
      [m1, m2, g],
      [p2, p1, -g],
      [p2, m1, g],
      [m2, p1, g],
      [m2, m1, -g],
    ]);
  },
};

const transformerSchema = elementSchema("transformer", TERMINALS, { ratio: positive("") });
export type Transformer = z.infer<typeof transformerSchema>;
/**
 * Ideal transformer 1:n (n = `ratio`): v₂ = n·v₁ and i₁ = n·i₂ᵒᵘᵗ. A 1:20 step-up has ratio 20; a
 * piston of area S coupling force (port 1) to pressure (port 2) has ratio 1/S.
 */
export const transformer: PrimitiveModel<Transformer> = {
  kind: "primitive",
  type: "transformer",
  summary: "ideal transformer 1:n: v2 = n·v1, flow into port 1 = n·(flow out of port 2)",
  terminals: TERMINALS,
  parameters: { ratio: { unit: "", description: "turns ratio n of 1:n (secondary/primary)" } },
  schema: transformerSchema,
  ports: COUPLING_PORTS,
  realize(element, context) {
    const n = element.ratio;
    const [p1, m1, p2, m2] = [context.node(0), context.node(1), context.node(2), context.node(3)];
    const branch = context.branch(); // flow into port 1's plus terminal
    return constantStamp(context, [
      [p1, branch, 1],
      [m1, branch, -1],
      [p2, branch, -1 / n],
      [m2, branch, 1 / n],
      // Branch equation: v₂ − n·v₁ = 0.
      [branch, p2, 1],
      [branch, m2, -1],
      [branch, p1, -n],
      [branch, m1, n],
    ]);
  },
};
