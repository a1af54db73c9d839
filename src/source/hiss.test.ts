import { describe, expect, it } from "vitest";
import { A_WEIGHTED_NOISE_BANDWIDTH_HZ, hissAtDrum, hissVerdict, integrate } from "./hiss.js";
import type { SourceModel } from "./sourceModel.js";
import { type SourceLoad, sourceGrid } from "./sourceLoad.js";

/** A resistive load with a flat 1 Pa/V response (94 dB SPL/V). */
function flatLoad(ohm = 32): SourceLoad {
  const f = sourceGrid();
  return {
    name: "flat",
    frequencyHz: f,
    impedanceRe: f.map(() => ohm),
    impedanceIm: f.map(() => 0),
    impedancePhaseKnown: true,
    drumPaPerVolt: f.map(() => 1),
    responseKnown: true,
    notes: [],
  };
}

function source(noiseMicrovoltsA: number, outputImpedanceOhm = 0): SourceModel {
  return {
    name: "s",
    description: "",
    outputImpedanceOhm,
    maxVoltageVrms: 1,
    noiseMicrovoltsA,
    provenance: "test",
  };
}

describe("hissAtDrum", () => {
  it("gives the A-weighted noise back as SPL through a flat 1 Pa/V load (closed form)", () => {
    // 10 µV(A) × 1 Pa/V = 10 µPa(A): 20·log10(10/20) = −6.02 dB(A).
    const hiss = hissAtDrum(flatLoad(), source(10));
    expect(hiss.aWeightedDbSpl).toBeCloseTo(-6.0206, 2);
  });

  it("puts white noise into each band in proportion to its width (closed form)", () => {
    const hiss = hissAtDrum(flatLoad(), source(100));
    const density = 100e-6 / Math.sqrt(A_WEIGHTED_NOISE_BANDWIDTH_HZ);
    const band1k = hiss.bands.find((band) => band.nominalHz === 1000)!;
    const width = 1000 * (10 ** 0.05 - 10 ** -0.05);
    expect(band1k.levelDbSpl).toBeCloseTo(10 * Math.log10((density ** 2 * width) / 20e-6 ** 2), 6);
    expect(band1k.thresholdDbSpl).toBe(5.5);
    expect(hiss.bands).toHaveLength(19);
  });

  it("has an A-weighted noise bandwidth of about 12.5 kHz", () => {
    expect(A_WEIGHTED_NOISE_BANDWIDTH_HZ).toBeGreaterThan(12_400);
    expect(A_WEIGHTED_NOISE_BANDWIDTH_HZ).toBeLessThan(12_550);
  });

  it("scales with the noise: twice the noise is 6.02 dB more, and audibleAbove is where the margin is 0", () => {
    const a = hissAtDrum(flatLoad(), source(5));
    const b = hissAtDrum(flatLoad(), source(10));
    expect(b.marginDb - a.marginDb).toBeCloseTo(6.0206, 6);
    const edge = hissAtDrum(flatLoad(), source(a.audibleAboveMicrovoltsA));
    expect(edge.marginDb).toBeCloseTo(0, 9);
  });

  it("passes the noise through the same divider as the music (Zout = Z: −6.02 dB)", () => {
    const a = hissAtDrum(flatLoad(32), source(10, 0));
    const b = hissAtDrum(flatLoad(32), source(10, 32));
    expect(a.aWeightedDbSpl - b.aWeightedDbSpl).toBeCloseTo(6.0206, 6);
  });
});

describe("hissVerdict", () => {
  it.each([
    [12, /clearly audible/],
    [3, /audible hiss in quiet passages/],
    [-2, /edge of audibility/],
    [-8, /inaudible/],
  ])("a margin of %s dB reads %s", (margin, pattern) => {
    expect(hissVerdict(margin)).toMatch(pattern);
    expect(hissVerdict(margin)).toContain(`${Math.abs(margin).toFixed(1)} dB`);
  });
});

describe("integrate", () => {
  it("integrates a line exactly, including partial end intervals", () => {
    const f = [0, 1, 2, 3, 4];
    const y = f.map((x) => 2 * x + 1);
    // ∫ (2x + 1) dx from 0.5 to 3.25 = [x² + x] = (10.5625 + 3.25) − (0.25 + 0.5) = 13.0625
    expect(integrate(f, y, 0.5, 3.25)).toBeCloseTo(13.0625, 12);
  });
});
