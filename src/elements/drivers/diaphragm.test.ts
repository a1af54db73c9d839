import { describe, expect, it } from "vitest";
import {
  BERYLLIUM,
  DIAPHRAGM_MATERIALS,
  DIAPHRAGM_MATERIAL_NAMES,
  type DiaphragmGeometry,
  PET,
  clampedPlateFirstModeHz,
  coatingArealDensityKgM2,
  diaphragmBreakupHz,
  isCoated,
  laminateProperties,
} from "./diaphragm.js";

const petFilm = (diameterM: number): DiaphragmGeometry => ({
  material: "PET",
  diameterM,
  thicknessM: 38e-6,
  domeStiffening: 1,
});

describe("laminateProperties", () => {
  it("of one layer is the textbook plate: D = Eh³/(12(1 − ν²)), ρh, neutral axis mid-plane", () => {
    const h = 38e-6;
    const laminate = laminateProperties([{ material: PET, thicknessM: h }]);
    const expected = (PET.youngsModulusPa * h ** 3) / (12 * (1 - PET.poissonRatio ** 2));
    expect(laminate.bendingStiffnessNm / expected - 1).toBeCloseTo(0, 12);
    expect(laminate.arealDensityKgM2).toBeCloseTo(PET.densityKgM3 * h, 12);
    expect(laminate.neutralAxisM).toBeCloseTo(h / 2, 15);
  });

  it("of two layers of one material equals one layer of their summed thickness", () => {
    const split = laminateProperties([
      { material: PET, thicknessM: 10e-6 },
      { material: PET, thicknessM: 28e-6 },
    ]);
    const whole = laminateProperties([{ material: PET, thicknessM: 38e-6 }]);
    expect(split.bendingStiffnessNm / whole.bendingStiffnessNm - 1).toBeCloseTo(0, 12);
    expect(split.arealDensityKgM2 / whole.arealDensityKgM2 - 1).toBeCloseTo(0, 12);
  });

  it("puts the neutral axis of a stiff coating near the coating: z̄ = ΣQhz/ΣQh", () => {
    const [hBase, hCoat] = [38e-6, 1e-6];
    const q = (m: typeof PET) => m.youngsModulusPa / (1 - m.poissonRatio ** 2);
    const expected =
      (q(PET) * hBase * (hBase / 2) + q(BERYLLIUM) * hCoat * (hBase + hCoat / 2)) /
      (q(PET) * hBase + q(BERYLLIUM) * hCoat);
    const laminate = laminateProperties([
      { material: PET, thicknessM: hBase },
      { material: BERYLLIUM, thicknessM: hCoat },
    ]);
    expect(laminate.neutralAxisM).toBeCloseTo(expected, 15);
    expect(laminate.neutralAxisM).toBeGreaterThan(hBase / 2);
  });

  it("rejects an empty stack and non-positive thicknesses with a message", () => {
    expect(() => laminateProperties([])).toThrow(/at least one layer/);
    expect(() => laminateProperties([{ material: PET, thicknessM: 0 }])).toThrow(/positive/);
    expect(() => laminateProperties([{ material: PET, thicknessM: NaN }])).toThrow(/positive/);
  });
});

describe("diaphragmBreakupHz", () => {
  it("of a flat 38 µm PET film of Ø10 mm is ≈ 1.4 kHz (docs/physics.md §5 formula)", () => {
    expect(diaphragmBreakupHz(petFilm(10e-3))).toBeGreaterThan(1350);
    expect(diaphragmBreakupHz(petFilm(10e-3))).toBeLessThan(1450);
  });

  it("equals (10.21/(2πa²))·√(D/ρh) for one layer and scales as 1/a²", () => {
    const a = 5e-3;
    const laminate = laminateProperties([{ material: PET, thicknessM: 38e-6 }]);
    const closedForm =
      (10.21 / (2 * Math.PI * a * a)) *
      Math.sqrt(laminate.bendingStiffnessNm / laminate.arealDensityKgM2);
    expect(clampedPlateFirstModeHz(a, laminate)).toBeCloseTo(closedForm, 9);
    expect(diaphragmBreakupHz(petFilm(6e-3)) / diaphragmBreakupHz(petFilm(10e-3))).toBeCloseTo(
      (10 / 6) ** 2,
      9,
    );
  });

  it("multiplies the flat plate's mode by the dome stiffening factor", () => {
    const flat = diaphragmBreakupHz(petFilm(10e-3));
    const domed = diaphragmBreakupHz({ ...petFilm(10e-3), domeStiffening: 4 });
    expect(domed / flat).toBeCloseTo(4, 12);
  });

  it("is higher for every coated film than for the bare PET film of the same size", () => {
    const bare = diaphragmBreakupHz(petFilm(10e-3));
    for (const material of DIAPHRAGM_MATERIAL_NAMES.filter(isCoated)) {
      const coated = diaphragmBreakupHz({ ...petFilm(10e-3), material, coatingThicknessM: 1e-6 });
      expect(coated, material).toBeGreaterThan(1.3 * bare);
    }
  });

  it("puts a beryllium-coated diaphragm's breakup above a PET one's of the same size", () => {
    for (const diameterM of [6e-3, 10e-3, 15e-3]) {
      const pet = diaphragmBreakupHz(petFilm(diameterM));
      const beryllium = diaphragmBreakupHz({
        ...petFilm(diameterM),
        material: "beryllium-coated",
        coatingThicknessM: 1e-6,
      });
      expect(beryllium).toBeGreaterThan(pet);
    }
  });

  it("puts a plain LCP film above a PET film of the same thickness (stiffer, similar density)", () => {
    const lcp = diaphragmBreakupHz({ ...petFilm(10e-3), material: "LCP" });
    expect(lcp / diaphragmBreakupHz(petFilm(10e-3))).toBeGreaterThan(1.5);
  });

  it("treats a coated material with zero coating as its bare base film", () => {
    const bare = diaphragmBreakupHz(petFilm(10e-3));
    const zero = diaphragmBreakupHz({ ...petFilm(10e-3), material: "DLC-coated" });
    expect(zero).toBe(bare);
  });

  it("rejects a non-positive diameter or stiffening with a message, never NaN", () => {
    expect(() => diaphragmBreakupHz(petFilm(0))).toThrow(/diameter/);
    expect(() => diaphragmBreakupHz({ ...petFilm(1e-2), domeStiffening: -1 })).toThrow(/dome/);
  });
});

describe("the material table", () => {
  it("labels every material's numbers as typical or illustrative, with a reason", () => {
    for (const name of DIAPHRAGM_MATERIAL_NAMES) {
      const material = DIAPHRAGM_MATERIALS[name];
      for (const layer of [material.base, "coating" in material ? material.coating : undefined]) {
        if (layer === undefined) continue;
        expect(layer.source).toMatch(/^(typical|illustrative):/);
        expect(layer.poissonRatio).toBeGreaterThan(0);
        expect(layer.poissonRatio).toBeLessThan(0.5);
      }
    }
  });

  it("gives the coating's areal mass ρ_c·h_c, and 0 for plain films", () => {
    expect(
      coatingArealDensityKgM2({
        ...petFilm(1e-2),
        material: "beryllium-coated",
        coatingThicknessM: 2e-6,
      }),
    ).toBeCloseTo(1850 * 2e-6, 15);
    expect(coatingArealDensityKgM2(petFilm(1e-2))).toBe(0);
  });
});
