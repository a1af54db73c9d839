import { describe, expect, it } from "vitest";
import { MICROSPEAKER } from "../catalogue/parts/microspeaker.js";
import { BOX_COMPLIANCE_M3_PA, closedBoxDesign } from "../../test/support/closedBox.js";
import { intermodulation } from "./intermodulation.js";

describe("intermodulation(design, options): SMPTE-style two-tone IMD", () => {
  const stiffness = 1 / MICROSPEAKER.cms + MICROSPEAKER.sd ** 2 / BOX_COMPLIANCE_M3_PA;
  const lowPeakM = (voltageRms: number) =>
    (MICROSPEAKER.bl * Math.SQRT2 * voltageRms) / MICROSPEAKER.re / stiffness;

  it("a quadratic stiffness gives sidebands k1·x̂₁/K each at f2 ± f1 far below resonance: IMD = √2·k1·x̂₁/K", () => {
    // x = x₁cos ω₁t + x₂cos ω₂t through k1·x²: the cross term 2k1·x₁x₂·cos ω₁t·cos ω₂t puts
    // k1·x₁x₂ at ω₂ ± ω₁, stiffness-controlled (0.5 and 10 Hz, the box resonance near 410 Hz).
    const k1 = 2e4;
    const voltageRms = 0.01;
    const result = intermodulation(closedBoxDesign({ kms1: k1 }), {
      voltageRms,
      lowHz: 0.5,
      highHz: 10,
    });
    const expected = (100 * Math.SQRT2 * k1 * lowPeakM(voltageRms)) / stiffness;
    expect(Math.abs(20 * Math.log10(result.probes.front!.imdPercent / expected))).toBeLessThan(
      0.01,
    );
    const front = result.probes.front!;
    expect(front.sidebandsDb["f2-f1"]).toBeCloseTo(front.sidebandsDb["f2+f1"]!, 1);
    expect(front.lowDb - front.highDb).toBeCloseTo(20 * Math.log10(4), 1);
  });

  it("a symmetric curve makes no f2 ± f1 sidebands, only f2 ± 2f1; doubling the drive doubles a 2nd-order IMD", () => {
    const symmetric = intermodulation(closedBoxDesign({ kms2: 2.2e8 }), {
      voltageRms: 0.1,
      lowHz: 1,
      highHz: 12,
    }).probes.front!;
    expect(symmetric.sidebandsDb["f2-f1"]! - symmetric.highDb).toBeLessThan(-200);
    expect(symmetric.sidebandsDb["f2-2f1"]! - symmetric.highDb).toBeGreaterThan(-120);
    const at = (voltageRms: number) =>
      intermodulation(closedBoxDesign({ kms1: 2e4 }), { voltageRms, lowHz: 0.5, highHz: 10 }).probes
        .front!.imdPercent;
    expect(20 * Math.log10(at(0.02) / at(0.01))).toBeCloseTo(20 * Math.log10(2), 1);
  });

  it("a linear design has no IMD and says so; the defaults are SMPTE's 60 Hz + 7020 Hz, 4:1", () => {
    const result = intermodulation(closedBoxDesign({}), { voltageRms: 0.1 });
    expect(result.probes.front!.imdPercent).toBe(0);
    expect(result.warnings?.map((w) => w.code)).toEqual(["no-large-signal-parameters"]);
    expect([result.lowHz, result.highHz, result.amplitudeRatio]).toEqual([60, 7020, 4]);
  });

  it("rejects tones that share no period, or too far apart, naming the option", () => {
    const design = closedBoxDesign();
    expect(() => intermodulation(design, { voltageRms: 1, lowHz: 60, highHz: 7000 })).toThrow(
      /whole multiple/,
    );
    expect(() => intermodulation(design, { voltageRms: 1, lowHz: 20, highHz: 7000 })).toThrow(
      /at most/,
    );
    expect(() => intermodulation(design, { voltageRms: 0 })).toThrow(/volts rms/);
  });
});
