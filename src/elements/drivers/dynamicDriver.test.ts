import { describe, expect, it } from "vitest";
import { MICROSPEAKER } from "../../catalogue/parts/microspeaker.js";
import { STANDARD_AIR } from "../../core/air.js";
import { simulate } from "../../simulate/simulate.js";
import { validateDesign } from "../../design/design.js";
import { breakupBranch, dynamicDriver, firstBreakupFrequencyHz } from "./dynamicDriver.js";

const BREAKUP = {
  diaphragmMaterial: "PET",
  diaphragmDiameter: 10e-3,
  diaphragmThickness: 38e-6,
  domeStiffening: 4,
  modalMassFraction: 0.2,
  modalAreaFraction: 0.45,
  modalLossFactor: 0.02,
} as const;

type Complex = [number, number];
const mul = ([a, b]: Complex, [c, d]: Complex): Complex => [a * c - b * d, a * d + b * c];
const div = ([a, b]: Complex, [c, d]: Complex): Complex => {
  const m = c * c + d * d;
  return [(a * c + b * d) / m, (b * c - a * d) / m];
};
const add = (...zs: Complex[]): Complex => zs.reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
const relativeError = (actual: Complex, expected: Complex) =>
  Math.hypot(actual[0] - expected[0], actual[1] - expected[1]) / Math.hypot(...expected);

const FREQUENCIES = [20, 100, 300, 1000, 3000, 10_000, 20_000];
const LOAD_RESISTANCE = 1e7; // Pa·s/m³ at the front; the back opens to ambient.

/** 1 A into the coil, front into an acoustic resistance, back at ambient: Z and p_front per frequency. */
function drivenOnResistance(driver: Record<string, unknown>, frequencies = FREQUENCIES) {
  const full = simulate(
    {
      tympan: 1,
      elements: [
        { id: "is", type: "currentSource", nodes: ["in", "0"], current: 1 },
        { id: "d", type: "dynamicDriver", nodes: ["in", "0", "front", "0"], ...driver },
        {
          id: "load",
          type: "acousticResistance",
          nodes: ["front", "0"],
          resistance: LOAD_RESISTANCE,
        },
      ],
      probes: [
        { id: "in", node: "in" },
        { id: "front", node: "front" },
      ],
    },
    { frequencies },
  );
  const at = (probe: string, k: number): Complex => [
    full.probes[probe]!.re[k]!,
    full.probes[probe]!.im[k]!,
  ];
  return frequencies.map((_, k) => ({ impedance: at("in", k), pressure: at("front", k) }));
}

/** Re + Z_L + Bl²/(jωMms + Rms + 1/(jωCms) + Sd²·R_load): the input impedance in closed form. */
function closedFormImpedance(coil: (omega: number) => Complex, frequency: number): Complex {
  const omega = 2 * Math.PI * frequency;
  const { re, bl, mms, cms, rms, sd } = MICROSPEAKER;
  const mechanical: Complex = [rms + sd * sd * LOAD_RESISTANCE, omega * mms - 1 / (omega * cms)];
  return add([re, 0], coil(omega), div([bl * bl, 0], mechanical));
}

describe("dynamicDriver without the optional models", () => {
  it("expands into exactly the parts it always had (Re, Le, Bl, Mms, Cms, Rms, Sd)", () => {
    const parts = dynamicDriver.expand(
      { id: "d", type: "dynamicDriver", nodes: ["p", "m", "f", "b"], ...MICROSPEAKER },
      STANDARD_AIR,
    );
    expect(parts).toEqual([
      { id: "d/Re", type: "resistor", nodes: ["p", "#d/coil"], resistance: 31.14 },
      { id: "d/Le", type: "inductor", nodes: ["#d/coil", "#d/motor"], inductance: 0.14e-3 },
      {
        id: "d/Bl",
        type: "gyrator",
        nodes: ["#d/motor", "m", "#d/force", "0"],
        transduction: 0.719,
      },
      { id: "d/Mms", type: "mass", nodes: ["#d/force", "#d/m1"], mass: 23e-6 },
      { id: "d/Cms", type: "compliance", nodes: ["#d/m1", "#d/m2"], compliance: 25.12e-3 },
      {
        id: "d/Rms",
        type: "mechanicalResistance",
        nodes: ["#d/m2", "#d/m3"],
        resistance: 3e-3,
      },
      { id: "d/Sd", type: "transformer", nodes: ["#d/m3", "0", "f", "b"], ratio: 1 / 1.271e-4 },
    ]);
  });

  it("has the input impedance Re + jωLe + Bl²/Z_m", () => {
    drivenOnResistance(MICROSPEAKER).forEach(({ impedance }, k) => {
      const expected = closedFormImpedance(
        (omega) => [0, omega * MICROSPEAKER.le],
        FREQUENCIES[k]!,
      );
      expect(relativeError(impedance, expected)).toBeLessThan(1e-9);
    });
  });
});

