import { z } from "zod";
import type { MacroModel, ParameterDoc } from "../../network/elementModel.js";
import { elementSchema, nonNegative, positive } from "../../network/parameters.js";
import {
  DIAPHRAGM_MATERIAL_NAMES,
  type DiaphragmMaterialName,
  diaphragmBreakupHz,
  isCoated,
} from "./diaphragm.js";
import type { ElementDefinition } from "../registry.js";
import { LARGE_SIGNAL_PARAMETERS, LARGE_SIGNAL_PARAMETER_DOCS } from "./largeSignal.js";

const fraction = (what: string) =>
  positive("").lt(1, { error: `must be below 1: it is a fraction of the ${what}` });

/** The parameters of a moving-coil driver; the opposed pair takes the same ones. */
export const DYNAMIC_DRIVER_PARAMETERS = {
  re: positive("Ω"),
  le: nonNegative("H"),
  bl: positive("T·m"),
  mms: positive("kg"),
  cms: positive("m/N"),
  rms: nonNegative("N·s/m"),
  sd: positive("m²"),
  r2: positive("Ω").optional(),
  l2: positive("H").optional(),
  semiInductance: positive("Ω/(rad/s)ⁿ").optional(),
  semiInductanceExponent: positive("")
    .max(1, { error: "must be ≤ 1 (1 is a plain inductor, 0.5 Vanderkooy's semi-inductor)" })
    .optional(),
  diaphragmMaterial: z
    .enum(DIAPHRAGM_MATERIAL_NAMES as [DiaphragmMaterialName, ...DiaphragmMaterialName[]], {
      error: `must be one of ${DIAPHRAGM_MATERIAL_NAMES.map((name) => `"${name}"`).join(", ")}`,
    })
    .optional(),
  diaphragmDiameter: positive("m").optional(),
  diaphragmThickness: positive("m").optional(),
  coatingThickness: positive("m").optional(),
  domeStiffening: positive("").optional(),
  modalMassFraction: fraction("moving mass").optional(),
  modalAreaFraction: fraction("diaphragm area Sd").optional(),
  modalLossFactor: positive("").optional(),
  ...LARGE_SIGNAL_PARAMETERS,
};

export const DYNAMIC_DRIVER_PARAMETER_DOCS: Readonly<Record<string, ParameterDoc>> = {
  re: { unit: "Ω", description: "voice-coil DC resistance" },
  le: { unit: "H", description: "voice-coil inductance (0 for none)" },
  bl: { unit: "T·m", description: "force factor" },
  mms: { unit: "kg", description: "moving mass including air load" },
  cms: { unit: "m/N", description: "suspension compliance" },
  rms: { unit: "N·s/m", description: "mechanical losses (0 for none)" },
  sd: { unit: "m²", description: "effective diaphragm area" },
  r2: { unit: "Ω", description: "LR-2 model: resistance R2 in parallel with l2 (with l2)" },
  l2: { unit: "H", description: "LR-2 model: inductance L2 in parallel with r2 (with r2)" },
  semiInductance: {
    unit: "Ω/(rad/s)ⁿ",
    description: "Leach's lossy inductance K of Z = K·(jω)ⁿ in series with the coil",
  },
  semiInductanceExponent: {
    unit: "",
    description: "n of K·(jω)ⁿ, in (0, 1]; default 0.5 (Vanderkooy's semi-inductor)",
  },
  diaphragmMaterial: {
    unit: "",
    description: `breakup model: ${DIAPHRAGM_MATERIAL_NAMES.map((name) => `"${name}"`).join(", ")}`,
  },
  diaphragmDiameter: { unit: "m", description: "breakup model: diaphragm diameter (clamped rim)" },
  diaphragmThickness: { unit: "m", description: "breakup model: thickness of the base film" },
  coatingThickness: {
    unit: "m",
    description: "breakup model: thickness of the coating (coated materials only)",
  },
  domeStiffening: {
    unit: "",
    description: "breakup model: first breakup ÷ flat clamped plate's mode (1 = flat film)",
  },
  modalMassFraction: {
    unit: "",
    description: "breakup model: share of mms that decouples at breakup, in (0, 1)",
  },
  modalAreaFraction: {
    unit: "",
    description: "breakup model: share of sd that the decoupled part radiates, in (0, 1)",
  },
  modalLossFactor: { unit: "", description: "breakup model: loss factor η = 1/Q of the mode" },
  ...LARGE_SIGNAL_PARAMETER_DOCS,
};

