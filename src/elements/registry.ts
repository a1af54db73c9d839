import type { z } from "zod";
import type { ElementModel } from "../network/elementModel.js";
import {
  acousticCompliance,
  acousticMass,
  acousticResistance,
  acousticVolume,
  damper,
  duct,
  pressureSource,
  volumeVelocitySource,
} from "./lumped/acoustic.js";
import { gyrator, transformer } from "./couplings/couplings.js";
import { balancedArmature } from "./drivers/balancedArmature.js";
import { dynamicDriver } from "./drivers/dynamicDriver.js";
import { electrostaticTweeter } from "./drivers/electrostaticTweeter.js";
import { opposedDynamicDrivers } from "./drivers/opposedDrivers.js";
import {
  capacitor,
  currentSource,
  inductor,
  resistor,
  voltageSource,
} from "./lumped/electrical.js";
import { coupler2cc, ear711 } from "./loads/earLoads.js";
import { compliance, mass, mechanicalResistance } from "./lumped/mechanical.js";
import { measuredReceiver } from "./drivers/measuredReceiver.js";
import { perforatedPlate } from "./ducts/perforatedPlate.js";
import { planarDriver } from "./drivers/planarDriver.js";
import { semiInductor } from "./lumped/semiInductor.js";
import { tube } from "./tube/tubeElement.js";

/** Every element type Tympan knows, keyed by its `type`. */
export const ELEMENT_MODELS = {
  resistor,
  capacitor,
  inductor,
  semiInductor,
  voltageSource,
  currentSource,
  mass,
  compliance,
  mechanicalResistance,
  acousticResistance,
  damper,
  acousticMass,
  acousticCompliance,
  acousticVolume,
  duct,
  perforatedPlate,
  tube,
  pressureSource,
  volumeVelocitySource,
  gyrator,
  transformer,
  ear711,
  coupler2cc,
  dynamicDriver,
  opposedDynamicDrivers,
  balancedArmature,
  planarDriver,
  electrostaticTweeter,
  measuredReceiver,
} as const;

export type ElementType = keyof typeof ELEMENT_MODELS;

/** The definition of an element of type K, as written in a design file. */
export type DefinitionOf<K extends ElementType> = z.infer<(typeof ELEMENT_MODELS)[K]["schema"]>;

/** Any element definition: a union discriminated by `type`. */
export type ElementDefinition = { [K in ElementType]: DefinitionOf<K> }[ElementType];

// Every model must describe definitions of its own type: a model under the wrong key fails here.
type ModelsMatchKeys = { [K in ElementType]: ElementModel<DefinitionOf<K> & { type: K }> };
const modelsMatchKeys: ModelsMatchKeys = ELEMENT_MODELS;
void modelsMatchKeys;

/** Every element type a design may use, in the order `tympan elements` lists them. */
export const ELEMENT_TYPES = Object.keys(ELEMENT_MODELS) as ElementType[];

export function isElementType(type: unknown): type is ElementType {
  return typeof type === "string" && Object.hasOwn(ELEMENT_MODELS, type);
}

/** The model of a type, typed loosely for generic code (validation, expansion, stamping). */
export function modelOf(type: ElementType): ElementModel<ElementDefinition> {
  return ELEMENT_MODELS[type] as unknown as ElementModel<ElementDefinition>;
}
