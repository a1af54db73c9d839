import type { Domain } from "../core/domain.js";
import type { Issue } from "../core/issues.js";
import type { ElementBase, NetworkPrimitive } from "./elementModel.js";

export const GROUND = "0";

export interface Topology {
  /** Every node but ground, in order of first appearance. */
  readonly nodes: readonly string[];
  /** Domain of each node (ground belongs to all). Undefined when only couplings touch it. */
  readonly domainOf: ReadonlyMap<string, Domain>;
}

/**
 * Finds what makes a network ill-posed before any solving, naming the design elements involved:
 * terminals of one element in different domains, sources shorted by their own terminals, sub-networks
 * with no path to ground, nodes fed only by flow sources, and loops of ideal potential sources.
 */
export function checkTopology<D extends ElementBase>(
  primitives: readonly NetworkPrimitive<D>[],
): {
  topology: Topology;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const firstIndexOf = new Map<string, number>();
  for (const p of primitives)
    if (!firstIndexOf.has(p.originId)) firstIndexOf.set(p.originId, p.originIndex);
  /** Path of the first element named: where a reader should look first. */
  const pathOf = (ids: readonly string[]) => [
    "elements",
    ...(ids.length > 0 ? [firstIndexOf.get(ids[0]!)!] : []),
  ];
  const nodes: string[] = [];
  const index = new Map<string, number>();
  const nodeId = (name: string) => {
    let k = index.get(name);
    if (k === undefined) {
      k = nodes.length;
      index.set(name, k);
      nodes.push(name);
    }
    return k;
  };
  nodeId(GROUND);
  for (const p of primitives) for (const node of p.definition.nodes) nodeId(node);
  const count = nodes.length;
  const groundIndex = 0;

  // Domains: every port's terminals share one domain; fixed-domain ports say which.
  const sameDomain = new UnionFind(count);
  for (const p of primitives) {
    for (const port of p.model.ports) {
      const { terminals } = port;
      const first = index.get(p.definition.nodes[terminals[0]!]!)!;
      for (let t = 1; t < terminals.length; t++) {
        const other = index.get(p.definition.nodes[terminals[t]!]!)!;
        if (first !== groundIndex && other !== groundIndex) sameDomain.union(first, other);
      }
    }
  }
  const claims = new Map<number, Map<Domain, Set<string>>>();
  for (const p of primitives) {
    for (const port of p.model.ports) {
      if (port.domain === "any") continue;
      for (const t of port.terminals) {
        const k = index.get(p.definition.nodes[t]!)!;
        if (k === groundIndex) continue;
        const root = sameDomain.find(k);
        const byDomain = claims.get(root) ?? new Map<Domain, Set<string>>();
        claims.set(root, byDomain);
        const ids = byDomain.get(port.domain) ?? new Set<string>();
        byDomain.set(port.domain, ids);
        ids.add(p.originId);
      }
    }
  }
  const domainOf = new Map<string, Domain>();
  const reported = new Set<number>();
  for (let k = 1; k < count; k++) {
    const root = sameDomain.find(k);
    const byDomain = claims.get(root);
    if (byDomain === undefined) continue;
    // The first domain claimed; where there are more, already an error, and a domain is still
    // recorded so that later checks do not add a misleading one.
    domainOf.set(nodes[k]!, byDomain.keys().next().value!);
    if (byDomain.size > 1) {
      if (reported.has(root)) continue;
      reported.add(root);
      const parts = [...byDomain].map(([domain, ids]) => `${domain} (${[...ids].join(", ")})`);
      const involved = [...new Set([...byDomain.values()].flatMap((ids) => [...ids]))];
      issues.push({
        severity: "error",
        code: "domain-mismatch",
        path: pathOf(involved),
        elementIds: involved,
        message: `node "${nodes[k]}" joins elements of different domains: ${parts.join(" and ")}. Connect domains only through a transducer (gyrator, transformer, dynamicDriver), never node to node`,
      });
    }
  }

  // Elements (or ports of couplings) shorted by their own terminals: a source then contradicts
  // itself, anything else does nothing — either way a wiring mistake.
  for (const p of primitives) {
    for (const [portIndex, port] of p.model.ports.entries()) {
      if (port.terminals.length < 2) continue;
      const first = p.definition.nodes[port.terminals[0]!];
      if (!port.terminals.every((t) => p.definition.nodes[t] === first)) continue;
      const isSource = p.model.source !== undefined;
      const what =
        p.model.ports.length > 1 ? `port ${portIndex + 1} of "${p.originId}"` : `"${p.originId}"`;
      issues.push({
        severity: "error",
        code: isSource ? "shorted-source" : "shorted-element",
        path: ["elements", p.originIndex, "nodes"],
        elementIds: [p.originId],
        message: `${isSource ? "source " : "element "}${what} has both terminals on node "${first}"${isSource ? "" : ", so it does nothing"}; connect it between two different nodes`,
      });
    }
  }

  // Paths to ground: with every element, then without flow sources (their nodes float in potential).
  const connectivity = (includeFlowSources: boolean) => {
    const joined = new UnionFind(count);
    for (const p of primitives) {
      if (!includeFlowSources && p.model.source?.(p.definition) === "flow") continue;
      for (const port of p.model.ports) {
        const { terminals } = port;
        const first = index.get(p.definition.nodes[terminals[0]!]!)!;
        for (let t = 1; t < terminals.length; t++)
          joined.union(first, index.get(p.definition.nodes[terminals[t]!]!)!);
        if (port.grounded) joined.union(first, groundIndex);
      }
    }
    return joined;
  };
  const all = connectivity(true);
  const withoutFlowSources = connectivity(false);
  const floatingGroups = new Map<number, string[]>();
  const flowOnly: string[] = [];
  for (let k = 1; k < count; k++) {
    if (all.find(k) !== all.find(groundIndex)) {
      const group = floatingGroups.get(all.find(k)) ?? [];
      group.push(nodes[k]!);
      floatingGroups.set(all.find(k), group);
    } else if (withoutFlowSources.find(k) !== withoutFlowSources.find(groundIndex)) {
      flowOnly.push(nodes[k]!);
    }
  }
  for (const group of floatingGroups.values()) {
    const members = new Set(group);
    const involved = elementsTouching(primitives, members);
    issues.push({
      severity: "error",
      code: "floating-subnetwork",
      path: pathOf(involved),
      elementIds: involved,
      message: `nodes ${quoteList(group)} (elements ${involved.join(", ")}) have no path to ground "0": their potentials are undefined. Connect the sub-network to "0" (e.g. a source's minus terminal, a cavity's second node)`,
    });
  }
  if (flowOnly.length > 0) {
    const involved = elementsTouching(primitives, new Set(flowOnly));
    issues.push({
      severity: "error",
      code: "flow-source-cutset",
      path: pathOf(involved),
      elementIds: involved,
      message: `nodes ${quoteList(flowOnly)} reach ground only through current or volume-velocity sources (elements ${involved.join(", ")}), so their potentials are undefined. Add an element from them to "0"`,
    });
  }

  // Loops of ideal potential sources over-determine their potentials.
  const sources = new UnionFind(count);
  const loopMembers = new Map<number, string[]>();
  for (const p of primitives) {
    if (p.model.source?.(p.definition) !== "potential") continue;
    const a = index.get(p.definition.nodes[0]!)!;
    const b = index.get(p.definition.nodes[1]!)!;
    if (a === b) continue;
    if (sources.find(a) === sources.find(b)) {
      const others = primitives
        .filter((q) => q.model.source?.(q.definition) === "potential" && q !== p)
        .filter((q) => sources.find(index.get(q.definition.nodes[0]!)!) === sources.find(a))
        .map((q) => q.originId);
      loopMembers.set(a, [...new Set([...others, p.originId])]);
    } else {
      sources.union(a, b);
    }
  }
  // An ideal transformer carries a fixed potential difference from one winding to the other, so a
  // source on each side of one (directly or through more transformers) is a loop too.
  const transformers = primitives.filter((p) => p.definition.type === "transformer");
  const carried = new Set<NetworkPrimitive<D>>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const t of transformers) {
      if (carried.has(t)) continue;
      const [p1, m1, p2, m2] = t.definition.nodes.map((node) => index.get(node)!);
      const primaryFixed = sources.find(p1!) === sources.find(m1!);
      const secondaryFixed = sources.find(p2!) === sources.find(m2!);
      if (!primaryFixed && !secondaryFixed) continue;
      carried.add(t);
      changed = true;
      if (primaryFixed && secondaryFixed) {
        const ids = primitives
          .filter((q) => q.model.source?.(q.definition) === "potential" || carried.has(q))
          .map((q) => q.originId);
        loopMembers.set(-1 - loopMembers.size, [...new Set(ids)]);
      } else if (primaryFixed) {
        sources.union(p2!, m2!);
      } else {
        sources.union(p1!, m1!);
      }
    }
  }
  for (const ids of loopMembers.values()) {
    issues.push({
      severity: "error",
      code: "source-loop",
      path: pathOf(ids),
      elementIds: ids,
      message: `ideal sources ${ids.join(", ")} (with any ideal transformers between them) form a loop, which fixes the same potential difference twice. Remove one, or give a voltage source an outputImpedance`,
    });
  }

  return { topology: { nodes: nodes.slice(1), domainOf }, issues };
}

