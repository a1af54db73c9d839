import type { ReferenceDesign } from "./reference/referenceDesign.js";
import { ddPlanar } from "./reference/ddPlanar.js";
import { dualOpposedDd } from "./reference/dualOpposedDd.js";
import { hybrid1dd2ba } from "./reference/hybrid1dd2ba.js";
import { hybrid1dd7ba } from "./reference/hybrid1dd7ba.js";
import { planar } from "./reference/planar.js";
import { quadBa } from "./reference/quadBa.js";
import { singleBa } from "./reference/singleBa.js";
import { singleDd } from "./reference/singleDd.js";
import { tribrid1dd4ba2est } from "./reference/tribrid1dd4ba2est.js";
import { twoWayKnowles } from "./reference/twoWayKnowles.js";

export type { ReferenceDesign };

/** Every reference design, in the order the buyer's guides introduce them; then designs of real parts. */
export const REFERENCE_DESIGNS: readonly ReferenceDesign[] = [
  singleDd,
  singleBa,
  quadBa,
  hybrid1dd2ba,
  tribrid1dd4ba2est,
  planar,
  ddPlanar,
  dualOpposedDd,
  hybrid1dd7ba,
  twoWayKnowles,
];

/** The built-in reference design of that name (see REFERENCE_DESIGNS), or undefined. */
export function referenceDesign(name: string): ReferenceDesign | undefined {
  return REFERENCE_DESIGNS.find((entry) => entry.name === name);
}
