import { firstBreakupFrequencyHz } from "../../elements/drivers/dynamicDriver.js";
import {
  type DiaphragmMaterialName,
  coatingArealDensityKgM2,
  isCoated,
} from "../../elements/drivers/diaphragm.js";
import { MICROSPEAKER, MICROSPEAKER_CITATION } from "./microspeaker.js";
import type { Part } from "./part.js";
import { type Sourced, derived, illustrative, publication } from "./provenance.js";

/*
 * Moving-coil IEM drivers. The one published parameter set is the MathWorks microspeaker of
 * docs/physics.md §5 (Simscape "Microspeaker" block defaults). The catalogue's drivers are a family scaled
 * from it by diameter, so that sizes differ only by the scaling law, and the diaphragm variants of
 * one size differ only by their diaphragm:
 *  - effective diameter = 0.8 × nominal diameter (illustrative: the outer part of the surround
 *    hardly moves); scale s = effective diameter ÷ the microspeaker's (√(4·Sd/π) = 12.72 mm);
 *  - Sd ∝ s²; Mms and Rms ∝ 0.4·s² and Cms ∝ 1/(0.4·s²): an IEM diaphragm with a light
 *    copper-clad aluminium coil carries less mass per area than the microspeaker (the factor 0.4 is
 *    illustrative); fs (209 Hz) and Qms (10.1) stay the microspeaker's;
 *  - Re and Le stay the microspeaker's (the same 31 Ω coil);
 *  - Bl ∝ s (the same gap flux and turns per unit circumference), times one family-wide factor
 *    1.8 (illustrative: a neodymium IEM motor), chosen with the reference single-DD design so the
 *    in-ear resonance is damped, shows in the impedance and the sensitivity lands near 110 dB/mW.
 * So what the 6 mm and 10 mm parts keep alike: coil (Re, Le), diaphragm (material, thickness, dome
 * factor, modal shares, hence moving mass per area), fs, Qms and Bl per unit diameter; what differs
 * is the size (Sd ∝ d², Mms ∝ d², Bl ∝ d). Bl per moving mass is therefore ∝ 1/d, not kept.
 * The diaphragm parameters (38 µm PET base, a dome stiffening of 4, the modal shares) are
 * illustrative; coating thicknesses too. A coating's mass is added to Mms (derived).
 */

/** Effective diameter of the microspeaker, √(4·Sd/π) ≈ 12.72 mm. */
const MICROSPEAKER_EFFECTIVE_DIAMETER_M = Math.sqrt((4 * MICROSPEAKER.sd) / Math.PI);
/** Effective (piston) diameter over nominal diameter. */
const EFFECTIVE_DIAMETER_RATIO = 0.8;
/** Family-wide motor factor applied to the scaled Bl (see the file comment). */
const MOTOR_FACTOR = 1.8;
/** Moving mass per area relative to the microspeaker's (see the file comment). */
const MASS_FACTOR = 0.4;

/** The scale factor s of a part of this nominal diameter. */
export function familyScale(nominalDiameterM: number): number {
  return (EFFECTIVE_DIAMETER_RATIO * nominalDiameterM) / MICROSPEAKER_EFFECTIVE_DIAMETER_M;
}

const mm = (metres: number) => `${+(metres * 1e3).toFixed(2)} mm`;

