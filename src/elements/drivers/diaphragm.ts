/**
 * Diaphragm materials and the first bending (breakup) mode of a driver's diaphragm (docs/physics.md §5).
 *
 * A diaphragm is a base film, optionally with a thin stiff coating on one side (vapour-deposited
 * beryllium, diamond-like carbon, a graphene layer). Its first axisymmetric mode is taken as that of
 * a clamped circular plate of radius a,
 *   f₀₁ = (10.21 / (2π·a²))·√(D / (ρh)),
 * with D the laminate's bending stiffness about its neutral axis and ρh its areal density (Leissa,
 * "Vibration of Plates", NASA SP-160, 1969, §2.1: λ² = 10.2158 for the clamped plate, independent of
 * Poisson's ratio once D is given). A flat film breaks up low (38 µm PET, Ø10 mm: ≈ 1.4 kHz); real
 * IEM diaphragms are domed and ribbed, which raises the mode several-fold. That geometric effect is
 * not computed here: it is an explicit `domeStiffening` factor on the frequency, chosen by the user.
 */

/** Elastic and inertial properties of one layer's material. */
export interface LayerMaterial {
  readonly youngsModulusPa: number;
  readonly densityKgM3: number;
  readonly poissonRatio: number;
  /** Where the numbers come from, and how firm they are. */
  readonly source: string;
}

/**
 * PET (biaxially oriented polyester film, the common dynamic-driver diaphragm). [typical] E and ρ
 * from docs/physics.md §5; ν ≈ 0.38 is the usual textbook figure for PET film (illustrative).
 */
export const PET: LayerMaterial = {
  youngsModulusPa: 4.5e9,
  densityKgM3: 1390,
  poissonRatio: 0.38,
  source: "typical: docs/physics.md §5 (E ≈ 4.5 GPa, ρ 1390); ν 0.38 illustrative textbook value",
};

/** Liquid-crystal polymer film. [typical] E in 10–20 GPa (docs/physics.md §5): the middle is taken. */
export const LCP: LayerMaterial = {
  youngsModulusPa: 15e9,
  densityKgM3: 1400,
  poissonRatio: 0.35,
  source:
    "typical: E mid-range of docs/physics.md §5 (10–20 GPa); ρ 1400 and ν 0.35 illustrative polymer-film values",
};

/** Beryllium metal (the coating). E and ρ from docs/physics.md §5 [typical]; its ν ≈ 0.03 is unusually low. */
export const BERYLLIUM: LayerMaterial = {
  youngsModulusPa: 287e9,
  densityKgM3: 1850,
  poissonRatio: 0.032,
  source: "typical: docs/physics.md §5 (E 287 GPa, ρ 1850); ν 0.032 handbook value for beryllium",
};

/** Diamond-like carbon coating: docs/physics.md §5 gives 100–300 GPa [typical]; the middle is taken. */
export const DIAMOND_LIKE_CARBON: LayerMaterial = {
  youngsModulusPa: 200e9,
  densityKgM3: 2500,
  poissonRatio: 0.2,
  source:
    "typical: E mid-range of docs/physics.md §5 (100–300 GPa); ρ 2500 (between hydrogenated and tetrahedral DLC) and ν 0.2 illustrative",
};

/**
 * A "graphene" coating as sold on IEM diaphragms: a multilayer graphene/graphite film, far softer
 * than a perfect monolayer (≈1 TPa). Illustrative: E 100 GPa, graphite's density and in-plane ν.
 */
export const GRAPHENE_COATING: LayerMaterial = {
  youngsModulusPa: 100e9,
  densityKgM3: 2200,
  poissonRatio: 0.17,
  source:
    "illustrative: a multilayer graphene/graphite coating, E between graphene papers (tens of GPa) and monolayer graphene (≈1 TPa); graphite's ρ and ν",
};

/** A diaphragm material: its base film and, for coated diaphragms, the coating on one side. */
export interface DiaphragmMaterial {
  readonly base: LayerMaterial;
  readonly coating?: LayerMaterial;
  readonly description: string;
}

/** The diaphragm materials a dynamic driver may name; coated ones are coatings on a PET film. */
export const DIAPHRAGM_MATERIALS = {
  PET: { base: PET, description: "plain PET film" },
  LCP: { base: LCP, description: "plain liquid-crystal-polymer film" },
  "beryllium-coated": {
    base: PET,
    coating: BERYLLIUM,
    description: "PET film with a beryllium layer on one side",
  },
  "DLC-coated": {
    base: PET,
    coating: DIAMOND_LIKE_CARBON,
    description: "PET film with a diamond-like-carbon layer on one side",
  },
  "graphene-coated": {
    base: PET,
    coating: GRAPHENE_COATING,
    description: "PET film with a graphene layer on one side",
  },
} as const satisfies Record<string, DiaphragmMaterial>;

export type DiaphragmMaterialName = keyof typeof DIAPHRAGM_MATERIALS;

export const DIAPHRAGM_MATERIAL_NAMES = Object.keys(DIAPHRAGM_MATERIALS) as DiaphragmMaterialName[];

/** True when the material has a coating, so a coating thickness is needed. */
export function isCoated(name: DiaphragmMaterialName): boolean {
  return "coating" in DIAPHRAGM_MATERIALS[name];
}

/** One layer of a laminate, from the bottom up. */
export interface Layer {
  readonly material: LayerMaterial;
  readonly thicknessM: number;
}

