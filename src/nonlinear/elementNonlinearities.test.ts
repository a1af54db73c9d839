import { describe, expect, it } from "vitest";
import { STANDARD_AIR, bulkModulusPa } from "../core/air.js";
import { gapMagneticStiffness } from "../elements/drivers/armatureLargeSignal.js";
import { adiabaticPressurePa, adiabaticSeries } from "../elements/drivers/cavityCompression.js";
import { VACUUM_PERMITTIVITY } from "../elements/drivers/electrostaticTweeter.js";
import { membraneStiffening } from "../elements/drivers/membraneLargeSignal.js";
import { membraneModes } from "../elements/drivers/planarDriver.js";
import { closedBoxHarmonics } from "../../test/support/movingCoilOde.js";
import { electretHarmonics } from "../../test/support/electretOde.js";
import { distortion } from "./distortion.js";

const BULK = bulkModulusPa(STANDARD_AIR);
const relativeDb = (
  p: { fundamentalDb: number[]; harmonicsDb: Record<string, number[]> },
  k: string,
) => p.harmonicsDb[k]![0]! - p.fundamentalDb[0]!;
const db = (ratio: number) => 20 * Math.log10(ratio);

function sealed(element: Record<string, unknown>, volumeM3: number, load = "out") {
  return {
    tympan: 1,
    name: "nonlinear element in a sealed volume",
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      element,
      { id: "load", type: "acousticVolume", nodes: [load, "0"], volume: volumeM3 },
    ],
    probes: [{ id: "p", node: load }],
  };
}

describe("balanced armature: T(x) and the magnet's k_mag(x)", () => {
  const receiver = {
    id: "ba",
    type: "balancedArmature",
    nodes: ["in", "0", "out"],
    coilResistance: 50,
    coilInductance: 1e-3,
    semiInductance: 0,
    transduction: 2.6,
    movingMass: 14e-6,
    armatureStiffness: 6000,
    diaphragmStiffness: 300,
    magneticStiffness: 5800,
    mechanicalResistance: 0.02,
    diaphragmArea: 22e-6,
    frontVolume: 30e-9,
    rearVolume: 150e-9,
    spoutLength: 1e-3,
    spoutRadius: 0.75e-3,
  };
  const gap = gapMagneticStiffness(5800, 0.1e-3);

  it("gapMagneticStiffness is the series of the two gaps' pull: k·x(1 + 2u² + 3u⁴), u = x/g", () => {
    const g = 0.1e-3;
    const pull = (x: number) => ((g / (g - x)) ** 2 - (g / (g + x)) ** 2) / 4; // per k_mag·g
    const x = 0.01e-3;
    const series =
      x / g +
      (gap.magneticStiffness2 * x ** 3) / 5800 / g +
      (gap.magneticStiffness4 * x ** 5) / 5800 / g;
    // The next term, 4u⁶·u… = 4·(0.1)⁷ of the pull's 0.1: 4e-6 relative.
    expect(Math.abs(series / pull(x) - 1)).toBeLessThan(1e-5);
  });

  it("the magnet's symmetric stiffening alone makes odd harmonics only", () => {
    const front = distortion(
      sealed({ ...receiver, magneticStiffness2: gap.magneticStiffness2 }, 2e-6),
      {
        frequencies: [200],
        voltageRms: 0.1,
      },
    ).probes.p!;
    expect(relativeDb(front, "3")).toBeGreaterThan(-80);
    expect(relativeDb(front, "2")).toBeLessThan(-200);
  });

  it("agrees with an RK4 integration of the same motor in the same volumes to 0.05 dB (H2, H3)", () => {
    const curves = {
      transduction1: (-2.6 / 50e-6) * 0.1,
      transduction2: (-0.18 * 2.6) / 50e-6 ** 2,
      ...gap,
      magneticStiffness1: (6 * 5800 * 5e-6) / 0.1e-3 ** 2,
    };
    const frequencyHz = 100;
    for (const voltageRms of [0.01, 0.05]) {
      const front = distortion(sealed({ ...receiver, ...curves }, 2e-6), {
        frequencies: [frequencyHz],
        voltageRms,
      }).probes.p!;
      const frontCompliance = (30e-9 + 2e-6) / BULK;
      const rearCompliance = 150e-9 / BULK;
      const ode = closedBoxHarmonics(
        {
          re: 50,
          le: 1e-3,
          bl: 2.6,
          mms: 14e-6,
          cms: 1 / 500,
          rms: 0.02,
          sd: 22e-6,
          bl1to4: [curves.transduction1, curves.transduction2],
          kms1to4: [
            -curves.magneticStiffness1,
            -curves.magneticStiffness2,
            0,
            -curves.magneticStiffness4,
          ],
          le1to4: [],
        },
        1 / (1 / frontCompliance + 1 / rearCompliance),
        voltageRms,
        frequencyHz,
        { periods: 12, stepsPerPeriod: 8192, harmonics: 3 },
      ).magnitudePa;
      expect(Math.abs(relativeDb(front, "2") - db(ode[2]! / ode[1]!))).toBeLessThan(0.05);
      expect(Math.abs(relativeDb(front, "3") - db(ode[3]! / ode[1]!))).toBeLessThan(0.05);
      expect(front.thdPercent[0]).toBeGreaterThan(0.1);
    }
  });
});

