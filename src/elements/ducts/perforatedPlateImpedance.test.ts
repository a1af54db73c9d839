import { describe, expect, it } from "vitest";
import { STANDARD_AIR } from "../../core/air.js";
import { ductImpedance } from "./ductImpedance.js";
import {
  type PerforatedPlate,
  perforatedPlateFlowResistance,
  perforatedPlateHoleCount,
  perforatedPlateImpedance,
} from "./perforatedPlateImpedance.js";

/** A nozzle grille: Ø0.3 mm holes through 0.3 mm, 20 % open, over 20 mm². */
const GRILLE: PerforatedPlate = {
  holeDiameterM: 0.3e-3,
  thicknessM: 0.3e-3,
  porosity: 0.2,
  areaM2: 20e-6,
};

describe("perforatedPlateImpedance (Maa 1998)", () => {
  it("matches the formula worked by hand at 1 kHz: k = 3.0029, r = 0.030834, ωm = 0.062541", () => {
    // k = d·√(ωρ/4η) = 0.3e-3·√(6283.19·1.21/7.588e-5) = 3.00290;
    // r = 32ηt/(σρc·d²)·[√(1+k²/32) + √2/32·k·d/t] = 0.0253507·1.21629 = 0.0308343;
    // ωm = ωt/(σc)·[1 + 1/√(1+k²/2) + 0.85·d/t] = 0.0274775·2.27608 = 0.0625405;
    // Z = ρc·(r + jωm)/A with ρc = 415.03 Pa·s/m and A = 20 mm².
    const z = perforatedPlateImpedance(GRILLE, 1000, STANDARD_AIR);
    expect(z.resistance / 639857.36 - 1).toBeCloseTo(0, 6);
    expect(z.reactance / 1297810.11 - 1).toBeCloseTo(0, 6);
  });

  it("tends at low frequency to 32ηt/(σd²A), the Poiseuille resistance of its N holes (duct formula)", () => {
    const flow = perforatedPlateFlowResistance(GRILLE, STANDARD_AIR);
    expect(flow / 505866.67 - 1).toBeCloseTo(0, 6);
    const holes = perforatedPlateHoleCount(GRILLE);
    const duct = ductImpedance(GRILLE.holeDiameterM / 2, GRILLE.thicknessM, holes, STANDARD_AIR);
    expect(flow / duct.resistance - 1).toBeCloseTo(0, 12);
    const atZero = perforatedPlateImpedance(GRILLE, 0, STANDARD_AIR);
    expect(atZero.resistance / flow - 1).toBeCloseTo(0, 12);
    expect(atZero.reactance).toBe(0);
    // At 1 Hz (k = 0.095) the end-correction term √2/32·k·d/t adds 0.42 %, √(1 + k²/32) only 0.014 %.
    const atOneHz = perforatedPlateImpedance(GRILLE, 1, STANDARD_AIR);
    expect(atOneHz.resistance / flow - 1).toBeGreaterThan(0.004);
    expect(atOneHz.resistance / flow - 1).toBeLessThan(0.0045);
  });

  it("has at low frequency the mass ρt/(σA)·(2 + 0.85·d/t): Maa's factor 2 vs Poiseuille's 4/3", () => {
    const frequency = 0.01;
    const z = perforatedPlateImpedance(GRILLE, frequency, STANDARD_AIR);
    const mass = z.reactance / (2 * Math.PI * frequency);
    const { densityKgPerM3: rho } = STANDARD_AIR;
    const { thicknessM: t, holeDiameterM: d, porosity, areaM2 } = GRILLE;
    expect(mass / (((rho * t) / (porosity * areaM2)) * (2 + (0.85 * d) / t)) - 1).toBeCloseTo(0, 4);
  });

  it("grows in resistance with frequency (the viscous boundary layer thins)", () => {
    const frequencies = [100, 1000, 5000, 20000];
    const resistances = frequencies.map(
      (f) => perforatedPlateImpedance(GRILLE, f, STANDARD_AIR).resistance,
    );
    for (let i = 1; i < resistances.length; i++)
      expect(resistances[i]!).toBeGreaterThan(resistances[i - 1]!);
  });

  it("rejects impossible geometry with the reason", () => {
    expect(() => perforatedPlateImpedance({ ...GRILLE, porosity: 1 }, 1000, STANDARD_AIR)).toThrow(
      /porosity.*between 0 and 1/,
    );
    expect(() => perforatedPlateImpedance({ ...GRILLE, porosity: 0 }, 1000, STANDARD_AIR)).toThrow(
      /porosity/,
    );
    expect(() =>
      perforatedPlateImpedance({ ...GRILLE, holeDiameterM: -1 }, 1000, STANDARD_AIR),
    ).toThrow(/holeDiameterM must be a finite number > 0/);
    expect(() => perforatedPlateImpedance(GRILLE, Number.NaN, STANDARD_AIR)).toThrow(/frequency/);
  });
});