/** Thiele–Small parameters of the family member of this nominal diameter, each with its source. */
function scaledMotor(nominalDiameterM: number): Record<string, Sourced> {
  const s = familyScale(nominalDiameterM);
  const scale = `s = 0.8 × ${mm(nominalDiameterM)} / 12.72 mm = ${s.toFixed(4)}`;
  return {
    re: publication(MICROSPEAKER.re, MICROSPEAKER_CITATION),
    le: publication(MICROSPEAKER.le, MICROSPEAKER_CITATION),
    bl: illustrative(
      MOTOR_FACTOR * MICROSPEAKER.bl * s,
      `1.8 × microspeaker Bl × s (${scale}): Bl ∝ diameter, then one family factor for a strong ` +
        "neodymium IEM motor that damps the in-ear resonance (≈110 dB SPL/mW at 1 kHz in single-dd)",
    ),
    mms: derived(
      MASS_FACTOR * MICROSPEAKER.mms * s * s,
      `0.4 × microspeaker Mms × s², ${scale} (0.4: lighter per area, illustrative)`,
    ),
    cms: derived(
      MICROSPEAKER.cms / (MASS_FACTOR * s * s),
      `microspeaker Cms / (0.4·s²), ${scale} (keeps fs 209 Hz)`,
    ),
    rms: derived(
      MASS_FACTOR * MICROSPEAKER.rms * s * s,
      `0.4 × microspeaker Rms × s², ${scale} (keeps Qms 10.1)`,
    ),
    sd: derived(
      MICROSPEAKER.sd * s * s,
      `microspeaker Sd × s² = π(0.8 × ${mm(nominalDiameterM)})²/4, ${scale}`,
    ),
  };
}

/*
 * Large-signal curves (Klippel's Bl(x), Kms(x), Le(x); elements/drivers/largeSignal.ts). No IEM
 * driver's measured curves are public, so they are illustrative, sized by Klippel's displacement
 * limits: x_Bl, where Bl has fallen to 82 %, and x_C, where Cms has fallen to 75 % (W. Klippel,
 * "Assessment of Voice-Coil Peak Displacement Xmax", JAES 51(5), 2003; IEC 62458).
 *  - x_Bl = 0.10 mm × (d / 10 mm) and x_C = 0.08 mm × (d / 10 mm): an IEM coil overhangs its
 *    gap by about a tenth of a millimetre and the diaphragm's surround is a stiff formed film, so
 *    the suspension stiffens first; both scale with the diaphragm like its other lengths.
 *  - Bl: the symmetric fall bl2 = −0.18·Bl/x_Bl², and a 10 % lean, bl1 = −0.10·Bl/x_Bl (the coil
 *    rests slightly off the gap's centre, the usual asymmetry).
 *  - Kms: kms2 = (1/0.75 − 1)·K₀/x_C², so Kms(±x_C) = K₀/0.75 before the lean, and
 *    kms1 = 0.15·K₀/x_C (the formed surround is stiffer one way).
 *  - Le: le1 = −0.25·Le/x_Bl (the inductance falls as the coil moves out of the pole piece).
 */
const X_BL_PER_DIAMETER = 0.1e-3 / 10e-3;
const X_C_PER_DIAMETER = 0.08e-3 / 10e-3;

/** The large-signal coefficients of a part with these Bl, Cms and Le (all illustrative). */
function largeSignalParameters(
  nominalDiameterM: number,
  motor: Record<string, Sourced>,
): Record<string, Sourced> {
  const xBl = X_BL_PER_DIAMETER * nominalDiameterM;
  const xC = X_C_PER_DIAMETER * nominalDiameterM;
  const bl = motor.bl!.value;
  const stiffness = 1 / motor.cms!.value;
  const le = motor.le!.value;
  const limits = `x_Bl = ${mm(xBl)}, x_C = ${mm(xC)} (0.10 and 0.08 mm per 10 mm of diameter)`;
  return {
    bl1: illustrative((-0.1 * bl) / xBl, `a 10 % lean of Bl over x_Bl, −0.10·Bl/x_Bl; ${limits}`),
    bl2: illustrative(
      (-0.18 * bl) / xBl ** 2,
      `Bl falls to 82 % at x_Bl: −0.18·Bl/x_Bl²; ${limits}`,
    ),
    kms1: illustrative(
      (0.15 * stiffness) / xC,
      `a 15 % lean of Kms over x_C, 0.15·Kms/x_C; ${limits}`,
    ),
    kms2: illustrative(
      ((1 / 0.75 - 1) * stiffness) / xC ** 2,
      `Cms falls to 75 % at x_C: (1/0.75 − 1)·Kms/x_C²; ${limits}`,
    ),
    le1: illustrative(
      (-0.25 * le) / xBl,
      `Le falls by a quarter over x_Bl as the coil leaves the pole piece, −0.25·Le/x_Bl; ${limits}`,
    ),
  };
}