describe("planar: the film's stretching Kms(x)", () => {
  const planar = {
    id: "pl",
    type: "planarDriver",
    nodes: ["in", "0", "out", "0"],
    re: 20,
    le: 0,
    bl: 1.2,
    radius: 7.1e-3,
    arealDensity: 0.05,
    tension: 60,
    rms: 0.02,
    plateHoleDiameter: 0.8e-3,
    plateThickness: 1e-3,
    platePorosity: 0.3,
  };
  const stiffening = membraneStiffening({
    radiusM: 7.1e-3,
    tensionNPerM: 60,
    thicknessM: 12e-6,
    youngsModulusPa: 4.5e9,
    poissonRatio: 0.4,
  });

  it("K₀ = 8πT is the static stiffness the membrane modes give (their compliances' sum)", () => {
    const modes = membraneModes(planar as never);
    const compliance = modes.reduce((sum, mode) => sum + mode.compliance, 0);
    // Three modes hold Σ 32/j₀ₙ⁴ = 0.99698 of the static compliance.
    expect(compliance * stiffening.staticStiffnessNPerM).toBeCloseTo(0.99698, 4);
  });

  it("a cubic stiffness gives H3/H1 = kms2·x̂²/(4K) far below resonance, and no H2", () => {
    // At 5 Hz the film is stiffness-controlled: x = F/K with K the modes' static stiffness plus
    // the sealed 2 cm³ volume's air spring (πa²)²/Ca; x³ = x̂³(3cos ωt + cos 3ωt)/4.
    const volumeM3 = 2e-6;
    const design = sealed({ ...planar, kms2: stiffening.kms2 }, volumeM3);
    // Low enough that the cubic's own compression of the fundamental (≈ 9·H3/H1) stays below 0.01 dB.
    const voltageRms = 0.1;
    const front = distortion(design, { frequencies: [5], voltageRms }).probes.p!;
    const modes = membraneModes(planar as never);
    const area = Math.PI * 7.1e-3 ** 2;
    const stiffness =
      1 / modes.reduce((sum, mode) => sum + mode.compliance, 0) + (area * area * BULK) / volumeM3;
    const x = (1.2 * Math.SQRT2 * voltageRms) / 20 / stiffness;
    expect(
      Math.abs(relativeDb(front, "3") - db((stiffening.kms2 * x * x) / (4 * stiffness))),
    ).toBeLessThan(0.02);
    expect(relativeDb(front, "2")).toBeLessThan(-200);
  });
});

