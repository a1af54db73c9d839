import { BALANCED_ARMATURE_PARTS } from "./balancedArmatures.js";
import { DYNAMIC_DRIVERS } from "./dynamicDrivers.js";
import { ELECTROSTATIC_TWEETERS } from "./electrostaticTweeters.js";
import { KNOWLES_RECEIVERS } from "./knowlesReceivers.js";
import type { Part } from "./part.js";
import { PLANAR_DRIVERS } from "./planarDrivers.js";

/** Every part of the catalogue: the illustrative families, then the real receivers fitted to data. */
export const PARTS: readonly Part[] = [
  ...DYNAMIC_DRIVERS,
  ...BALANCED_ARMATURE_PARTS,
  ...PLANAR_DRIVERS,
  ...ELECTROSTATIC_TWEETERS,
  ...KNOWLES_RECEIVERS,
];

/** The part with this id (`tympan parts` lists them), or undefined. */
export function findPart(id: string): Part | undefined {
  return PARTS.find((part) => part.id === id);
}

/**
 * Where a part's numbers come from, in a word for listings: "fitted" when any was fitted to a
 * datasheet or benchmark; "published" when every one is published or derived from published ones;
 * "partly published" when some are; else "illustrative".
 */
export function partOrigin(
  part: Part,
): "fitted" | "published" | "partly published" | "illustrative" {
  const kinds = Object.values(part.parameters).map((parameter) => parameter.source.kind);
  if (kinds.includes("datasheet")) return "fitted";
  if (kinds.every((kind) => kind === "publication" || kind === "derived")) return "published";
  if (kinds.includes("publication")) return "partly published";
  return "illustrative";
}

/**
 * A part's key figures in one line for listings: for a balanced armature its coil resistance and
 * the unloaded armature resonance √(k_net/m)/2π; for a dynamic driver Re, fs, Qts and Sd (Thiele–
 * Small, docs/physics.md §5); for the other classes their number of parameters.
 */
export function partKeyFigures(part: Part): string {
  const value = (name: string) => part.parameters[name]?.value;
  const format = (x: number) => String(Number(x.toPrecision(3)));
  if (part.elementType === "balancedArmature") {
    const stiffness =
      (value("armatureStiffness") ?? 0) +
      (value("diaphragmStiffness") ?? 0) -
      (value("magneticStiffness") ?? 0);
    const mass = value("movingMass")!;
    const resonanceHz = Math.sqrt(stiffness / mass) / (2 * Math.PI);
    return `Rc ${format(value("coilResistance")!)} Ω, armature resonance ${format(resonanceHz / 1000)} kHz unloaded`;
  }
  if (part.elementType === "dynamicDriver") {
    const [re, bl, mms, cms, rms, sd] = ["re", "bl", "mms", "cms", "rms", "sd"].map(
      value,
    ) as number[];
    const omega = 1 / Math.sqrt(mms! * cms!);
    const qms = (omega * mms!) / rms!;
    const qes = (omega * mms! * re!) / bl! ** 2;
    return `Re ${format(re!)} Ω, fs ${format(omega / (2 * Math.PI))} Hz, Qts ${format((qms * qes) / (qms + qes))}, Sd ${format(sd! * 1e6)} mm²`;
  }
  return `${Object.keys(part.parameters).length} parameters`;
}
