import type { Air } from "../core/air.js";
import type { Domain } from "../core/domain.js";
import type { NetworkPrimitive, PrimitiveModel } from "../network/elementModel.js";
import { type ElementDefinition, modelOf } from "../elements/registry.js";

/** A primitive of the expanded design network, remembering which design element it came from. */
export type PrimitiveInstance = NetworkPrimitive<ElementDefinition>;

/**
 * A primitive that only says "this node is in this domain": a macro's terminal claims join the
 * domain check this way. It stamps nothing and connects nothing.
 */
function domainClaim(domain: Domain): PrimitiveModel<ElementDefinition> {
  const known = DOMAIN_CLAIMS.get(domain);
  if (known !== undefined) return known;
  const claim = newDomainClaim(domain);
  DOMAIN_CLAIMS.set(domain, claim);
  return claim;
}

const DOMAIN_CLAIMS = new Map<Domain, PrimitiveModel<ElementDefinition>>();

/** Whether a primitive is only a macro terminal's domain claim (it connects nothing). */
export function isDomainClaim(primitive: PrimitiveInstance): boolean {
  return DOMAIN_CLAIMS.get(primitive.model.ports[0]?.domain as Domain) === primitive.model;
}

function newDomainClaim(domain: Domain): PrimitiveModel<ElementDefinition> {
  return {
    kind: "primitive",
    type: "resistor",
    summary: "",
    terminals: ["node"],
    parameters: {},
    schema: undefined as never,
    ports: [{ terminals: [0], domain }],
    realize: () => ({}),
  };
}

/** Expands macro elements (drivers, ear simulators) recursively into primitives, in design order. */
export function expandElements(
  elements: readonly ElementDefinition[],
  air: Air,
): PrimitiveInstance[] {
  const primitives: PrimitiveInstance[] = [];
  const visit = (definition: ElementDefinition, originIndex: number, originId: string) => {
    const model = modelOf(definition.type);
    if (model.kind === "primitive") {
      primitives.push({ definition, model, originIndex, originId });
    } else {
      model.terminalDomains.forEach((domain, terminal) => {
        const claim = { ...definition, nodes: [definition.nodes[terminal]!] } as ElementDefinition;
        primitives.push({ definition: claim, model: domainClaim(domain), originIndex, originId });
      });
      for (const part of model.expand(definition, air)) {
        visit(part as ElementDefinition, originIndex, originId);
      }
    }
  };
  elements.forEach((element, index) => visit(element, index, element.id));
  return primitives;
}
