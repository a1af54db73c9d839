import { describe, expect, it } from "vitest";
import { perforatedPlateImpedance } from "./perforatedPlateImpedance.js";
import { validateDesign } from "../../design/design.js";
import { STANDARD_AIR } from "../../core/air.js";
import { simulate } from "../../simulate/simulate.js";

const PLATE = { holeDiameter: 0.8e-3, thickness: 1e-3, porosity: 0.25, area: 1.58e-4 };

function plateDesign(parameters: Record<string, unknown>) {
  return {
    tympan: 1,
    elements: [
      { id: "q", type: "volumeVelocitySource", nodes: ["p", "0"], volumeVelocity: 1 },
      { id: "plate", type: "perforatedPlate", nodes: ["p", "0"], ...parameters },
    ],
    probes: [{ id: "p", node: "p" }],
  };
}

describe("perforatedPlate element", () => {
  it("driven by 1 m³/s shows Maa's impedance as its pressure, at every frequency", () => {
    const frequencies = [20, 1000, 20000];
    const probe = simulate(plateDesign(PLATE), { frequencies }).probes.p!;
    frequencies.forEach((f, k) => {
      const z = perforatedPlateImpedance(
        {
          holeDiameterM: PLATE.holeDiameter,
          thicknessM: PLATE.thickness,
          porosity: PLATE.porosity,
          areaM2: PLATE.area,
        },
        f,
        STANDARD_AIR,
      );
      expect(probe.re[k]! / z.resistance - 1).toBeCloseTo(0, 9);
      expect(probe.im[k]! / z.reactance - 1).toBeCloseTo(0, 9);
    });
  });

  it("rejects a porosity of 1 or more, saying what porosity is", () => {
    const outcome = validateDesign(plateDesign({ ...PLATE, porosity: 1.2 }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]!.path).toEqual(["elements", 1, "porosity"]);
    expect(outcome.issues[0]!.message).toMatch(/open fraction/);
  });
});
