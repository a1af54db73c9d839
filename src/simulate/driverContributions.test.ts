import { describe, expect, it } from "vitest";
import { MICROSPEAKER } from "../catalogue/parts/microspeaker.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { simulate, trySimulate } from "./simulate.js";

/** Two drivers behind a first-order crossover, sharing a tube into the 711. */
function twoWay(byDriver: boolean) {
  return {
    tympan: 1,
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      { id: "Llow", type: "inductor", nodes: ["in", "low"], inductance: 1e-3 },
      { id: "woofer", type: "dynamicDriver", nodes: ["low", "0", "f1", "b1"], ...MICROSPEAKER },
      { id: "rear1", type: "acousticVolume", nodes: ["b1", "0"], volume: 1e-7 },
      { id: "Chigh", type: "capacitor", nodes: ["in", "high"], capacitance: 2e-6 },
      {
        id: "tweeter",
        type: "dynamicDriver",
        nodes: ["high", "0", "f2", "b2"],
        ...MICROSPEAKER,
        mms: 5e-6,
      },
      { id: "rear2", type: "acousticVolume", nodes: ["b2", "0"], volume: 5e-8 },
      { id: "t1", type: "tube", nodes: ["f1", "nozzle"], radius: 0.0005, length: 0.006 },
      { id: "t2", type: "tube", nodes: ["f2", "nozzle"], radius: 0.0004, length: 0.008 },
      { id: "ear", type: "ear711", nodes: ["nozzle", "drum"] },
    ],
    probes: [{ id: "drum", node: "drum", ...(byDriver ? { byDriver: true } : {}) }],
  };
}

const FREQUENCIES = logFrequencies({ fromHz: 20, toHz: 20000, points: 60 });

describe("per-driver contributions", () => {
  it("sum exactly to the whole, and the whole is unchanged by asking for them", () => {
    const plain = simulate(twoWay(false), { frequencies: FREQUENCIES });
    const split = simulate(twoWay(true), { frequencies: FREQUENCIES });
    expect(Object.keys(split.probes).sort()).toEqual(["drum", "drum/tweeter", "drum/woofer"]);
    expect(split.probes.drum!.re).toEqual(plain.probes.drum!.re);
    const { drum, "drum/woofer": woofer, "drum/tweeter": tweeter } = split.probes;
    FREQUENCIES.forEach((_, f) => {
      const scale = Math.hypot(drum!.re[f]!, drum!.im[f]!);
      expect(Math.abs(woofer!.re[f]! + tweeter!.re[f]! - drum!.re[f]!)).toBeLessThan(1e-9 * scale);
      expect(Math.abs(woofer!.im[f]! + tweeter!.im[f]! - drum!.im[f]!)).toBeLessThan(1e-9 * scale);
    });
  });

  it("shows the crossover's hand-off: the woofer leads the bass, the tweeter the treble", () => {
    const split = simulate(twoWay(true), { frequencies: [50, 15000] });
    const woofer = split.probes["drum/woofer"]!.db;
    const tweeter = split.probes["drum/tweeter"]!.db;
    expect(woofer[0]! - tweeter[0]!).toBeGreaterThan(20);
    expect(tweeter[1]! - woofer[1]!).toBeGreaterThan(6);
  });

  it("gives a single driver the whole", () => {
    const single = twoWay(true);
    single.elements = single.elements.filter(
      (element) => !["Chigh", "tweeter", "rear2", "t2"].includes(element.id),
    );
    const result = simulate(single, { frequencies: FREQUENCIES });
    const drum = result.probes.drum!;
    const share = result.probes["drum/woofer"]!;
    FREQUENCIES.forEach((_, f) => {
      expect(share.db[f]! - drum.db[f]!).toBeCloseTo(0, 9);
    });
  });

  it("keeps a path that bypasses every motor as the remainder 'other'", () => {
    const design = twoWay(true);
    // A pressure source straight into the nozzle: no motor accounts for it.
    design.elements.push(
      { id: "leakSource", type: "pressureSource", nodes: ["p", "0"], pressure: 1e-3 } as never,
      {
        id: "leakPath",
        type: "duct",
        nodes: ["p", "nozzle"],
        radius: 0.0002,
        length: 0.002,
      } as never,
    );
    const result = simulate(design, { frequencies: [1000] });
    expect(Object.keys(result.probes)).toContain("drum/other");
    const parts = ["drum/woofer", "drum/tweeter", "drum/other"].map((id) => result.probes[id]!);
    const sum = parts.reduce((acc, part) => acc + part.re[0]!, 0);
    expect(sum).toBeCloseTo(result.probes.drum!.re[0]!, 9);
  });

  it("says so when no transducer is there to split by", () => {
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "q", type: "volumeVelocitySource", nodes: ["a", "0"], volumeVelocity: 1e-8 },
          { id: "v", type: "acousticVolume", nodes: ["a", "0"], volume: 1e-6 },
        ],
        probes: [{ id: "a", node: "a", byDriver: true }],
      },
      { frequencies: [100] },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]!.message).toMatch(/no transducer with a motor/);
  });

  it("rejects probe ids with a slash and a non-boolean byDriver", () => {
    const outcome = trySimulate(
      { ...twoWay(false), probes: [{ id: "a/b", node: "drum", byDriver: "yes" }] },
      { frequencies: [100] },
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      const messages = outcome.issues.map((issue) => issue.message).join("\n");
      expect(messages).toMatch(/contains "\/"/);
      expect(messages).toMatch(/"byDriver" is true/);
    }
  });

  it("splits a design whose electrical side, cut from its motors, stands on no ground of its own", () => {
    // The dual-opposed reference wires its two coils in series: without the motors, the node
    // between them floats. Only the side connected to the probe is solved for the shares.
    const design = referenceDesign("dual-opposed-dd")!.design;
    const split = simulate(
      { ...design, probes: design.probes.map((probe) => ({ ...probe, byDriver: true })) },
      { frequencies: FREQUENCIES },
    );
    const drum = split.probes.drum!;
    const shares = Object.keys(split.probes).filter((id) => id.startsWith("drum/"));
    expect(shares.length).toBeGreaterThan(0);
    FREQUENCIES.forEach((_, f) => {
      const scale = Math.hypot(drum.re[f]!, drum.im[f]!);
      const re = shares.reduce((sum, id) => sum + split.probes[id]!.re[f]!, 0);
      const im = shares.reduce((sum, id) => sum + split.probes[id]!.im[f]!, 0);
      expect(Math.abs(re - drum.re[f]!)).toBeLessThan(1e-9 * scale);
      expect(Math.abs(im - drum.im[f]!)).toBeLessThan(1e-9 * scale);
    });
  });
});