describe("electrostatic tweeter: the electret's (V₀ + v)², push-pull's cancellation", () => {
  const gapM = 20e-6;
  const areaM2 = 1e-4;
  const est = (configuration: string, cms: number) => ({
    id: "est",
    type: "electrostaticTweeter",
    nodes: ["in", "0", "out", "0"],
    primaryResistance: 0,
    leakageInductance: 0,
    magnetizingInductance: 1e6,
    turnsRatio: 1,
    secondaryResistance: 0,
    windingCapacitance: 0,
    configuration,
    polarizationVoltage: 100,
    gap: gapM,
    area: areaM2,
    mms: 1e-6,
    cms,
    rms: 0.05,
  });

  it("held still, the electret's H2/H1 is v̂/(4V₀)", () => {
    // A membrane 10 000 times stiffer than the electrostatic pull (φ²/C₀ ≈ 1100 N/m): x ≈ 0.
    const front = distortion(sealed(est("electret", 1e-7), 1e-6), {
      frequencies: [100],
      voltageRms: 10 / Math.SQRT2,
    }).probes.p!;
    expect(Math.abs(relativeDb(front, "2") - db(10 / (4 * 100)))).toBeLessThan(0.01);
  });

  it("push-pull is linear: no distortion and a note", () => {
    const result = distortion(sealed(est("push-pull", 1e-7), 1e-6), {
      frequencies: [100],
      voltageRms: 10,
    });
    expect(result.probes.p!.thdPercent[0]).toBe(0);
    expect(result.warnings?.map((w) => w.code)).toEqual(["no-large-signal-parameters"]);
  });

  it("a compliant electret agrees with an RK4 integration of the voltage-form force to 0.05 dB", () => {
    const volumeM3 = 1e-6;
    for (const voltagePeak of [5, 12]) {
      const front = distortion(sealed(est("electret", 1 / 3000), volumeM3), {
        frequencies: [100],
        voltageRms: voltagePeak / Math.SQRT2,
      }).probes.p!;
      const ode = electretHarmonics(
        {
          permittivityArea: VACUUM_PERMITTIVITY * areaM2,
          gapM,
          polarizationV: 100,
          massKg: 1e-6,
          stiffnessNPerM: 3000,
          resistanceNsPerM: 0.05,
          areaM2,
          complianceM3Pa: volumeM3 / BULK,
        },
        voltagePeak,
        100,
        { periods: 10, stepsPerPeriod: 8192, harmonics: 3 },
      );
      expect(Math.abs(relativeDb(front, "2") - db(ode[2]! / ode[1]!))).toBeLessThan(0.05);
      expect(Math.abs(relativeDb(front, "3") - db(ode[3]! / ode[1]!))).toBeLessThan(0.05);
    }
  });
});

describe("adiabatic cavities: p = p₀[(V₀/(V₀ − ΔV))^γ − 1]", () => {
  // A voltage across a gyrator's first port makes its second a volume-velocity source U = v/T:
  // ΔV(t) is a pure sine, and p(t) follows from the formula alone.
  const volumeM3 = 1e-6;
  const transduction = 1e6;
  const at = (pressurePeak: number) => {
    const design = {
      tympan: 1,
      name: "driven cavity",
      elements: [
        { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "T", type: "gyrator", nodes: ["in", "0", "v", "0"], transduction },
        { id: "cavity", type: "acousticVolume", nodes: ["v", "0"], volume: volumeM3 },
      ],
      probes: [{ id: "p", node: "v" }],
    };
    // The linear pressure is U/(jωC): the flow, and the volts, that make the wanted peak.
    const flowPeak = (pressurePeak * 2 * Math.PI * 100 * volumeM3) / BULK;
    const voltageRms = (flowPeak * transduction) / Math.SQRT2;
    return distortion(design, { frequencies: [100], voltageRms, adiabaticCavities: true }).probes
      .p!;
  };

  it("H2/H1 = (γ+1)·p̂/(4γp₀) at 140 dB", () => {
    const pressurePeak = 283;
    const ambient = BULK / 1.4;
    expect(
      Math.abs(relativeDb(at(pressurePeak), "2") - db((2.4 * pressurePeak) / (4 * 1.4 * ambient))),
    ).toBeLessThan(0.01);
  });

  it("at 5 kPa peak (168 dB), H2 and H3 match the exact formula sampled over one period to 0.01 dB", () => {
    const pressurePeak = 5000;
    const ambient = BULK / 1.4;
    const amplitude = pressurePeak / BULK; // peak ΔV/V₀
    const n = 4096;
    const harmonic = (k: number) => {
      let a = 0;
      let b = 0;
      for (let s = 0; s < n; s++) {
        const phase = (2 * Math.PI * s) / n;
        const p = adiabaticPressurePa(ambient, 1.4, amplitude * Math.cos(phase));
        a += p * Math.cos(k * phase);
        b += p * Math.sin(k * phase);
      }
      return (2 * Math.hypot(a, b)) / n;
    };
    const result = at(pressurePeak);
    expect(Math.abs(relativeDb(result, "2") - db(harmonic(2) / harmonic(1)))).toBeLessThan(0.01);
    expect(Math.abs(relativeDb(result, "3") - db(harmonic(3) / harmonic(1)))).toBeLessThan(0.01);
    expect(adiabaticSeries(1.4, 3)).toEqual(
      [(1.4 * 2.4) / 2, (1.4 * 2.4 * 3.4) / 6].map((c) => expect.closeTo(c, 12)),
    );
  });
});