/** The illustrative diaphragm and modal-branch settings every part shares. */
const BASE_FILM_THICKNESS_M = 38e-6;
const DOME_STIFFENING = 4;
const MODAL_MASS_FRACTION = 0.2;
const MODAL_AREA_FRACTION = 0.45;
const MODAL_LOSS_FACTOR = 0.5;

interface DiaphragmChoice {
  readonly material: DiaphragmMaterialName;
  readonly coatingThicknessM?: number;
  readonly coatingNote?: string;
}

/** The breakup-model parameters of a part, and its Mms with the coating's mass added. */
function diaphragmParameters(
  nominalDiameterM: number,
  choice: DiaphragmChoice,
  motor: Record<string, Sourced>,
): Record<string, Sourced> {
  const parameters: Record<string, Sourced> = {
    diaphragmDiameter: illustrative(
      nominalDiameterM,
      "the nominal driver size, taken as the clamped diameter of the diaphragm",
    ),
    diaphragmThickness: illustrative(
      BASE_FILM_THICKNESS_M,
      "a common PET film gauge for IEM diaphragms (flat Ø10 mm plate mode ≈ 1.4 kHz)",
    ),
    domeStiffening: illustrative(
      DOME_STIFFENING,
      "a domed, ribbed diaphragm breaks up several times above the flat plate's mode: puts a " +
        "10 mm PET diaphragm's first breakup near 5.6 kHz",
    ),
    modalMassFraction: illustrative(
      MODAL_MASS_FRACTION,
      "the outer diaphragm ring decouples at breakup; the coil and dome (≈80 % of Mms) stay",
    ),
    modalAreaFraction: illustrative(
      MODAL_AREA_FRACTION,
      "the outer ring of a diaphragm is a large share of its radiating area",
    ),
    modalLossFactor: illustrative(
      MODAL_LOSS_FACTOR,
      "a well-damped first mode (Q 2: film and adhesive losses of a domed diaphragm); the same for every part so only stiffness " +
        "and mass differ",
    ),
  };
  if (choice.coatingThicknessM !== undefined) {
    const geometry = {
      material: choice.material,
      diameterM: nominalDiameterM,
      thicknessM: BASE_FILM_THICKNESS_M,
      coatingThicknessM: choice.coatingThicknessM,
      domeStiffening: DOME_STIFFENING,
    };
    const coatingMass = coatingArealDensityKgM2(geometry) * Math.PI * (nominalDiameterM / 2) ** 2;
    parameters.coatingThickness = illustrative(
      choice.coatingThicknessM,
      choice.coatingNote ?? "a thin vapour-deposited layer",
    );
    parameters.mms = derived(
      motor.mms!.value + coatingMass,
      `the uncoated part's Mms + coating density × thickness × π(${mm(nominalDiameterM)})²/4`,
    );
  }
  return parameters;
}

function dynamicDriverPart(options: {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly description: string;
  readonly nominalDiameterM: number;
  readonly diaphragm: DiaphragmChoice;
}): Part {
  const motor = scaledMotor(options.nominalDiameterM);
  if (isCoated(options.diaphragm.material) !== (options.diaphragm.coatingThicknessM !== undefined))
    throw new Error(`${options.id}: coated materials need a coating thickness, plain ones none`);
  return {
    id: options.id,
    name: options.name,
    partClass: "dynamic driver",
    role: options.role,
    description: options.description,
    elementType: "dynamicDriver",
    parameters: {
      ...motor,
      ...diaphragmParameters(options.nominalDiameterM, options.diaphragm, motor),
      ...largeSignalParameters(options.nominalDiameterM, motor),
    },
    settings: { diaphragmMaterial: options.diaphragm.material },
  };
}

