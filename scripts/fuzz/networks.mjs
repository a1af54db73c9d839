import { refusal, tympanErrorOr } from "./measurements.mjs";

/**
 * Random valid networks for the fuzzer: a source driving a random tree of branches (every node hangs
 * from an earlier one, the first from ground, so every node is driven) plus random extra branches, in
 * the electrical domain (R, L, C, a transformer to a second electrical section, a gyrator to a
 * mechanical section of masses, compliances and resistances) or the acoustic one (volumes,
 * resistances, dampers, masses, ducts and tubes, driven by a volume-velocity or pressure source).
 * Values span the decades real in-ear monitors use, so each network is well posed: validation must
 * accept it and simulation give finite numbers, or say why not with a TympanError.
 */

const ELECTRICAL = [
  (r) => ({ type: "resistor", resistance: r.logUniform(0.1, 1e5) }),
  (r) => ({ type: "capacitor", capacitance: r.logUniform(1e-10, 1e-3) }),
  (r) => ({ type: "inductor", inductance: r.logUniform(1e-7, 1) }),
];
const MECHANICAL = [
  (r) => ({ type: "mass", mass: r.logUniform(1e-7, 1e-2) }),
  (r) => ({ type: "compliance", compliance: r.logUniform(1e-5, 1e-1) }),
  (r) => ({ type: "mechanicalResistance", resistance: r.logUniform(1e-4, 10) }),
];
const ACOUSTIC = [
  (r) => ({ type: "acousticVolume", volume: r.logUniform(1e-9, 1e-5), ground: true }),
  (r) => ({ type: "acousticResistance", resistance: r.logUniform(1e5, 1e10) }),
  (r) => ({ type: "damper", ratingCgsOhm: r.logUniform(100, 10_000) }),
  (r) => ({ type: "acousticMass", inertance: r.logUniform(10, 1e5) }),
  (r) => ({ type: "duct", radius: r.logUniform(1e-4, 1e-3), length: r.logUniform(3e-4, 5e-3) }),
  (r) => ({
    type: "tube",
    radius: r.logUniform(2e-4, 2e-3),
    length: r.logUniform(1e-3, 5e-2),
    model: r.pick(["exact", "foster", "lossless"]),
  }),
];

/**
 * A tree on `count` new nodes named `prefix`1…, hanging from `root`; every node also reaches ground
 * (so none is joined to the rest at one terminal only), plus extra branches between random nodes.
 * Cavities (a compliance to the outside pressure) only ever go from a node to ground.
 */
function section(r, elements, kinds, prefix, root, count) {
  const nodes = [root];
  const between = kinds.filter((kind) => !kind(r).ground);
  const add = (a, b) => {
    const { ground, ...element } = r.pick(b === "0" ? kinds : between)(r);
    elements.push({
      id: `${prefix}${elements.length}`,
      ...element,
      nodes: ground ? [a, "0"] : [a, b],
    });
  };
  for (let i = 1; i <= count; i++) {
    const node = `${prefix}${i}`;
    add(r.pick(nodes), node);
    nodes.push(node);
  }
  for (const node of nodes) if (node !== root || r.chance(0.5)) add(node, "0");
  for (let k = r.int(0, count); k > 0; k--) {
    const a = r.pick(nodes);
    const b = r.pick([...nodes, "0"]);
    if (a !== b) add(a, b);
  }
  return nodes;
}

export const networkKind = {
  name: "networks",
  generate(r) {
    const elements = [];
    const probes = [];
    if (r.chance(0.6)) {
      elements.push(
        r.chance(0.7)
          ? {
              id: "src",
              type: "voltageSource",
              nodes: ["e0", "0"],
              voltage: r.logUniform(1e-3, 10),
              ...(r.chance(0.5) ? { outputImpedance: r.logUniform(0.1, 100) } : {}),
            }
          : {
              id: "src",
              type: "currentSource",
              nodes: ["e0", "0"],
              current: r.logUniform(1e-6, 1),
            },
      );
      const electrical = section(r, elements, ELECTRICAL, "e", "e0", r.int(1, 5));
      probes.push({ id: "e", node: r.pick(electrical) });
      if (r.chance(0.4)) {
        elements.push({
          id: "xf",
          type: "transformer",
          nodes: [r.pick(electrical), "0", "t0", "0"],
          ratio: r.logUniform(0.05, 20),
        });
        section(r, elements, ELECTRICAL, "t", "t0", r.int(1, 3));
        probes.push({ id: "t", node: "t0" });
      }
      if (r.chance(0.5)) {
        elements.push({
          id: "motor",
          type: "gyrator",
          nodes: [r.pick(electrical), "0", "m0", "0"],
          transduction: r.logUniform(0.1, 10),
        });
        section(r, elements, MECHANICAL, "m", "m0", r.int(1, 4));
        probes.push({ id: "m", node: "m0" });
      }
    } else {
      elements.push(
        r.chance(0.7)
          ? {
              id: "src",
              type: "volumeVelocitySource",
              nodes: ["a0", "0"],
              volumeVelocity: r.logUniform(1e-9, 1e-5),
            }
          : {
              id: "src",
              type: "pressureSource",
              nodes: ["a0", "0"],
              pressure: r.logUniform(1e-3, 100),
            },
      );
      const acoustic = section(r, elements, ACOUSTIC, "a", "a0", r.int(1, 6));
      probes.push({ id: "a", node: r.pick(acoustic) });
    }
    const frequencies = r.chance(0.2)
      ? [0.01, 0.1, 1, 1e3, 1e5, 1e6]
      : Array.from({ length: r.int(1, 8) }, () => r.logUniform(1, 1e5));
    return { design: { tympan: 1, name: "fuzzed network", elements, probes }, frequencies };
  },
  describe: (input) =>
    `${input.design.elements.length} elements, at ${input.frequencies.map((f) => f.toPrecision(4)).join(", ")} Hz`,
  check(input, api) {
    const validated = api.validateDesign(input.design);
    if (!validated.ok)
      return `a valid network refused: ${validated.issues.map((i) => `${i.code}: ${i.message}`).join("; ")}`;
    const tried = api.trySimulate(input.design, { frequencies: input.frequencies });
    if (!tried.ok) return refusal(tried.issues);
    return tympanErrorOr(api, () => tried.value);
  },
};
