import type { ElementDefinition } from "../../elements/registry.js";
import { NOZZLE_NODE, chamber, damper, fromPart, vent } from "../kit.js";
import { DD_10MM_PET } from "../parts/dynamicDrivers.js";
import { PLANAR_14MM } from "../parts/planarDrivers.js";

/*
 * The shells the reference designs share: where a driver's front and back open, and how the front
 * reaches the nozzle. A shell takes a transducer whose nodes are [plus, minus, front, rear] and
 * names its parts after the transducer's id ("ddFrontChamber"), so several can sit in one design.
 */

/** A dynamic driver's shell: front chamber with a damped front vent, a mesh into the nozzle, a rear
 * chamber with a damped rear vent (Ø1 × 1 mm hole). Sizes in mm³ and mm, ratings in cgs Ω. */
export interface VentedShell {
  readonly frontMm3: number;
  readonly frontVentDiameterMm: number;
  readonly frontVentDamperCgsOhm: number;
  readonly meshCgsOhm: number;
  readonly rearMm3: number;
  readonly rearVentDamperCgsOhm: number;
}

export function ventedShell(driver: ElementDefinition, shell: VentedShell): ElementDefinition[] {
  const [, , front, rear] = driver.nodes as [string, string, string, string];
  const id = driver.id;
  return [
    driver,
    chamber(`${id}FrontChamber`, front, shell.frontMm3),
    damper(`${id}FrontVentDamper`, front, `${id}FrontVentIn`, shell.frontVentDamperCgsOhm),
    vent(`${id}FrontVent`, `${id}FrontVentIn`, shell.frontVentDiameterMm, 1),
    damper(`${id}Mesh`, front, NOZZLE_NODE, shell.meshCgsOhm),
    chamber(`${id}RearChamber`, rear, shell.rearMm3),
    damper(`${id}RearVentDamper`, rear, `${id}RearVentIn`, shell.rearVentDamperCgsOhm),
    vent(`${id}RearVent`, `${id}RearVentIn`, 1, 1),
  ];
}

/** The single-dd shell, tuned for the 10 mm PET driver (see singleDd.ts). */
export const SINGLE_DD_SHELL: VentedShell = {
  frontMm3: 25,
  frontVentDiameterMm: 0.75,
  frontVentDamperCgsOhm: 330,
  meshCgsOhm: 330,
  rearMm3: 100,
  rearVentDamperCgsOhm: 3300,
};

/**
 * The 10 mm dynamic driver "dd" in the single-dd shell, fed from `driveNode`, with its own front
 * mesh rating: the bass section the hybrid designs share.
 */
export function ddBassSection(driveNode: string, meshCgsOhm: number): ElementDefinition[] {
  return ventedShell(fromPart("dd", DD_10MM_PET, [driveNode, "0", "ddFront", "ddRear"]), {
    ...SINGLE_DD_SHELL,
    meshCgsOhm,
  });
}

/**
 * The 14.2 mm planar "planar", fed from `driveNode`: a small front chamber meshed into the nozzle and
 * a 240 mm³ rear chamber relieved by a Ø0.2 × 1 mm pinhole behind a 3300 cgs Ω damper.
 */
export function planarSection(
  driveNode: string,
  frontMm3: number,
  meshCgsOhm: number,
): ElementDefinition[] {
  return [
    fromPart("planar", PLANAR_14MM, [driveNode, "0", "planarFront", "planarRear"]),
    chamber("planarFrontChamber", "planarFront", frontMm3),
    damper("planarMesh", "planarFront", NOZZLE_NODE, meshCgsOhm),
    chamber("planarRearChamber", "planarRear", 240),
    damper("planarReliefDamper", "planarRear", "planarRelief", 3300),
    vent("planarReliefHole", "planarRelief", 0.2, 1),
  ];
}
