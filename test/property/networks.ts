import fc from "fast-check";

/**
 * Generators of valid small electrical networks: resistors with capacitors or with inductors. Values
 * and frequencies keep every admittance within about 1e11 of every other, so the networks are
 * numerically well posed (the solver rightly reports far wider spreads, ~1e15, as singular).
 */

const logUniform = (from: number, to: number) =>
  fc
    .double({ min: Math.log10(from), max: Math.log10(to), noNaN: true })
    .map((exponent) => 10 ** exponent);

const REACTIVE = {
  capacitor: { parameter: "capacitance", values: logUniform(1e-9, 1e-4) },
  inductor: { parameter: "inductance", values: logUniform(1e-6, 1e-1) },
} as const;

interface Edge {
  readonly resistive: boolean;
  readonly value: number;
  readonly resistance: number;
}

/**
 * A connected RC or RL network on nodes n1…nN: a spanning tree rooted at n1, whose branch goes to
 * ground (so every node has a potential and the source drives it), plus random extra branches,
 * driven at n1 by a voltage or a current source.
 */
export const rcRlNetwork = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 6 }),
    reactive: fc.constantFrom("capacitor" as const, "inductor" as const),
    source: fc.constantFrom("voltageSource" as const, "currentSource" as const),
    amplitude: fc.double({ min: -10, max: 10, noNaN: true }),
  })
  .chain(({ nodeCount, reactive, source, amplitude }) => {
    const edge = fc.record({
      resistive: fc.boolean(),
      value: REACTIVE[reactive].values,
      resistance: logUniform(1, 1e5),
    });
    return fc.record({
      reactive: fc.constant(reactive),
      source: fc.constant(source),
      amplitude: fc.constant(amplitude),
      tree: fc.tuple(...Array.from({ length: nodeCount }, (_, i) => fc.tuple(fc.nat(i), edge))),
      extra: fc.array(fc.tuple(fc.nat(nodeCount), fc.nat(nodeCount), edge), {
        maxLength: nodeCount + 2,
      }),
      frequencies: fc.oneof(
        fc.array(logUniform(10, 1e5), { minLength: 1, maxLength: 8 }),
        fc.constant([20, 100, 1000, 10_000, 20_000]),
      ),
    });
  })
  .map(({ reactive, source, amplitude, tree, extra, frequencies }) => {
    const name = (k: number) => (k === 0 ? "0" : `n${k}`);
    const elements: Record<string, unknown>[] = [
      source === "voltageSource"
        ? { id: "src", type: "voltageSource", nodes: ["n1", "0"], voltage: amplitude }
        : { id: "src", type: "currentSource", nodes: ["n1", "0"], current: amplitude },
    ];
    const branch = (a: number, b: number, e: Edge) => {
      const id = `e${elements.length}`;
      elements.push(
        e.resistive
          ? { id, type: "resistor", nodes: [name(a), name(b)], resistance: e.resistance }
          : {
              id,
              type: reactive,
              nodes: [name(a), name(b)],
              [REACTIVE[reactive].parameter]: e.value,
            },
      );
    };
    // n1 hangs from ground, every later node from an earlier one: the source then reaches every node
    // without passing through ground (a part joined to the rest only at ground would carry nothing).
    tree.forEach(([parent, e], i) => branch(i + 1, i === 0 ? 0 : 1 + (parent % i), e));
    for (const [a, b, e] of extra) if (a !== b) branch(a, b, e);
    const nodeCount = tree.length;
    const probes = Array.from({ length: nodeCount }, (_, i) => ({
      id: `v${i + 1}`,
      node: `n${i + 1}`,
    }));
    return { design: { tympan: 1, elements, probes }, frequencies };
  });
