import type { z } from "zod";
import type { Air } from "../../core/air.js";
import type { Domain } from "../../core/domain.js";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema, positive } from "../../network/parameters.js";
import {
  capacitanceStamp,
  conductanceStamp,
  inductanceStamp,
  twoTerminalPort,
} from "../../network/stamps.js";

/**
 * How a one-parameter two-terminal element enters the impedance analogy: as a resistance R
 * (admittance 1/R), a capacitance-like C (jωC: capacitor, compliance, cavity) or an inductance-like
 * L (1/(jωL): inductor, mass, inertance).
 */
export type LumpedBehaviour = "resistance" | "capacitance" | "inductance";

export interface LumpedElementSpec<T extends string, P extends string> {
  readonly type: T;
  readonly domain: Domain;
  readonly behaviour: LumpedBehaviour;
  /** The one parameter, its unit and what it is. */
  readonly parameter: P;
  readonly unit: string;
  readonly description: string;
  readonly summary: string;
  /** The R, C or L in SI units of the domain, from the parameter (default: the parameter itself). */
  readonly toSi?: (value: number, air: Air) => number;
}

export type LumpedDefinition<T extends string, P extends string> = {
  id: string;
  type: T;
  nodes: string[];
} & Record<P, number>;

/** The model of a one-parameter two-terminal element: resistor, capacitor, mass, cavity, … */
export function lumpedElement<T extends string, P extends string>(
  spec: LumpedElementSpec<T, P>,
): PrimitiveModel<LumpedDefinition<T, P>> {
  const terminals = ["a", "b"] as const;
  const parameters = { [spec.parameter]: positive(spec.unit) } as Record<
    P,
    ReturnType<typeof positive>
  >;
  const schema = elementSchema(spec.type, terminals, parameters) as unknown as z.ZodType<
    LumpedDefinition<T, P>
  >;
  const stamp = {
    resistance: conductanceStamp,
    capacitance: capacitanceStamp,
    inductance: inductanceStamp,
  }[spec.behaviour];
  return {
    kind: "primitive",
    type: spec.type as LumpedDefinition<T, P>["type"],
    summary: spec.summary,
    terminals,
    parameters: { [spec.parameter]: { unit: spec.unit, description: spec.description } },
    schema,
    ports: twoTerminalPort(spec.domain),
    realize(element, context) {
      const value = element[spec.parameter] as number;
      const si = spec.toSi ? spec.toSi(value, context.air) : value;
      return spec.behaviour === "resistance" ? stamp(context, 1 / si) : stamp(context, si);
    },
  };
}
