import { describe, expect, it } from "vitest";
import { validateDesign } from "../../design/design.js";
import { STANDARD_AIR } from "../../core/air.js";
import { simulate } from "../../simulate/simulate.js";
import {
  type ElectrostaticTweeter,
  VACUUM_PERMITTIVITY,
  electrostaticCoupling,
  electrostaticTweeter,
} from "./electrostaticTweeter.js";

/**
 * docs/physics.md §7's illustration: C₀ = 100 pF (electret, S = 1 cm², d = ε₀S/C₀ = 8.854 µm), n = 20,
 * with the transformer's other parasitics negligible and a weak polarisation (10 V), so the
 * motional capacitance φ²/k is 0.1 % of C₀.
 */
const ILLUSTRATION: ElectrostaticTweeter = {
  id: "est",
  type: "electrostaticTweeter",
  nodes: ["in", "0", "front", "0"],
  primaryResistance: 0,
  leakageInductance: 0,
  magnetizingInductance: 10,
  turnsRatio: 20,
  secondaryResistance: 0,
  windingCapacitance: 0,
  configuration: "electret",
  polarizationVoltage: 10,
  gap: (VACUUM_PERMITTIVITY * 1e-4) / 100e-12,
  area: 1e-4,
  mms: 1e-7,
  cms: 1e-5,
  rms: 0,
};

function withTweeter(tweeter: ElectrostaticTweeter) {
  return {
    tympan: 1,
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      tweeter,
      { id: "ear", type: "ear711", nodes: ["front", "drum"] },
    ],
    probes: [{ id: "drum", node: "drum" }],
  };
}

describe("electrostaticCoupling", () => {
  it("electret: C₀ = ε₀S/d, φ = C₀V₀/d, negative stiffness ε₀S·V₀²/d³", () => {
    const tweeter = {
      configuration: "electret",
      polarizationVoltage: 200,
      gap: 20e-6,
      area: 25e-6,
      cms: 1e-4,
    } as const;
    const { blockedCapacitance, coupling, negativeStiffness, netStiffness } =
      electrostaticCoupling(tweeter);
    const c0 = (VACUUM_PERMITTIVITY * 25e-6) / 20e-6; // 11.07 pF
    expect(blockedCapacitance / c0 - 1).toBeCloseTo(0, 14);
    expect(coupling / ((c0 * 200) / 20e-6) - 1).toBeCloseTo(0, 14);
    expect(
      negativeStiffness / ((VACUUM_PERMITTIVITY * 25e-6 * 200 ** 2) / 20e-6 ** 3) - 1,
    ).toBeCloseTo(0, 12);
    expect(netStiffness).toBeCloseTo(1e4 - negativeStiffness, 8);
  });

  it("push-pull: the stators see two gaps in series, C₀ = ε₀S/(2d), φ = 2C₀V_b/d, stiffness 2ε₀S·V_b²/d³", () => {
    const tweeter = {
      configuration: "push-pull",
      polarizationVoltage: 150,
      gap: 15e-6,
      area: 25e-6,
      cms: 1e-4,
    } as const;
    const { blockedCapacitance, coupling, negativeStiffness } = electrostaticCoupling(tweeter);
    const c0 = (VACUUM_PERMITTIVITY * 25e-6) / (2 * 15e-6); // 7.38 pF
    expect(blockedCapacitance / c0 - 1).toBeCloseTo(0, 14);
    expect(coupling / ((VACUUM_PERMITTIVITY * 25e-6 * 150) / 15e-6 ** 2) - 1).toBeCloseTo(0, 12);
    expect(
      negativeStiffness / ((2 * VACUUM_PERMITTIVITY * 25e-6 * 150 ** 2) / 15e-6 ** 3) - 1,
    ).toBeCloseTo(0, 12);
  });
});

describe("electrostaticTweeter", () => {
  it("presents ≈ n²C₀ to the amplifier: 40 nF, |Z| = 397.9 Ω at 10 kHz (within 1 %), phase ≈ −90°", () => {
    const result = simulate(withTweeter(ILLUSTRATION), { frequencies: [10_000] });
    const expected = 1 / (2 * Math.PI * 10_000 * 20 ** 2 * 100e-12);
    expect(expected).toBeCloseTo(397.89, 2);
    expect(Math.abs(result.inputImpedance!.magnitudeOhm[0]! / expected - 1)).toBeLessThan(0.01);
    expect(result.inputImpedance!.phaseDeg[0]!).toBeCloseTo(-90, 0);
  });

  it("plays through its motor: SPL at the drum falls by the force ratio when the polarisation halves", () => {
    const full = simulate(withTweeter(ILLUSTRATION), { frequencies: [10_000] }).probes.drum!;
    const half = simulate(withTweeter({ ...ILLUSTRATION, polarizationVoltage: 5 }), {
      frequencies: [10_000],
    }).probes.drum!;
    // Stiffness-controlled film: x ∝ φ/k_net; k_net changes by < 0.2 %, so ≈ −6.02 dB.
    expect(full.db[0]! - half.db[0]!).toBeCloseTo(6.02, 1);
  });

  it("names its motor: a transformer φ from the electrodes to [#<id>/force, 0]", () => {
    expect(electrostaticTweeter.motor!(ILLUSTRATION)).toBe("motor");
    const parts = electrostaticTweeter.expand(ILLUSTRATION, STANDARD_AIR);
    const motor = parts.find((part) => part.id === "est/motor");
    expect(motor).toMatchObject({
      type: "transformer",
      ratio: electrostaticCoupling(ILLUSTRATION).coupling,
    });
    expect(motor!.nodes.slice(2)).toEqual(["#est/force", "0"]);
  });

  it("rejects a net stiffness ≤ 0, naming the values and the fix", () => {
    const unstable = { ...ILLUSTRATION, polarizationVoltage: 400 }; // φ²/C₀ = 204 kN/m > 100 kN/m
    const outcome = validateDesign(withTweeter(unstable));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const issue = outcome.issues.find((candidate) => candidate.path.join("/") === "elements/1/cms");
    expect(issue?.message).toMatch(/net stiffness 1\/cms − φ²\/C₀ = 100000 − 2\.041e\+5/);
    expect(issue?.message).toMatch(/polarizationVoltage 400 V/);
    expect(issue?.message).toMatch(/Stiffen the membrane \(cms below 4\.900e-6 m\/N\)/);
    expect(issue?.elementIds).toEqual(["est"]);
  });
});