/** Optional parameters that go together: all of a group or none of it. */
const LR2_GROUP = ["r2", "l2"] as const;
const BREAKUP_GROUP = [
  "diaphragmMaterial",
  "diaphragmDiameter",
  "diaphragmThickness",
  "domeStiffening",
  "modalMassFraction",
  "modalAreaFraction",
  "modalLossFactor",
] as const;

type DriverFields = z.infer<z.ZodObject<typeof DYNAMIC_DRIVER_PARAMETERS>>;

/**
 * Cross-field rules: the LR-2 pair and the breakup group are all-or-none, the exponent needs its
 * coefficient, and a coating thickness goes with (and only with) a coated material. Issues sit at the
 * path of the missing or superfluous parameter, so the validator can say which to add or remove.
 */
export function checkDynamicDriverGroups(driver: Partial<DriverFields>, context: z.RefinementCtx) {
  const allOrNone = (group: readonly (keyof DriverFields)[], model: string) => {
    const given = group.filter((name) => driver[name] !== undefined);
    if (given.length === 0 || given.length === group.length) return;
    for (const name of group.filter((name) => driver[name] === undefined)) {
      context.addIssue({
        code: "custom",
        path: [name],
        message: `missing ${name}: the ${model} needs all of ${group.join(", ")} (given: ${given.join(", ")})`,
      });
    }
  };
  allOrNone(LR2_GROUP, "LR-2 inductance model");
  allOrNone(BREAKUP_GROUP, "diaphragm breakup model");
  if (driver.semiInductanceExponent !== undefined && driver.semiInductance === undefined) {
    context.addIssue({
      code: "custom",
      path: ["semiInductance"],
      message: "missing semiInductance: semiInductanceExponent is the exponent of its K·(jω)ⁿ",
    });
  }
  const material = driver.diaphragmMaterial;
  if (material === undefined) {
    if (driver.coatingThickness !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["coatingThickness"],
        message: "coatingThickness belongs to the breakup model: give diaphragmMaterial too",
      });
    }
  } else if (isCoated(material) && driver.coatingThickness === undefined) {
    context.addIssue({
      code: "custom",
      path: ["coatingThickness"],
      message: `missing coatingThickness: a "${material}" diaphragm needs the coating's thickness in m`,
    });
  } else if (!isCoated(material) && driver.coatingThickness !== undefined) {
    context.addIssue({
      code: "custom",
      path: ["coatingThickness"],
      message: `a "${material}" diaphragm has no coating: remove coatingThickness`,
    });
  }
}

const dynamicDriverSchema = elementSchema(
  "dynamicDriver",
  ["plus", "minus", "front", "back"],
  DYNAMIC_DRIVER_PARAMETERS,
).superRefine(checkDynamicDriverGroups);
export type DynamicDriver = z.infer<typeof dynamicDriverSchema>;

/** The parameters that set a driver's first breakup frequency. */
export type DiaphragmFields = Pick<
  DriverFields,
  "diaphragmMaterial" | "diaphragmDiameter" | "diaphragmThickness" | "coatingThickness"
> & { readonly domeStiffening?: number | undefined };

/**
 * First breakup frequency (Hz) of a driver's diaphragm: the clamped-plate mode of its laminate times
 * the dome stiffening (docs/physics.md §5; see transducers/diaphragm.ts); undefined without a breakup model.
 */
