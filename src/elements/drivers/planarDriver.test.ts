import { describe, expect, it } from "vitest";
import { perforatedPlateImpedance } from "../ducts/perforatedPlateImpedance.js";
import { validateDesign } from "../../design/design.js";
import { STANDARD_AIR } from "../../core/air.js";
import { simulate } from "../../simulate/simulate.js";
import {
  MEMBRANE_MODE_ZEROS,
  type PlanarDriver,
  membraneModes,
  planarDriver,
} from "./planarDriver.js";

const DRIVER: PlanarDriver = {
  id: "pl",
  type: "planarDriver",
  nodes: ["in", "0", "0", "0"],
  re: 32,
  le: 2e-6,
  bl: 0.14,
  radius: 7.1e-3,
  arealDensity: 3e-3,
  tension: 0.2,
  rms: 2e-3,
  plateHoleDiameter: 0.8e-3,
  plateThickness: 1e-3,
  platePorosity: 0.25,
};

/** Input impedance with both faces' plates opening to ambient ("0"), at 1 V. */
function inputImpedance(driver: PlanarDriver, frequencies: number[]) {
  const design = {
    tympan: 1,
    elements: [{ id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 }, driver],
    probes: [],
  };
  const result = simulate(design, { frequencies });
  return result.inputImpedance!;
}

type Complex = [number, number];
const add = (a: Complex, b: Complex): Complex => [a[0] + b[0], a[1] + b[1]];
const mul = (a: Complex, b: Complex): Complex => [
  a[0] * b[0] - a[1] * b[1],
  a[0] * b[1] + a[1] * b[0],
];
const inv = (a: Complex): Complex => {
  const m = a[0] * a[0] + a[1] * a[1];
  return [a[0] / m, -a[1] / m];
};

describe("membraneModes", () => {
  it("puts the modes at f0n = j0n/(2πa)·√(T/ρs): 440.15 Hz, then ×2.2954 and ×3.5985", () => {
    const modes = membraneModes(DRIVER);
    // 2.404826/(2π·7.1e-3 m)·√(0.2/3e-3 m²/s²) = 53.9069·8.16497 = 440.15 Hz.
    expect(modes[0]!.frequencyHz).toBeCloseTo(440.15, 1);
    expect(modes[1]!.frequencyHz / modes[0]!.frequencyHz).toBeCloseTo(5.52007811 / 2.404825558, 8);
    expect(modes[2]!.frequencyHz / modes[0]!.frequencyHz).toBeCloseTo(8.653727913 / 2.404825558, 8);
    for (const mode of modes) {
      const resonance = 1 / (2 * Math.PI * Math.sqrt(mode.mass * mode.compliance));
      expect(resonance / mode.frequencyHz - 1).toBeCloseTo(0, 12);
    }
  });

  it("uses the fundamental's piston equivalent: mass (j01²/4)·ρs·πa², 95.7 % of the static compliance", () => {
    const [fundamental] = membraneModes(DRIVER);
    const area = Math.PI * DRIVER.radius ** 2;
    const membraneMass = DRIVER.arealDensity * area;
    expect(fundamental!.mass / membraneMass).toBeCloseTo(1.44579, 4);
    // Static volume compliance of a clamped membrane under uniform pressure: πa⁴/(8T).
    const staticCompliance = (Math.PI * DRIVER.radius ** 4) / (8 * DRIVER.tension);
    expect((area ** 2 * fundamental!.compliance) / staticCompliance).toBeCloseTo(
      32 / 2.404825558 ** 4,
      9,
    );
    expect(32 / 2.404825558 ** 4).toBeCloseTo(0.956788, 5);
  });

  it("has modal compliances summing towards the static one (Σ 32/j0n⁴ = 1; three modes: 99.70 %)", () => {
    const area = Math.PI * DRIVER.radius ** 2;
    const sum = membraneModes(DRIVER).reduce((total, mode) => total + mode.compliance, 0);
    const staticCompliance = (Math.PI * DRIVER.radius ** 4) / (8 * DRIVER.tension);
    expect((area ** 2 * sum) / staticCompliance).toBeCloseTo(0.996958, 5);
  });

  it("damps every mode at the same rate: R_n/M_n = rms/M_1", () => {
    const modes = membraneModes(DRIVER);
    for (const mode of modes)
      expect(mode.resistance / mode.mass).toBeCloseTo(DRIVER.rms / modes[0]!.mass, 6);
    expect(membraneModes({ ...DRIVER, modes: 1 })).toHaveLength(1);
    expect(MEMBRANE_MODE_ZEROS).toHaveLength(3);
  });
});

