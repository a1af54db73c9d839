import type { Network } from "./compileNetwork.js";

/**
 * The unknowns inside elements that have inner nodes (a driver's, the ear simulator's): each
 * touched by that element alone. (Not those of elements without inner nodes, such as a lone
 * transformer's branch: eliminating them first gains nothing and can cost accuracy.)
 */
export function insideElements(network: Network): number[] {
  const compound = new Set<string>();
  for (const node of network.unknownOfNode.keys()) {
    const match = /^#([^/]+)\//.exec(node);
    if (match) compound.add(match[1]!);
  }
  return network.elementsOfUnknown.flatMap((ids, unknown) =>
    ids.length === 1 && compound.has(ids[0]!) ? [unknown] : [],
  );
}

/** Rows where the right-hand side is not zero. */
export function drivenRows(network: Network): Int32Array {
  const driven: number[] = [];
  network.sourceRe.forEach((value, row) => value !== 0 && driven.push(row));
  return Int32Array.from(driven);
}