export function firstBreakupFrequencyHz(driver: DiaphragmFields): number | undefined {
  const { diaphragmMaterial, diaphragmDiameter, diaphragmThickness, domeStiffening } = driver;
  if (
    diaphragmMaterial === undefined ||
    diaphragmDiameter === undefined ||
    diaphragmThickness === undefined ||
    domeStiffening === undefined
  )
    return undefined;
  return diaphragmBreakupHz({
    material: diaphragmMaterial,
    diameterM: diaphragmDiameter,
    thicknessM: diaphragmThickness,
    ...(driver.coatingThickness === undefined
      ? {}
      : { coatingThicknessM: driver.coatingThickness }),
    domeStiffening,
  });
}

/** The series impedances of the voice coil after Re, in order, as parts between two nodes. */
function coilParts(driver: DriverFields, id: string) {
  const parts: ((a: string, b: string) => ElementDefinition[])[] = [];
  if (driver.le > 0) {
    parts.push((a, b) => [
      { id: `${id}/Le`, type: "inductor", nodes: [a, b], inductance: driver.le },
    ]);
  }
  if (driver.r2 !== undefined && driver.l2 !== undefined) {
    const [r2, l2] = [driver.r2, driver.l2];
    parts.push((a, b) => [
      { id: `${id}/R2`, type: "resistor", nodes: [a, b], resistance: r2 },
      { id: `${id}/L2`, type: "inductor", nodes: [a, b], inductance: l2 },
    ]);
  }
  if (driver.semiInductance !== undefined) {
    const coefficient = driver.semiInductance;
    const exponent = driver.semiInductanceExponent ?? 0.5;
    parts.push((a, b) => [
      { id: `${id}/K`, type: "semiInductor", nodes: [a, b], coefficient, exponent },
    ]);
  }
  return parts;
}

/**
 * The first breakup mode as a second mass on the main one. The outer part of the diaphragm (a share
 * μ of Mms, radiating a share σ of Sd) hangs on the inner part through a spring Cb and a dashpot Rb
 * (Kelvin–Voigt): in the impedance analogy [Cb + Rb] in parallel with [μ·Mms + its own 1:(1/(σ·Sd))
 * transformer], in series in the mechanical loop. With the inner part held still the outer one
 * resonates at the breakup frequency fb: Cb = 1/(ωb²·μ·Mms), Rb = η·ωb·μ·Mms (η = 1/Q). Total mass
 * and area are kept, so below fb the two move together and nothing changes. Above the suspension
 * resonance, with the inner mass force-driven, the volume velocity peaks at fb·√(1 + μ/(1 − μ)) and
 * has a zero near fb·√(1 + σ/(1 − σ)) (the outer part moving against the inner one).
 */
export interface BreakupBranch {
  readonly frequencyHz: number;
  readonly mainMass: number;
  readonly modalMass: number;
  readonly mainArea: number;
  readonly modalArea: number;
  readonly couplingCompliance: number;
  readonly couplingResistance: number;
}

export function breakupBranch(driver: DriverFields): BreakupBranch | undefined {
  const frequencyHz = firstBreakupFrequencyHz(driver);
  const { modalMassFraction: mu, modalAreaFraction: sigma, modalLossFactor: eta } = driver;
  if (frequencyHz === undefined || mu === undefined || sigma === undefined || eta === undefined)
    return undefined;
  const omega = 2 * Math.PI * frequencyHz;
  const modalMass = mu * driver.mms;
  return {
    frequencyHz,
    mainMass: driver.mms - modalMass,
    modalMass,
    mainArea: (1 - sigma) * driver.sd,
    modalArea: sigma * driver.sd,
    couplingCompliance: 1 / (omega * omega * modalMass),
    couplingResistance: eta * omega * modalMass,
  };
}