describe("dynamicDriver voice-coil inductance models", () => {
  it("LR-2: Z_L = jωLe + R2·jωL2/(R2 + jωL2)", () => {
    const [r2, l2] = [12, 0.05e-3];
    drivenOnResistance({ ...MICROSPEAKER, r2, l2 }).forEach(({ impedance }, k) => {
      const expected = closedFormImpedance(
        (omega) =>
          add([0, omega * MICROSPEAKER.le], div(mul([r2, 0], [0, omega * l2]), [r2, omega * l2])),
        FREQUENCIES[k]!,
      );
      expect(relativeError(impedance, expected)).toBeLessThan(1e-9);
    });
  });

  it("semi-inductance: Z_L = K·(jω)ⁿ, n = 0.5 by default (Leach 2002)", () => {
    const K = 0.02;
    for (const n of [undefined, 0.7]) {
      const exponent = n ?? 0.5;
      const driver = {
        ...MICROSPEAKER,
        le: 0,
        semiInductance: K,
        ...(n === undefined ? {} : { semiInductanceExponent: n }),
      };
      drivenOnResistance(driver).forEach(({ impedance }, k) => {
        const expected = closedFormImpedance((omega) => {
          const magnitude = K * omega ** exponent;
          return [
            magnitude * Math.cos((exponent * Math.PI) / 2),
            magnitude * Math.sin((exponent * Math.PI) / 2),
          ];
        }, FREQUENCIES[k]!);
        expect(relativeError(impedance, expected)).toBeLessThan(1e-9);
      });
    }
  });

  it("with Bl tiny the input impedance is the blocked Re + Z_L of all models in series", () => {
    const [r2, l2, K] = [12, 0.05e-3, 0.02];
    drivenOnResistance({ ...MICROSPEAKER, bl: 1e-9, r2, l2, semiInductance: K }).forEach(
      ({ impedance }, k) => {
        const omega = 2 * Math.PI * FREQUENCIES[k]!;
        const semi = K * Math.sqrt(omega) * Math.SQRT1_2;
        const expected = add(
          [MICROSPEAKER.re, omega * MICROSPEAKER.le],
          div(mul([r2, 0], [0, omega * l2]), [r2, omega * l2]),
          [semi, semi],
        );
        expect(relativeError(impedance, expected)).toBeLessThan(1e-9);
      },
    );
  });
});

