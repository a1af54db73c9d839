import { STANDARD_AIR, bulkModulusPa } from "../../src/core/air.js";
import { type Design, validateDesign } from "../../src/design/design.js";
import { MICROSPEAKER } from "../../src/catalogue/parts/microspeaker.js";

/**
 * Designs the nonlinear tests share: the MathWorks microspeaker (docs/physics.md §5) in a sealed
 * 20 cm³ front volume, back open, with illustrative large-signal curves sized for its ≈0.1 mm
 * excursion at 1 V: Bl falls to 82 % near 0.3 mm (bl2 = −0.18·Bl/(0.3 mm)²) and leans one way
 * (bl1), the suspension stiffens both ways and more one way (kms1, kms2), and Le falls as the coil
 * leaves the gap (le1, le2).
 */
export const BOX_VOLUME_M3 = 20e-6;
export const BOX_COMPLIANCE_M3_PA = BOX_VOLUME_M3 / bulkModulusPa(STANDARD_AIR);

export const TEST_CURVES = {
  bl1: -240,
  bl2: -1.44e6,
  kms1: 2.7e4,
  kms2: 2.2e8,
  le1: -0.093,
  le2: -100,
} as const;

export function closedBoxDesign(curves: Record<string, number> = TEST_CURVES): Design {
  const validated = validateDesign({
    tympan: 1,
    name: "microspeaker in a sealed 20 cm³ volume",
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      {
        id: "d",
        type: "dynamicDriver",
        nodes: ["in", "0", "front", "0"],
        ...MICROSPEAKER,
        ...curves,
      },
      {
        id: "box",
        type: "acousticCompliance",
        nodes: ["front", "0"],
        compliance: BOX_COMPLIANCE_M3_PA,
      },
    ],
    probes: [{ id: "front", node: "front" }],
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return validated.value;
}