export const DD_6MM_PET = dynamicDriverPart({
  id: "dd-6mm-pet",
  name: "Ø6 mm PET dynamic driver (scaled, illustrative)",
  role: "full-range",
  description:
    "A small 6 mm moving-coil driver with a PET diaphragm: the 10 mm PET part scaled down in " +
    "diameter (same coil, diaphragm, fs and Qms; Sd and Mms ∝ d², Bl ∝ d).",
  nominalDiameterM: 6e-3,
  diaphragm: { material: "PET" },
});

export const DD_10MM_PET = dynamicDriverPart({
  id: "dd-10mm-pet",
  name: "Ø10 mm PET dynamic driver (scaled, illustrative)",
  role: "full-range",
  description:
    "The common 10 mm IEM moving-coil driver with a plain PET diaphragm, scaled from the " +
    "MathWorks microspeaker; first breakup near 5.6 kHz.",
  nominalDiameterM: 10e-3,
  diaphragm: { material: "PET" },
});

export const DD_10MM_BERYLLIUM = dynamicDriverPart({
  id: "dd-10mm-beryllium",
  name: "Ø10 mm beryllium-coated dynamic driver (scaled, illustrative)",
  role: "full-range",
  description:
    "dd-10mm-pet with a 1 µm beryllium layer on its PET diaphragm and nothing else changed (its " +
    "Mms carries the coating's mass): a stiffer, barely heavier diaphragm breaks up higher.",
  nominalDiameterM: 10e-3,
  diaphragm: {
    material: "beryllium-coated",
    coatingThicknessM: 1e-6,
    coatingNote: "a micrometre-class vapour-deposited beryllium layer",
  },
});

export const DD_10MM_DLC = dynamicDriverPart({
  id: "dd-10mm-dlc",
  name: "Ø10 mm DLC-coated dynamic driver (scaled, illustrative)",
  role: "full-range",
  description:
    "dd-10mm-pet with a 0.5 µm diamond-like-carbon layer on its PET diaphragm, nothing else changed.",
  nominalDiameterM: 10e-3,
  diaphragm: {
    material: "DLC-coated",
    coatingThicknessM: 0.5e-6,
    coatingNote: "a sub-micrometre DLC layer, as sputtered or plasma-deposited carbon films are",
  },
});

export const DD_12MM_GRAPHENE = dynamicDriverPart({
  id: "dd-12mm-graphene",
  name: "Ø12 mm graphene-coated dynamic driver (scaled, illustrative)",
  role: "full-range",
  description:
    "A larger 12 mm moving-coil driver with a graphene layer on its PET diaphragm, from the same " +
    "scaled family.",
  nominalDiameterM: 12e-3,
  diaphragm: {
    material: "graphene-coated",
    coatingThicknessM: 1e-6,
    coatingNote: "a micrometre-class multilayer graphene coating",
  },
});

/** The catalogue's dynamic drivers, each number with its provenance. */
export const DYNAMIC_DRIVERS: readonly Part[] = [
  DD_6MM_PET,
  DD_10MM_PET,
  DD_10MM_BERYLLIUM,
  DD_10MM_DLC,
  DD_12MM_GRAPHENE,
];

/** First breakup frequency (Hz) of a dynamic-driver part's diaphragm. */
export function partBreakupHz(part: Part): number {
  const value = (name: string) => part.parameters[name]?.value;
  const coatingThickness = value("coatingThickness");
  const frequency = firstBreakupFrequencyHz({
    diaphragmMaterial: part.settings?.diaphragmMaterial as DiaphragmMaterialName | undefined,
    diaphragmDiameter: value("diaphragmDiameter"),
    diaphragmThickness: value("diaphragmThickness"),
    ...(coatingThickness === undefined ? {} : { coatingThickness }),
    domeStiffening: value("domeStiffening"),
  });
  if (frequency === undefined) throw new Error(`part ${part.id} has no diaphragm breakup model`);
  return frequency;
}