export interface LaminateProperties {
  /** Bending stiffness D about the neutral axis (N·m). */
  readonly bendingStiffnessNm: number;
  /** Areal density ρh = Σ ρᵢhᵢ (kg/m²). */
  readonly arealDensityKgM2: number;
  /** Height of the neutral axis above the bottom face (m). */
  readonly neutralAxisM: number;
}

/**
 * Bending stiffness of a stack of isotropic layers (classical lamination theory, D₁₁): with the plate
 * modulus Qᵢ = Eᵢ/(1 − νᵢ²) and layer mid-heights zᵢ, the neutral axis is z̄ = ΣQᵢhᵢzᵢ / ΣQᵢhᵢ and
 *   D = Σ Qᵢ·(hᵢ³/12 + hᵢ·(zᵢ − z̄)²).
 * One layer gives the textbook D = Eh³/(12(1 − ν²)).
 */
export function laminateProperties(layers: readonly Layer[]): LaminateProperties {
  if (layers.length === 0) throw new RangeError("a laminate needs at least one layer");
  let bottom = 0;
  let stiffnessSum = 0;
  let momentSum = 0;
  let arealDensity = 0;
  const placed = layers.map(({ material, thicknessM }) => {
    if (!(thicknessM > 0 && Number.isFinite(thicknessM)))
      throw new RangeError(
        `layer thickness must be a positive number of metres (got ${thicknessM})`,
      );
    const modulus = material.youngsModulusPa / (1 - material.poissonRatio ** 2);
    const middle = bottom + thicknessM / 2;
    bottom += thicknessM;
    stiffnessSum += modulus * thicknessM;
    momentSum += modulus * thicknessM * middle;
    arealDensity += material.densityKgM3 * thicknessM;
    return { modulus, thicknessM, middle };
  });
  const neutralAxis = momentSum / stiffnessSum;
  const bendingStiffness = placed.reduce(
    (sum, { modulus, thicknessM, middle }) =>
      sum + modulus * (thicknessM ** 3 / 12 + thicknessM * (middle - neutralAxis) ** 2),
    0,
  );
  return {
    bendingStiffnessNm: bendingStiffness,
    arealDensityKgM2: arealDensity,
    neutralAxisM: neutralAxis,
  };
}

/** λ² of the first axisymmetric mode of a clamped circular plate (Leissa 1969). */
export const CLAMPED_PLATE_FIRST_MODE = 10.21;

/** f₀₁ = (10.21/(2π·a²))·√(D/(ρh)) of a clamped circular plate of radius a (Hz). */
export function clampedPlateFirstModeHz(
  radiusM: number,
  laminate: Pick<LaminateProperties, "bendingStiffnessNm" | "arealDensityKgM2">,
): number {
  return (
    (CLAMPED_PLATE_FIRST_MODE / (2 * Math.PI * radiusM ** 2)) *
    Math.sqrt(laminate.bendingStiffnessNm / laminate.arealDensityKgM2)
  );
}

/** What sets a diaphragm's first breakup mode. */
export interface DiaphragmGeometry {
  readonly material: DiaphragmMaterialName;
  readonly diameterM: number;
  /** Thickness of the base film (m). */
  readonly thicknessM: number;
  /** Thickness of the coating (m); needed for coated materials, absent or 0 for plain films. */
  readonly coatingThicknessM?: number;
  /**
   * Ratio of the real (domed, ribbed) diaphragm's first breakup frequency to the flat clamped
   * plate's: 1 for a flat film. An explicit, illustrative modelling choice, not a computed figure.
   */
  readonly domeStiffening: number;
}

/** The layers of a diaphragm: the base film, then its coating if it has one of non-zero thickness. */
export function diaphragmLayers(diaphragm: DiaphragmGeometry): Layer[] {
  const material: DiaphragmMaterial = DIAPHRAGM_MATERIALS[diaphragm.material];
  const layers: Layer[] = [{ material: material.base, thicknessM: diaphragm.thicknessM }];
  const coating = diaphragm.coatingThicknessM ?? 0;
  if (material.coating !== undefined && coating > 0)
    layers.push({ material: material.coating, thicknessM: coating });
  return layers;
}

/**
 * First breakup frequency (Hz) of a diaphragm: the clamped-plate mode of its laminate, times the
 * dome stiffening factor.
 */
export function diaphragmBreakupHz(diaphragm: DiaphragmGeometry): number {
  const { diameterM, domeStiffening } = diaphragm;
  if (!(diameterM > 0 && Number.isFinite(diameterM)))
    throw new RangeError(
      `diaphragm diameter must be a positive number of metres (got ${diameterM})`,
    );
  if (!(domeStiffening > 0 && Number.isFinite(domeStiffening)))
    throw new RangeError(`dome stiffening must be a positive number (got ${domeStiffening})`);
  const laminate = laminateProperties(diaphragmLayers(diaphragm));
  return domeStiffening * clampedPlateFirstModeHz(diameterM / 2, laminate);
}

/** Mass per unit area of the diaphragm's coating (kg/m²): 0 for plain films. */
export function coatingArealDensityKgM2(diaphragm: DiaphragmGeometry): number {
  const coating: LayerMaterial | undefined = (
    DIAPHRAGM_MATERIALS[diaphragm.material] as DiaphragmMaterial
  ).coating;
  return coating === undefined ? 0 : coating.densityKgM3 * (diaphragm.coatingThicknessM ?? 0);
}