describe("dynamicDriver diaphragm breakup", () => {
  const withBreakup = { ...MICROSPEAKER, ...BREAKUP };
  const fb = firstBreakupFrequencyHz(withBreakup)!;

  it("keeps the total moving mass and area, and tunes the branch to the breakup frequency", () => {
    const branch = breakupBranch(withBreakup)!;
    expect(branch.mainMass + branch.modalMass).toBeCloseTo(MICROSPEAKER.mms, 15);
    expect(branch.mainArea + branch.modalArea).toBeCloseTo(MICROSPEAKER.sd, 15);
    const resonance = 1 / (2 * Math.PI * Math.sqrt(branch.modalMass * branch.couplingCompliance));
    expect(resonance / fb).toBeCloseTo(1, 12);
    expect(fb).toBeGreaterThan(4000); // a 4× domed Ø10 mm PET film: ≈ 5.6 kHz
    expect(fb).toBeLessThan(7000);
    expect(firstBreakupFrequencyHz({})).toBeUndefined();
  });

  it("matches the two-mass closed form: outer mass on a spring and dashpot, own area", () => {
    const branch = breakupBranch(withBreakup)!;
    const frequencies = [100, 1000, 3000, fb, 6000, 8000, 15_000];
    drivenOnResistance(withBreakup, frequencies).forEach(({ pressure }, k) => {
      const omega = 2 * Math.PI * frequencies[k]!;
      const { bl, cms, rms } = MICROSPEAKER;
      const [s1, s2, R] = [branch.mainArea, branch.modalArea, LOAD_RESISTANCE];
      // Unknowns v1, v2:  Bl = (Z1 + Zc + s1²R)v1 + (s1s2R − Zc)v2,  0 = (s1s2R − Zc)v1 + (Z2 + Zc + s2²R)v2.
      const z1: Complex = [rms, omega * branch.mainMass - 1 / (omega * cms)];
      const zc: Complex = [branch.couplingResistance, -1 / (omega * branch.couplingCompliance)];
      const z2: Complex = [0, omega * branch.modalMass];
      const a11 = add(z1, zc, [s1 * s1 * R, 0]);
      const a12 = add([s1 * s2 * R, 0], [-zc[0], -zc[1]]);
      const a22 = add(z2, zc, [s2 * s2 * R, 0]);
      const det = add(mul(a11, a22), mul([-a12[0], -a12[1]], a12));
      const v1 = div(mul([bl, 0], a22), det);
      const v2 = div(mul([-bl, 0], a12), det);
      const expected = mul([R, 0], add(mul([s1, 0], v1), mul([s2, 0], v2)));
      expect(relativeError(pressure, expected)).toBeLessThan(1e-9);
    });
  });

  it("peaks at fb/√(1 − μ) and dips near fb/√(1 − σ) relative to the rigid piston", () => {
    const grid = Array.from({ length: 801 }, (_, k) => fb * 0.7 * Math.pow(2.5 / 0.7, k / 800));
    const ratio = drivenOnResistance(withBreakup, grid).map(({ pressure }, k) => {
      const rigid = drivenOnResistance(MICROSPEAKER, [grid[k]!])[0]!.pressure;
      return Math.hypot(...pressure) / Math.hypot(...rigid);
    });
    const peak = grid[ratio.indexOf(Math.max(...ratio))]!;
    const dip = grid[ratio.indexOf(Math.min(...ratio))]!;
    expect(peak / (fb / Math.sqrt(1 - BREAKUP.modalMassFraction))).toBeCloseTo(1, 1);
    expect(Math.abs(peak / (fb / Math.sqrt(1 - BREAKUP.modalMassFraction)) - 1)).toBeLessThan(0.02);
    expect(Math.abs(dip / (fb / Math.sqrt(1 - BREAKUP.modalAreaFraction)) - 1)).toBeLessThan(0.02);
    expect(Math.max(...ratio)).toBeGreaterThan(3);
  });

  it("leaves the low-frequency response into the 711 all but unchanged (< 0.02 dB up to 200 Hz)", () => {
    const drum = (driver: Record<string, unknown>, frequencies: number[]) =>
      simulate(
        {
          tympan: 1,
          elements: [
            { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
            { id: "d", type: "dynamicDriver", nodes: ["in", "0", "front", "back"], ...driver },
            { id: "rear", type: "acousticVolume", nodes: ["back", "0"], volume: 1.01646e-7 },
            { id: "ear", type: "ear711", nodes: ["front", "drum"] },
          ],
          probes: [{ id: "drum", node: "drum" }],
        },
        { frequencies },
      ).probes.drum!.db;
    const low = [20, 50, 100, 200];
    const [rigid, modal] = [drum(MICROSPEAKER, low), drum(withBreakup, low)];
    // Not exactly 0: the outer ring yields a little to the stiffness of the 0.1 cm³ sealed rear
    // volume and the 711 (a real effect, of relative size (air stiffness on σ·Sd)/(coupling stiffness)).
    low.forEach((_, k) => expect(Math.abs(rigid[k]! - modal[k]!)).toBeLessThan(0.02));
    // On a resistive load (no air stiffness to bend the diaphragm) only O((f/fb)²) terms remain.
    const onLoad = (driver: Record<string, unknown>) =>
      drivenOnResistance(driver, low).map(({ pressure }) => Math.hypot(...pressure));
    const [rigidOnLoad, modalOnLoad] = [onLoad(MICROSPEAKER), onLoad(withBreakup)];
    low.forEach((_, k) =>
      expect(Math.abs(modalOnLoad[k]! / rigidOnLoad[k]! - 1)).toBeLessThan(2e-3),
    );
    const around = [fb / Math.sqrt(1 - BREAKUP.modalMassFraction)];
    const [rigidHigh, modalHigh] = [drum(MICROSPEAKER, around), drum(withBreakup, around)];
    expect(Math.abs(rigidHigh[0]! - modalHigh[0]!)).toBeGreaterThan(3);
  });

  it("moves breakup up with a beryllium-coated diaphragm of the same size, in the simulation too", () => {
    const beryllium = {
      ...withBreakup,
      diaphragmMaterial: "beryllium-coated",
      coatingThickness: 1e-6,
    } as const;
    const fbBe = firstBreakupFrequencyHz(beryllium)!;
    expect(fbBe).toBeGreaterThan(fb);
    const peakOf = (driver: Record<string, unknown>, centre: number) => {
      const grid = Array.from({ length: 201 }, (_, k) => centre * Math.pow(2, (k - 100) / 200));
      const levels = drivenOnResistance(driver, grid).map(({ pressure }) =>
        Math.hypot(...pressure),
      );
      return grid[levels.indexOf(Math.max(...levels))]!;
    };
    const shift = 1 / Math.sqrt(1 - BREAKUP.modalMassFraction);
    expect(Math.abs(peakOf(beryllium, fbBe * shift) / (fbBe * shift) - 1)).toBeLessThan(0.03);
    expect(Math.abs(peakOf(withBreakup, fb * shift) / (fb * shift) - 1)).toBeLessThan(0.03);
  });
});

describe("dynamicDriver validation of the optional groups", () => {
  const issuesOf = (driver: Record<string, unknown>) => {
    const outcome = validateDesign({
      tympan: 1,
      elements: [
        { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        { id: "d", type: "dynamicDriver", nodes: ["in", "0", "front", "0"], ...driver },
        { id: "ear", type: "ear711", nodes: ["front", "drum"] },
      ],
      probes: [{ id: "drum", node: "drum" }],
    });
    return outcome.ok ? [] : outcome.issues;
  };

  it("accepts the plain driver and every complete optional group", () => {
    expect(issuesOf(MICROSPEAKER)).toEqual([]);
    expect(issuesOf({ ...MICROSPEAKER, r2: 10, l2: 1e-4, semiInductance: 0.02 })).toEqual([]);
    expect(issuesOf({ ...MICROSPEAKER, ...BREAKUP })).toEqual([]);
  });

  it("reports the missing half of LR-2 at its path", () => {
    const issues = issuesOf({ ...MICROSPEAKER, r2: 10 });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["missing-parameter", ["elements", 1, "l2"]],
    ]);
  });

  it("reports each missing breakup parameter at its path", () => {
    const { modalLossFactor, domeStiffening, ...partial } = BREAKUP;
    void modalLossFactor;
    void domeStiffening;
    const issues = issuesOf({ ...MICROSPEAKER, ...partial });
    expect(issues.map((issue) => issue.path.at(-1)).sort()).toEqual([
      "domeStiffening",
      "modalLossFactor",
    ]);
    expect(issues.every((issue) => issue.code === "missing-parameter")).toBe(true);
  });

  it("asks for a coating thickness on coated films and refuses one on plain films", () => {
    const coated = issuesOf({ ...MICROSPEAKER, ...BREAKUP, diaphragmMaterial: "DLC-coated" });
    expect(coated.map((issue) => [issue.code, issue.path.at(-1)])).toEqual([
      ["missing-parameter", "coatingThickness"],
    ]);
    const plain = issuesOf({ ...MICROSPEAKER, ...BREAKUP, coatingThickness: 1e-6 });
    expect(plain).toHaveLength(1);
    expect(plain[0]!.message).toMatch(/no coating: remove coatingThickness/);
  });

  it("refuses an exponent without its coefficient, and fractions of 1 or more", () => {
    const exponent = issuesOf({ ...MICROSPEAKER, semiInductanceExponent: 0.5 });
    expect(exponent.map((issue) => issue.path.at(-1))).toEqual(["semiInductance"]);
    const fraction = issuesOf({ ...MICROSPEAKER, ...BREAKUP, modalMassFraction: 1 });
    expect(fraction.map((issue) => issue.path.at(-1))).toEqual(["modalMassFraction"]);
    expect(fraction[0]!.message).toMatch(/below 1/);
  });

  it("names the materials when the material is unknown", () => {
    const issues = issuesOf({ ...MICROSPEAKER, ...BREAKUP, diaphragmMaterial: "titanium" });
    expect(issues[0]!.message).toMatch(/"PET", "LCP", "beryllium-coated"/);
  });
});