/** A part of a network that no source drives: its nodes and the design elements touching them. */
export interface UndrivenPart {
  readonly nodes: readonly string[];
  readonly elementIds: readonly string[];
}

/**
 * Parts of the network that touch the rest only at ground and have no source of their own: every
 * potential in them is zero, so their elements carry nothing (an element wired to the wrong node,
 * a chain whose only link to the driver is a misspelt node). The circuit is still well posed, so
 * this is for a warning, not one of `checkTopology`'s errors. Parts with no path to ground at all
 * are left out (`checkTopology` reports them as floating), and so is everything when the network
 * has no source: nothing in it is singled out. Couplings and transducers join their ports (a
 * gyrator carries a drive across domains).
 */
export function undrivenParts<D extends ElementBase>(
  primitives: readonly NetworkPrimitive<D>[],
): UndrivenPart[] {
  const sources = primitives.filter((p) => p.model.source?.(p.definition) !== undefined);
  if (sources.length === 0) return [];
  const index = new Map<string, number>([[GROUND, 0]]);
  for (const p of primitives)
    for (const node of p.definition.nodes) if (!index.has(node)) index.set(node, index.size);
  const joined = new UnionFind(index.size); // through anything but ground
  const grounded = new UnionFind(index.size); // through anything, ground included
  for (const p of primitives) {
    const { nodes } = p.definition;
    const first = index.get(nodes[0]!)!;
    // The first node other than ground, which the others join (−1: none yet).
    let firstMember = first === 0 ? -1 : first;
    for (let t = 1; t < nodes.length; t++) {
      const k = index.get(nodes[t]!)!;
      grounded.union(first, k);
      if (k === 0) continue;
      if (firstMember < 0) firstMember = k;
      else joined.union(firstMember, k);
    }
    for (const port of p.model.ports)
      if (port.grounded) grounded.union(index.get(nodes[port.terminals[0]!]!)!, 0);
  }
  const driven = new Set<number>();
  for (const p of sources)
    for (const node of p.definition.nodes)
      if (node !== GROUND) driven.add(joined.find(index.get(node)!));
  const groups = new Map<number, string[]>();
  for (const [name, k] of index) {
    if (k === 0 || driven.has(joined.find(k)) || grounded.find(k) !== grounded.find(0)) continue;
    const group = groups.get(joined.find(k)) ?? [];
    group.push(name);
    groups.set(joined.find(k), group);
  }
  return [...groups.values()].map((nodes) => ({
    nodes,
    elementIds: elementsTouching(primitives, new Set(nodes)),
  }));
}

function elementsTouching<D extends ElementBase>(
  primitives: readonly NetworkPrimitive<D>[],
  nodes: ReadonlySet<string>,
): string[] {
  const ids = primitives
    .filter((p) => p.definition.nodes.some((n) => nodes.has(n)))
    .map((p) => p.originId);
  return [...new Set(ids)];
}

function quoteList(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((name) => `"${name}"`);
  return names.length > 8 ? `${shown.join(", ")} and ${names.length - 8} more` : shown.join(", ");
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(k: number): number {
    let root = k;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[k] !== root) {
      const next = this.parent[k]!;
      this.parent[k] = root;
      k = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}
