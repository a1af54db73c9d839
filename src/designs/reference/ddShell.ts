import { DD_10MM_PET } from "../parts/dynamicDrivers.js";
import type { ElementDefinition } from "../../elements/registry.js";
import { NOZZLE_NODE, chamber, damper, fromPart, vent } from "../kit.js";

/**
 * The 10 mm dynamic driver in the single-dd shell (front chamber 25 mm³ with its damped front vent,
 * rear chamber 100 mm³ with its damped vent), its front meshed into the nozzle: the bass section the
 * hybrid designs share. `mesh` is the front mesh's rating in cgs Ω; `driveNode` the coil's feed.
 */
export function ddBassSection(driveNode: string, meshCgsOhm: number): ElementDefinition[] {
  return [
    fromPart("dd", DD_10MM_PET, [driveNode, "0", "ddFront", "ddRear"]),
    chamber("ddFrontChamber", "ddFront", 25),
    damper("ddFrontVentDamper", "ddFront", "ddFrontVentIn", 330),
    vent("ddFrontVent", "ddFrontVentIn", 0.75, 1),
    damper("ddMesh", "ddFront", NOZZLE_NODE, meshCgsOhm),
    chamber("ddRearChamber", "ddRear", 100),
    damper("ddRearVentDamper", "ddRear", "ddRearVentIn", 3300),
    vent("ddRearVent", "ddRearVentIn", 1, 1),
  ];
}
