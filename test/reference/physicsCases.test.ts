/**
 * docs/physics.md §8: end-to-end reference cases (microspeaker → tubes/dampers/leak → 711), to 0.05 dB, and
 * the closed-form level checks of the same section. The design files are the ones in examples/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/index.js";

const TOLERANCE_DB = 0.05;

function example(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), "utf8"));
}

function drumLevels(name: string, frequencies: number[]): number[] {
  return simulate(example(name), { frequencies }).probes.drum!.db;
}

const CASES: Record<string, Record<number, number>> = {
  // A: rear volume sealed, front port straight into the undamped 711.
  "case-a": { 20: 116.67, 100: 116.67, 1000: 118.31, 2000: 122.96, 5000: 147.24 },
  // B: A + leak r 0.5 mm × 5 mm at the 711 entrance.
  "case-b": { 20: 70.42, 100: 90.06, 1000: 120.48, 2000: 123.66 },
  // C: A + tube 10 mm × r 0.75 mm (exact model) between driver and 711.
  "case-c": { 20: 116.52, 1000: 120.31, 2000: 138.01, 5000: 115.03 },
  // D: C + 1500 Ω damper at the tube inlet.
  "case-d": { 1000: 117.74, 2000: 119.44, 5000: 113.85 },
};

describe("docs/physics.md §8 reference cases at the 711 drum", () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name} matches every reference level within ${TOLERANCE_DB} dB`, () => {
      const frequencies = Object.keys(expected).map(Number);
      const levels = drumLevels(name, frequencies);
      frequencies.forEach((frequency, i) => {
        expect(
          Math.abs(levels[i]! - expected[frequency]!),
          `${name} at ${frequency} Hz`,
        ).toBeLessThan(TOLERANCE_DB);
      });
    });
  }

  it("case D: the damper takes 18.6 dB off the 2 kHz peak of case C and leaves the bass alone", () => {
    const [c2k, c100] = drumLevels("case-c", [2000, 100]);
    const [d2k, d100] = drumLevels("case-d", [2000, 100]);
    expect(c2k! - d2k!).toBeCloseTo(18.6, 1);
    expect(Math.abs(c100! - d100!)).toBeLessThan(0.1);
  });
});

describe("docs/physics.md §8 closed-form levels", () => {
  it("1 µm peak piston displacement, Ø8 mm, into 1.25 cm³ gives 106.12 dB SPL", () => {
    // Volume velocity U = jω·S·x (peak) → rms U = ω·S·x/√2 into the cavity's compliance V/(ρc²).
    const area = Math.PI * 0.004 ** 2;
    const frequency = 100;
    const omega = 2 * Math.PI * frequency;
    const design = {
      tympan: 1,
      elements: [
        {
          id: "piston",
          type: "volumeVelocitySource",
          nodes: ["cavity", "0"],
          volumeVelocity: (omega * area * 1e-6) / Math.SQRT2,
        },
        { id: "cavity", type: "acousticVolume", nodes: ["cavity", "0"], volume: 1.25e-6 },
      ],
      probes: [{ id: "p", node: "cavity" }],
    };
    const level = simulate(design, { frequencies: [frequency] }).probes.p!.db[0]!;
    expect(level).toBeCloseTo(106.12, 2);
  });

  it("1e-8 m³/s rms into a 2 cc coupler gives 95.06 dB at 100 Hz and 75.06 dB at 1 kHz", () => {
    const design = {
      tympan: 1,
      elements: [
        { id: "u", type: "volumeVelocitySource", nodes: ["entrance", "0"], volumeVelocity: 1e-8 },
        { id: "coupler", type: "coupler2cc", nodes: ["entrance"] },
      ],
      probes: [{ id: "p", node: "entrance" }],
    };
    const [at100, at1k] = simulate(design, { frequencies: [100, 1000] }).probes.p!.db;
    expect(at100).toBeCloseTo(95.06, 2);
    expect(at1k).toBeCloseTo(75.06, 2);
  });
});