describe("planarDriver", () => {
  it("has Z = Re + jωLe + Bl²/(1/ΣY_n + πa²²·(Z_front plate + Z_rear plate)) with its faces open", () => {
    const frequencies = [20, 440, 1000, 5000, 20000];
    const z = inputImpedance(DRIVER, frequencies);
    const area = Math.PI * DRIVER.radius ** 2;
    const plate = {
      holeDiameterM: DRIVER.plateHoleDiameter,
      thicknessM: DRIVER.plateThickness,
      porosity: DRIVER.platePorosity,
      areaM2: area,
    };
    frequencies.forEach((f, k) => {
      const omega = 2 * Math.PI * f;
      let admittance: Complex = [0, 0];
      for (const mode of membraneModes(DRIVER)) {
        const branch: Complex = [
          mode.resistance,
          omega * mode.mass - 1 / (omega * mode.compliance),
        ];
        admittance = add(admittance, inv(branch));
      }
      const plates = perforatedPlateImpedance(plate, f, STANDARD_AIR);
      const load: Complex = [2 * area ** 2 * plates.resistance, 2 * area ** 2 * plates.reactance];
      const mechanical = add(inv(admittance), load);
      const expected = add(
        [DRIVER.re, omega * DRIVER.le],
        mul([DRIVER.bl ** 2, 0], inv(mechanical)),
      );
      expect(z.magnitudeOhm[k]! / Math.hypot(...expected) - 1).toBeCloseTo(0, 9);
      expect(z.phaseDeg[k]!).toBeCloseTo((Math.atan2(expected[1], expected[0]) * 180) / Math.PI, 7);
    });
  });

  it("shows each membrane mode as an impedance peak at its computed frequency", () => {
    // A nearly lossless, heavy film behind nearly transparent plates (their air mass is 0.15 % of
    // the film's), so each mode stands out, unshifted, as a sharp motional peak Bl²/Z_mech.
    const bare: PlanarDriver = {
      ...DRIVER,
      le: 0,
      arealDensity: 0.1,
      rms: 1e-7,
      plateHoleDiameter: 100e-6,
      plateThickness: 1e-6,
      platePorosity: 0.99,
    };
    for (const mode of membraneModes(bare)) {
      const f = mode.frequencyHz;
      const [below, at, above] = inputImpedance(bare, [0.99 * f, f, 1.01 * f]).magnitudeOhm;
      expect(at! / bare.re).toBeGreaterThan(3);
      expect(at!).toBeGreaterThan(3 * below!);
      expect(at!).toBeGreaterThan(3 * above!);
    }
  });

  it("names its motor: a gyrator Bl whose second port is [#<id>/force, 0]", () => {
    expect(planarDriver.motor!(DRIVER)).toBe("motor");
    const motor = planarDriver.expand(DRIVER, STANDARD_AIR).find((part) => part.id === "pl/motor");
    expect(motor).toMatchObject({ type: "gyrator", transduction: DRIVER.bl });
    expect(motor!.nodes.slice(2)).toEqual(["#pl/force", "0"]);
  });

  it("rejects more modes than it knows and a plate porosity of 1, saying why", () => {
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { ...DRIVER, modes: 4, platePorosity: 1 },
      ],
      probes: [],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const byPath = new Map(outcome.issues.map((issue) => [issue.path.join("/"), issue.message]));
    expect(byPath.get("elements/1/modes")).toMatch(/at most 3/);
    expect(byPath.get("elements/1/platePorosity")).toMatch(/below 1/);
  });
});
