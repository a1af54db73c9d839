import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import type { Design } from "../design/design.js";
import { TympanError } from "../core/issues.js";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { simulate } from "../simulate/simulate.js";
import { loadFromDesign, loadFromMeasurement, parseSensitivity, sourceGrid } from "./sourceLoad.js";

const singleBa = referenceDesign("single-ba")!.design;

function resistive(ohm: number, name = "iem"): Curve {
  return { kind: "impedance", frequencyHz: [10, 1000, 30000], values: [ohm, ohm, ohm], name };
}

describe("sourceGrid", () => {
  it("is 1/48 octave from 20 Hz to 20 kHz with 1 kHz exactly on it", () => {
    const grid = sourceGrid();
    expect(grid[0]).toBe(20);
    expect(grid[grid.length - 1]).toBe(20000);
    expect(grid).toContain(1000);
    expect(grid.length).toBeGreaterThan(478);
    expect(grid.length).toBeLessThan(482);
  });
});

describe("loadFromDesign", () => {
  it("reads impedance and pressure per volt from the simulation", () => {
    const load = loadFromDesign(singleBa, "single-ba", { frequencies: [100, 1000, 5000] });
    const direct = simulate(singleBa, { frequencies: [100, 1000, 5000] });
    load.drumPaPerVolt.forEach((p, i) => {
      expect(20 * Math.log10(p / 20e-6)).toBeCloseTo(direct.probes.drum!.db[i]!, 9);
      expect(Math.hypot(load.impedanceRe[i]!, load.impedanceIm[i]!)).toBeCloseTo(
        direct.inputImpedance!.magnitudeOhm[i]!,
        6,
      );
    });
  });

  it("is per terminal volt whatever the design's own drive level and output impedance", () => {
    const driven: Design = {
      ...singleBa,
      elements: singleBa.elements.map((e) =>
        e.type === "voltageSource" ? ({ ...e, voltage: 2.5, outputImpedance: 47 } as typeof e) : e,
      ),
    };
    const a = loadFromDesign(singleBa, "a", { frequencies: [300, 3000] });
    const b = loadFromDesign(driven, "b", { frequencies: [300, 3000] });
    expect(b.drumPaPerVolt[0]! / a.drumPaPerVolt[0]!).toBeCloseTo(1, 12);
    expect(b.impedanceRe[1]! / a.impedanceRe[1]!).toBeCloseTo(1, 12);
  });

  it("refuses a design with two sources or without an acoustic drum probe", () => {
    const twoSources = {
      ...singleBa,
      elements: [
        ...singleBa.elements,
        { id: "extra", type: "currentSource", nodes: ["in", "0"], current: 0.001 },
      ],
    };
    expect(() => loadFromDesign(twoSources, "two")).toThrow(/exactly one voltageSource/);
    const noDrum = { ...singleBa, probes: [{ id: "v", node: "in" }] };
    expect(() => loadFromDesign(noDrum, "nodrum")).toThrow(TympanError);
  });
});

describe("loadFromMeasurement", () => {
  it("turns dB/mW into dB/V with |Z| at 1 kHz and states both assumptions", () => {
    // 32 Ω resistive: 1 V gives 31.25 mW, so 100 dB/mW is 100 + 10·log10(31.25) = 114.95 dB/V.
    const load = loadFromMeasurement(resistive(32), { db: 100, per: "mW" });
    const at1k = load.frequencyHz.indexOf(1000);
    expect(20 * Math.log10(load.drumPaPerVolt[at1k]! / 20e-6)).toBeCloseTo(114.949, 3);
    expect(load.impedancePhaseKnown).toBe(false);
    expect(load.responseKnown).toBe(false);
    expect(load.notes.map((issue) => issue.code)).toEqual([
      "phase-assumed",
      "response-not-measured",
    ]);
    expect(load.notes.every((issue) => issue.severity === "note")).toBe(true);
    expect(load.notes[0]!.message).toMatch(/resistive/);
    expect(load.notes[1]!.message).toMatch(/flat at the 1 kHz sensitivity/);
  });

  it("takes the response's shape, set to the sensitivity at 1 kHz", () => {
    const response: Curve = {
      kind: "response",
      frequencyHz: [20, 1000, 20000],
      values: [80, 70, 60],
      name: "fr",
    };
    const load = loadFromMeasurement(resistive(16), { db: 120, per: "V" }, response);
    const db = load.drumPaPerVolt.map((p) => 20 * Math.log10(p / 20e-6));
    expect(db[0]).toBeCloseTo(130, 9);
    expect(db[load.frequencyHz.indexOf(1000)]).toBeCloseTo(120, 9);
    expect(db[db.length - 1]).toBeCloseTo(110, 9);
    expect(load.responseKnown).toBe(true);
    expect(load.notes.map((issue) => issue.code)).toContain("response-shape");
  });

  it("uses the phase when the file has it", () => {
    const curve: Curve = { ...resistive(20), phaseDeg: [60, 60, 60] };
    const load = loadFromMeasurement(curve, { db: 110, per: "V" });
    expect(load.impedancePhaseKnown).toBe(true);
    expect(load.impedanceIm[0]! / load.impedanceRe[0]!).toBeCloseTo(Math.sqrt(3), 9);
  });

  it("refuses a response given as impedance and an impedance that misses 1 kHz", () => {
    const response: Curve = { kind: "response", frequencyHz: [20, 20000], values: [0, 0] };
    expect(() => loadFromMeasurement(response, { db: 100, per: "mW" })).toThrow(/not an impedance/);
    const high: Curve = { kind: "impedance", frequencyHz: [2000, 20000], values: [16, 16] };
    expect(() => loadFromMeasurement(high, { db: 100, per: "mW" })).toThrow(/include 1 kHz/);
  });
});

describe("parseSensitivity", () => {
  it.each([
    ["110 dB/mW", { db: 110, per: "mW" }],
    ["110dB SPL/mW", { db: 110, per: "mW" }],
    ["118.5 dB/V", { db: 118.5, per: "V" }],
    ["118/v", { db: 118, per: "V" }],
  ])("reads %s", (text, expected) => {
    expect(parseSensitivity(text)).toEqual(expected);
  });

  it.each(["110", "110 dB", "dB/mW", "110 dB/W", "1e2 dB/mW"])("refuses %s", (text) => {
    expect(parseSensitivity(text)).toBeUndefined();
  });
});
