import { simulate } from "../../src/simulate/simulate.js";
import { type KnownLoad, knownLoadElements } from "../../src/identify/knownLoads.js";
import type { ComplexSeries } from "../../src/core/complexValue.js";

/**
 * A balanced-armature-like receiver built from primitives, for three-load identification tests:
 * coil Re + Le → gyrator T → armature mass, stiffness and damping → area transformer 1/Sd → front and
 * rear cavities → a 2 mm × r 0.5 mm spout to the output node "out". Electrical terminals "plus" and
 * ground. Values are illustrative (a mechanical resonance near 2.5 kHz, |Z| ≈ 100–700 Ω), chosen to
 * exercise the identification, not taken from a datasheet.
 */
export const SYNTHETIC_RECEIVER: readonly Record<string, unknown>[] = [
  { id: "Re", type: "resistor", nodes: ["plus", "coil"], resistance: 100 },
  { id: "Le", type: "inductor", nodes: ["coil", "motor"], inductance: 10e-3 },
  { id: "T", type: "gyrator", nodes: ["motor", "0", "force", "0"], transduction: 5 },
  { id: "M", type: "mass", nodes: ["force", "m1"], mass: 5e-6 },
  { id: "K", type: "compliance", nodes: ["m1", "m2"], compliance: 8e-4 },
  { id: "R", type: "mechanicalResistance", nodes: ["m2", "m3"], resistance: 0.02 },
  { id: "Sd", type: "transformer", nodes: ["m3", "0", "front", "back"], ratio: 1 / 1e-5 },
  { id: "front", type: "acousticVolume", nodes: ["front", "0"], volume: 2e-8 },
  { id: "back", type: "acousticVolume", nodes: ["back", "0"], volume: 5e-8 },
  { id: "spout", type: "tube", nodes: ["front", "out"], length: 2e-3, radius: 0.5e-3 },
];

function solve(elements: readonly Record<string, unknown>[], probes: string[], grid: number[]) {
  return simulate(
    { tympan: 1, elements, probes: probes.map((node) => ({ id: node, node })) },
    { frequencies: grid },
  ).probes;
}

/**
 * The receiver's input impedance (Ω) in a known load at "out", simulated by the engine: 1 A into
 * "plus", the load built from its own elements, the potential of "plus" read back.
 */
export function simulatedInputImpedance(
  receiver: readonly Record<string, unknown>[],
  load: KnownLoad,
  grid: number[],
): ComplexSeries {
  const probes = solve(
    [
      ...receiver,
      ...knownLoadElements(load, "out"),
      { id: "is", type: "currentSource", nodes: ["plus", "0"], current: 1 },
    ],
    ["plus"],
    grid,
  );
  return { re: probes.plus!.re, im: probes.plus!.im };
}

/**
 * The receiver's Hunt two-port, each coefficient from one engine simulation: Ze and T with 1 A into
 * "plus" and the port closed (nothing on "out": U = 0, so V = Ze·I and p = T·I); Za with 1 m³/s into
 * "out" and the coil open (I = 0, p = Za·U).
 */
export function receiverTruth(
  receiver: readonly Record<string, unknown>[],
  grid: number[],
): { ze: ComplexSeries; transduction: ComplexSeries; za: ComplexSeries } {
  const blocked = solve(
    [...receiver, { id: "is", type: "currentSource", nodes: ["plus", "0"], current: 1 }],
    ["plus", "out"],
    grid,
  );
  const open = solve(
    [
      ...receiver,
      { id: "qs", type: "volumeVelocitySource", nodes: ["out", "0"], volumeVelocity: 1 },
    ],
    ["out", "plus"], // the probe on "plus" declares the coil's open terminal deliberate
    grid,
  );
  const series = (probe: { re: number[]; im: number[] }) => ({ re: probe.re, im: probe.im });
  return {
    ze: series(blocked.plus!),
    transduction: series(blocked.out!),
    za: series(open.out!),
  };
}