/**
 * Moving-coil driver from its Thiele–Small parameters (docs/physics.md §5):
 *   V = (Re + Z_L(jω))·i + Bl·v,   Bl·i = (jωMms + Rms + 1/(jωCms))·v + Sd·(p_front − p_back),   U = Sd·v,
 * with the coil's inductance Z_L = jωLe [+ R2∥jωL2 (LR-2)] [+ K·(jω)ⁿ (Leach, JAES 50(6), 2002)], each
 * term present when its parameters are. Built from primitives: the coil chain in series, a gyrator
 * (T = Bl) to the mechanical loop Mms–Cms–Rms, and a 1:(1/Sd) transformer to the acoustic port, which
 * pushes U out of `front` and draws it from `back`. Optionally the diaphragm's first breakup mode
 * joins the loop as a modal branch (see `BreakupBranch`), its frequency from the diaphragm's material
 * and size. Derived: fs = 1/(2π√(Mms·Cms)), Qms = ωs·Mms/Rms, Qes = ωs·Mms·Re/Bl².
 * Optional large-signal coefficients (bl1…, kms1…, le1…: Klippel's Bl(x), Kms(x), Le(x), see
 * largeSignal.ts) do not change this expansion: nonlinear/ solves them around it.
 */
export const dynamicDriver: MacroModel<DynamicDriver> = {
  kind: "macro",
  type: "dynamicDriver",
  summary:
    "moving-coil driver from Thiele–Small parameters, optional LR-2 / semi-inductance and diaphragm breakup",
  terminals: ["plus", "minus", "front", "back"],
  terminalDomains: ["electrical", "electrical", "acoustic", "acoustic"],
  parameters: DYNAMIC_DRIVER_PARAMETER_DOCS,
  schema: dynamicDriverSchema,
  motor: () => "Bl",
  expand(driver) {
    const [plus, minus, front, back] = driver.nodes as [string, string, string, string];
    const id = driver.id;
    const inner = (name: string) => `#${id}/${name}`;
    const coil = coilParts(driver, id);
    // The coil chain Re → Le → LR-2 → K ends at the motor node; inner nodes coil, coil2, coil3.
    const chainNodes = [plus, ...coil.map((_, k) => inner(k === 0 ? "coil" : `coil${k + 1}`))];
    chainNodes.push(inner("motor"));
    const parts: ElementDefinition[] = [
      { id: `${id}/Re`, type: "resistor", nodes: [plus, chainNodes[1]!], resistance: driver.re },
    ];
    coil.forEach((part, k) => parts.push(...part(chainNodes[k + 1]!, chainNodes[k + 2]!)));
    const breakup = breakupBranch(driver);
    parts.push(
      {
        id: `${id}/Bl`,
        type: "gyrator",
        nodes: [inner("motor"), minus, inner("force"), "0"],
        transduction: driver.bl,
      },
      {
        id: `${id}/Mms`,
        type: "mass",
        nodes: [inner("force"), inner("m1")],
        mass: breakup?.mainMass ?? driver.mms,
      },
      {
        id: `${id}/Cms`,
        type: "compliance",
        nodes: [inner("m1"), inner("m2")],
        compliance: driver.cms,
      },
    );
    let piston = driver.rms > 0 ? inner("m3") : inner("m2");
    if (driver.rms > 0) {
      parts.push({
        id: `${id}/Rms`,
        type: "mechanicalResistance",
        nodes: [inner("m2"), piston],
        resistance: driver.rms,
      });
    }
    if (breakup !== undefined) {
      const rim = inner("breakup");
      parts.push(
        {
          id: `${id}/Cmode`,
          type: "compliance",
          nodes: [piston, inner("modeSpring")],
          compliance: breakup.couplingCompliance,
        },
        {
          id: `${id}/Rmode`,
          type: "mechanicalResistance",
          nodes: [inner("modeSpring"), rim],
          resistance: breakup.couplingResistance,
        },
        {
          id: `${id}/Mmode`,
          type: "mass",
          nodes: [piston, inner("modeMass")],
          mass: breakup.modalMass,
        },
        {
          id: `${id}/SdMode`,
          type: "transformer",
          nodes: [inner("modeMass"), rim, front, back],
          ratio: 1 / breakup.modalArea,
        },
      );
      piston = rim;
    }
    parts.push({
      id: `${id}/Sd`,
      type: "transformer",
      nodes: [piston, "0", front, back],
      ratio: 1 / (breakup?.mainArea ?? driver.sd),
    });
    return parts;
  },
};
