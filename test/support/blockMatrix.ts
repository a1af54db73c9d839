import { triplets } from "./triplets.js";

/**
 * A matrix shaped like a network of compound elements: `blocks` groups of `inner` unknowns, each
 * coupled only to itself and to two of the `shared` unknowns, which couple among themselves.
 */
export function blockMatrix(blocks: number, inner: number, shared: number, random: () => number) {
  const n = blocks * inner + shared;
  const entries = new Map<number, [number, number]>();
  const add = (i: number, j: number) =>
    entries.set(i * n + j, [random() - 0.5, random() - 0.5] as [number, number]);
  const first: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const base = b * inner;
    const ports = [blocks * inner + (b % shared), blocks * inner + ((3 * b + 1) % shared)];
    for (let i = 0; i < inner; i++) {
      first.push(base + i);
      for (let j = 0; j < inner; j++) if (i === j || random() < 0.4) add(base + i, base + j);
      for (const port of ports) {
        if (random() < 0.6) add(base + i, port);
        if (random() < 0.6) add(port, base + i);
      }
    }
    add(base, ports[0]!);
    add(ports[1]!, base + inner - 1);
  }
  for (let i = blocks * inner; i < n; i++)
    for (let j = blocks * inner; j < n; j++) if (i === j || random() < 0.3) add(i, j);
  // Dominant diagonals keep every block non-singular.
  for (let i = 0; i < n; i++) entries.set(i * n + i, [3 + random(), random() - 0.5]);
  return {
    n,
    first,
    tail: Array.from({ length: shared }, (_, k) => blocks * inner + k),
    ...triplets(n, entries),
  };
}
