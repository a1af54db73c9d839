/**
 * docs/physics.md §4: the lumped IEC 60318-4 (711) simulator's transfer impedance p_drum/U_in, input
 * impedance and low-frequency equivalent volume [derived reference numbers, undamped].
 */
import { describe, expect, it } from "vitest";
import { bulkModulusPa, EAR711, logFrequencies, simulate, STANDARD_AIR } from "../../src/index.js";

function drive(damped: boolean, frequencies: number[]) {
  const design = {
    tympan: 1,
    elements: [
      { id: "u", type: "volumeVelocitySource", nodes: ["entrance", "0"], volumeVelocity: 1 },
      {
        id: "ear",
        type: "ear711",
        nodes: ["entrance", "drum"],
        ...(damped ? { damped: true } : {}),
      },
    ],
    probes: [
      { id: "drum", node: "drum" },
      { id: "entrance", node: "entrance" },
    ],
  };
  // With U = 1 m³/s the probe pressures are the transfer and input impedances in Pa·s/m³.
  return simulate(design, { frequencies }).probes;
}

const dbRe1 = (re: number, im: number) => 20 * Math.log10(Math.hypot(re, im));
const degrees = (re: number, im: number) => (Math.atan2(im, re) * 180) / Math.PI;

describe("ear711 (IEC 60318-4 lumped analog)", () => {
  const transfer: [number, number, number | undefined][] = [
    [100, 165.15, -87.9],
    [500, 151.1, undefined],
    [1000, 146.43, -58.7],
    [2000, 144.26, undefined],
    [5000, 141.57, undefined],
    [8000, 140.13, undefined],
  ];

  it("transfer impedance p_drum/U_in matches the reference levels within 0.05 dB and phases within 0.1°", () => {
    const probes = drive(
      false,
      transfer.map(([f]) => f),
    );
    transfer.forEach(([frequency, level, phase], i) => {
      const re = probes.drum!.re[i]!;
      const im = probes.drum!.im[i]!;
      expect(Math.abs(dbRe1(re, im) - level), `${frequency} Hz`).toBeLessThan(0.05);
      if (phase !== undefined)
        expect(Math.abs(degrees(re, im) - phase), `${frequency} Hz phase`).toBeLessThan(0.1);
    });
  });

  it("input impedance is 1.809e8 Pa·s/m³ at 100 Hz and 1.979e7 at 1 kHz (±0.1 %)", () => {
    const probes = drive(false, [100, 1000]);
    const magnitude = (i: number) => Math.hypot(probes.entrance!.re[i]!, probes.entrance!.im[i]!);
    expect(magnitude(0) / 1.809e8).toBeCloseTo(1, 3);
    expect(magnitude(1) / 1.979e7).toBeCloseTo(1, 3);
  });

  it("has a sharp half-wave peak near 13.52 kHz", () => {
    const frequencies = Array.from(logFrequencies({ fromHz: 10_000, toHz: 18_000, points: 4001 }));
    const drum = drive(false, frequencies).drum!.db;
    const peak = drum.indexOf(Math.max(...drum));
    expect(Math.abs(frequencies[peak]! - 13_520)).toBeLessThan(30);
    // Sharp: at least 10 dB above the level an octave below.
    expect(drum[peak]! - drive(false, [6760]).drum!.db[0]!).toBeGreaterThan(10);
  });

  it("has a low-frequency equivalent volume of 1.251 cm³ (sum of compliances × ρc²)", () => {
    const compliances = Object.values(EAR711.compliance).reduce((sum, c) => sum + c, 0);
    expect((compliances * bulkModulusPa(STANDARD_AIR)) / 1e-6).toBeCloseTo(1.251, 3);
    // The simulated input impedance at 20 Hz is that of the same volume: 1/(ωC).
    const probes = drive(false, [20]);
    const omega = 2 * Math.PI * 20;
    const magnitude = Math.hypot(probes.entrance!.re[0]!, probes.entrance!.im[0]!);
    expect(1 / (omega * magnitude) / compliances).toBeCloseTo(1, 2);
  });

  it("the damped variant lowers the half-wave peak and changes little below 2 kHz", () => {
    const frequencies = [500, 1000, 13_520];
    const undamped = drive(false, frequencies).drum!.db;
    const damped = drive(true, frequencies).drum!.db;
    expect(Math.abs(undamped[0]! - damped[0]!)).toBeLessThan(0.5);
    expect(Math.abs(undamped[1]! - damped[1]!)).toBeLessThan(0.5);
    expect(undamped[2]! - damped[2]!).toBeGreaterThan(3);
  });
});
