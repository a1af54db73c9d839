import { describe, expect, it } from "vitest";
import { ELEMENT_MODELS } from "../../elements/registry.js";
import { validateDesign } from "../../design/design.js";
import { simulate } from "../../simulate/simulate.js";
import {
  BALANCED_ARMATURE_PARTS,
  BA_FULL_RANGE,
  BA_MID,
  BA_TWEETER,
  BA_WOOFER,
} from "./balancedArmatures.js";
import { type Part, partParameters } from "./part.js";

const DRIVE_V = 0.1;

/** The part driven at 0.1 V rms (or 1 mA), its spout straight into a 711. */
function into711(part: Part, drive: "voltage" | "current" = "voltage") {
  const source =
    drive === "voltage"
      ? { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: DRIVE_V }
      : { id: "is", type: "currentSource", nodes: ["in", "0"], current: 1e-3 };
  return {
    tympan: 1,
    elements: [
      source,
      { id: "ba", type: part.elementType, nodes: ["in", "0", "out"], ...partParameters(part) },
      { id: "ear", type: "ear711", nodes: ["out", "drum"] },
    ],
    probes: [{ id: "drum", node: "drum" }],
  };
}

/**
 * The Sonion Academy benchmark set-up (docs/physics.md §6): the part at 0.1 V, optionally a 1500 cgs Ω
 * damper at the spout, tubing 7 mm×Ø1.5 + 2.5 mm×Ø2.1 + 3 mm×Ø2.5, a 711.
 */
function inBenchmarkTubing(part: Part, damped: boolean) {
  const damper = damped
    ? [{ id: "damper", type: "damper", nodes: ["spout", "t0"], ratingCgsOhm: 1500 }]
    : [];
  const first = damped ? "t0" : "spout";
  return {
    tympan: 1,
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: DRIVE_V },
      { id: "ba", type: part.elementType, nodes: ["in", "0", "spout"], ...partParameters(part) },
      ...damper,
      { id: "t1", type: "tube", nodes: [first, "t1"], radius: 0.75e-3, length: 7e-3 },
      { id: "t2", type: "tube", nodes: ["t1", "t2"], radius: 1.05e-3, length: 2.5e-3 },
      { id: "t3", type: "tube", nodes: ["t2", "entrance"], radius: 1.25e-3, length: 3e-3 },
      { id: "ear", type: "ear711", nodes: ["entrance", "drum"] },
    ],
    probes: [{ id: "drum", node: "drum" }],
  };
}

function drumDb(design: unknown, frequencies: number[]): number[] {
  return simulate(design, { frequencies }).probes.drum!.db;
}

/**
 * Frequencies (Hz) of the resonance peaks: local maxima of the SPL on a 1/48-octave grid from 500 Hz
 * to 10 kHz that stand ≥ 2 dB above the 1 kHz level (a gentle bump is not a resonance).
 */
function peakFrequencies(design: unknown): number[] {
  const grid = Array.from(
    { length: Math.round(48 * Math.log2(20)) + 1 },
    (_, k) => 500 * 2 ** (k / 48),
  );
  const db = drumDb(design, [...grid, 1000]);
  const reference = db.pop()!;
  return grid.filter(
    (_, k) =>
      k > 0 &&
      k < grid.length - 1 &&
      db[k]! > db[k - 1]! &&
      db[k]! > db[k + 1]! &&
      db[k]! >= reference + 2,
  );
}

