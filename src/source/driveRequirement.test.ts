import { describe, expect, it } from "vitest";
import { driveRequirement } from "./driveRequirement.js";
import type { SourceModel } from "./sourceModel.js";
import { loadFromMeasurement } from "./sourceLoad.js";

const flat32 = loadFromMeasurement(
  { kind: "impedance", frequencyHz: [10, 30000], values: [32, 32], name: "32 Ω" },
  { db: 100, per: "V" },
);

function source(figures: Partial<SourceModel>): SourceModel {
  return {
    name: "test",
    description: "",
    outputImpedanceOhm: 0,
    maxVoltageVrms: 1,
    noiseMicrovoltsA: 1,
    provenance: "test",
    ...figures,
  };
}

describe("driveRequirement", () => {
  it("gives V, I, P for 110 dB SPL from 100 dB/V into 32 Ω (closed form)", () => {
    const need = driveRequirement(flat32, source({ maxVoltageVrms: 1 }));
    expect(need.voltageVrms).toBeCloseTo(Math.sqrt(10), 9); // 10 dB above 1 V
    expect(need.currentArms).toBeCloseTo(Math.sqrt(10) / 32, 9);
    expect(need.powerW).toBeCloseTo(10 / 32, 9);
    expect(need.voltageHeadroomDb).toBeCloseTo(-10, 9);
    expect(need.currentHeadroomDb).toBeUndefined();
    expect(need.binding).toBe("voltage");
    expect(need.maximumLevelDbSpl).toBeCloseTo(100, 9);
  });

  it("says which limit binds", () => {
    // 8 V available but only 50 mA: 3.162 V into 32 Ω draws 98.8 mA, 5.9 dB too much.
    const need = driveRequirement(flat32, source({ maxVoltageVrms: 8, maxCurrentArms: 0.05 }));
    expect(need.voltageHeadroomDb).toBeCloseTo(20 * Math.log10(8 / Math.sqrt(10)), 9);
    expect(need.currentHeadroomDb).toBeCloseTo(20 * Math.log10(0.05 / (Math.sqrt(10) / 32)), 9);
    expect(need.binding).toBe("current");
    expect(need.headroomDb).toBeCloseTo(need.currentHeadroomDb!, 12);
  });

  it("asks the source for more voltage behind its output impedance (a 32 Ω source: +6.02 dB)", () => {
    const need = driveRequirement(
      flat32,
      source({ outputImpedanceOhm: 32, maxVoltageVrms: 10 }),
      100,
    );
    expect(need.voltageVrms).toBeCloseTo(1, 9);
    expect(need.sourceVoltageVrms).toBeCloseTo(2, 9);
    expect(need.worstCurrentArms).toBeCloseTo(2 / 64, 9);
  });
});