describe("balanced-armature parts", () => {
  it("lists a woofer, a full-range, a mid and a tweeter, all balancedArmature elements", () => {
    expect(BALANCED_ARMATURE_PARTS.map((part) => part.role)).toEqual([
      "woofer",
      "full-range",
      "mid",
      "tweeter",
    ]);
    expect(new Set(BALANCED_ARMATURE_PARTS.map((part) => part.id)).size).toBe(4);
    for (const part of BALANCED_ARMATURE_PARTS) {
      expect(part.partClass).toBe("balanced armature");
      expect(part.elementType).toBe("balancedArmature");
    }
  });

  describe.each(BALANCED_ARMATURE_PARTS.map((part) => ({ id: part.id, part })))(
    "$id",
    ({ part }) => {
      it("gives every parameter it sets a provenance, and sets only the element's parameters", () => {
        const documented = Object.keys(ELEMENT_MODELS.balancedArmature.parameters);
        const vent = [
          "rearVentRadius",
          "rearVentLength",
          "diaphragmVentRadius",
          "diaphragmVentLength",
        ];
        // Large-signal coefficients a part leaves out are 0 (armatureLargeSignal.ts).
        const absentMeansZero = ["transduction3", "transduction4", "magneticStiffness3"];
        expect(Object.keys(part.parameters).sort()).toEqual(
          documented
            .filter((name) => !vent.includes(name) && !absentMeansZero.includes(name))
            .sort(),
        );
        for (const [name, sourced] of Object.entries(part.parameters)) {
          expect(Number.isFinite(sourced.value), name).toBe(true);
          const source = sourced.source;
          const text =
            source.kind === "illustrative"
              ? source.note
              : source.kind === "derived"
                ? source.formula
                : source.citation;
          expect(text.length, `${name} says where it comes from`).toBeGreaterThan(10);
        }
      });

      it("validates as an element and simulates into a 711 to finite numbers, 20 Hz–20 kHz", () => {
        const design = into711(part);
        const validated = validateDesign(design);
        expect(validated.ok ? [] : validated.issues).toEqual([]);
        const grid = Array.from({ length: 31 }, (_, k) => 20 * 1000 ** (k / 30));
        const result = simulate(design, { frequencies: grid });
        for (const value of [...result.probes.drum!.db, ...result.inputImpedance!.magnitudeOhm])
          expect(Number.isFinite(value)).toBe(true);
      });

      it("has 100–115 dB SPL at 1 kHz for 0.1 V rms in a 711 (docs/physics.md §6, typical)", () => {
        const [level] = drumDb(into711(part), [1000]);
        expect(level).toBeGreaterThanOrEqual(100);
        expect(level).toBeLessThanOrEqual(115);
      });

      it("has |Z|(1 kHz) of 10–300 Ω, rising strongly above 1–2 kHz (≥ 2× somewhere in 2–10 kHz)", () => {
        const frequencies = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 10000];
        const magnitude = simulate(into711(part), { frequencies }).inputImpedance!.magnitudeOhm;
        const z1k = magnitude[0]!;
        expect(z1k).toBeGreaterThan(10);
        expect(z1k).toBeLessThan(300);
        expect(Math.max(...magnitude.slice(1))).toBeGreaterThan(2 * z1k);
        expect(magnitude.at(-1)!).toBeGreaterThan(z1k);
      });

      it("is stiffness-controlled: under current drive the bass in a 711 is flat within 0.2 dB, 20–100 Hz", () => {
        const db = drumDb(into711(part, "current"), [20, 50, 100]);
        for (const level of db) expect(Math.abs(level - db[0]!)).toBeLessThan(0.2);
      });
    },
  );

  it("full-range: in the benchmark tubing, peaks near 2.5 kHz (receiver) and 4.9 kHz (tubing)", () => {
    const peaks = peakFrequencies(inBenchmarkTubing(BA_FULL_RANGE, false));
    expect(peaks[0]).toBeGreaterThan(2000);
    expect(peaks[0]).toBeLessThan(3000);
    expect(peaks[1]).toBeGreaterThan(4000);
    expect(peaks[1]).toBeLessThan(6000);
  });

  it("full-range: meets the Sonion damper benchmark (−6.8 dB at 2.57 kHz, −12.2 at 4.89 kHz)", () => {
    const frequencies = [100, 200, 300, 2570, 4890];
    const undamped = drumDb(inBenchmarkTubing(BA_FULL_RANGE, false), frequencies);
    const damped = drumDb(inBenchmarkTubing(BA_FULL_RANGE, true), frequencies);
    const change = damped.map((level, k) => level - undamped[k]!);
    // Achieved (stated in the part's description): −6.81 and −12.21 dB; published −6.8 and −12.2.
    expect(change[3]).toBeCloseTo(-6.81, 1);
    expect(change[4]).toBeCloseTo(-12.21, 1);
    expect(Math.abs(change[3]! + 6.8)).toBeLessThan(2);
    expect(Math.abs(change[4]! + 12.2)).toBeLessThan(2);
    for (const bass of change.slice(0, 3)) expect(Math.abs(bass)).toBeLessThan(0.1);
  });

  it("woofer resonates at 1–2 kHz, the mid between full-range and tweeter, the tweeter ≥ 5 kHz", () => {
    const [woofer, fullRange, mid, tweeter] = [BA_WOOFER, BA_FULL_RANGE, BA_MID, BA_TWEETER].map(
      (part) => peakFrequencies(inBenchmarkTubing(part, false))[0]!,
    ) as [number, number, number, number];
    expect(woofer).toBeGreaterThan(1000);
    expect(woofer).toBeLessThan(2000);
    expect(mid).toBeGreaterThan(fullRange);
    expect(mid).toBeLessThan(tweeter);
    expect(tweeter).toBeGreaterThanOrEqual(5000);
  });

  it("orders the bass: woofer > full-range > mid > tweeter at 100 Hz, woofer ≥ 10 dB over the tweeter", () => {
    const bass = BALANCED_ARMATURE_PARTS.map((part) => drumDb(into711(part), [100])[0]!);
    for (let k = 1; k < bass.length; k++) expect(bass[k]).toBeLessThan(bass[k - 1]!);
    expect(bass[0]! - bass.at(-1)!).toBeGreaterThanOrEqual(10);
  });
});
