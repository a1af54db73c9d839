import { z } from "zod";
import { TUBE_MODELS, sharedTubeAbcd } from "./index.js";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema, positive } from "../../network/parameters.js";

const tubeSchema = elementSchema("tube", ["a", "b"], {
  radius: positive("m"),
  length: positive("m"),
  model: z
    .enum(TUBE_MODELS as unknown as ["exact", "foster", "lossless"], {
      error: `must be one of ${TUBE_MODELS.map((name) => `"${name}"`).join(", ")}`,
    })
    .optional(),
});
export type Tube = z.infer<typeof tubeSchema>;

/**
 * A rigid circular tube (sound bore, nozzle, ear canal) as a two-port between nodes a and b, both
 * referenced to ambient pressure, stamped from its ABCD matrix (docs/physics.md §3):
 *   p_a = A·p_b + B·U_b,  U_a = C·p_b + D·U_b,
 * with U_a flowing in at a and U_b flowing out at b. One branch unknown (U_b) keeps the stamp finite
 * even where B = 0 (a lossless tube at a half-wave resonance).
 */
export const tube: PrimitiveModel<Tube> = {
  kind: "primitive",
  type: "tube",
  summary:
    'rigid round tube (two-port); model "exact" (default, Zwikker–Kosten), "foster" or "lossless"',
  terminals: ["a", "b"],
  parameters: {
    radius: { unit: "m", description: "inner radius (Ø1.5 mm tubing: 0.75e-3)" },
    length: { unit: "m", description: "length" },
    model: { unit: "", description: 'loss model: "exact" (default), "foster" or "lossless"' },
  },
  schema: tubeSchema,
  ports: [{ terminals: [0, 1], domain: "acoustic", grounded: true }],
  realize(element, context) {
    const model = element.model ?? "exact";
    const { radius, length } = element;
    // Tubes alike in model, radius, length and air share one evaluation per frequency.
    const abcdAt = sharedTubeAbcd(model, radius, length, context.air);
    const a = context.node(0);
    const b = context.node(1);
    const branch = context.branch();
    const slotAB = context.entry(a, b);
    const slotABranch = context.entry(a, branch);
    const slotBBranch = context.entry(b, branch);
    const slotBranchA = context.entry(branch, a);
    const slotBranchB = context.entry(branch, b);
    const slotBranchBranch = context.entry(branch, branch);
    return {
      stamp(omega, matrixRe, matrixIm) {
        const abcd = abcdAt(omega);
        // Row a (flow leaving a into the tube): C·p_b + D·U_b.
        if (slotAB >= 0) {
          matrixRe[slotAB] = matrixRe[slotAB]! + abcd[4]!;
          matrixIm[slotAB] = matrixIm[slotAB]! + abcd[5]!;
        }
        if (slotABranch >= 0) {
          matrixRe[slotABranch] = matrixRe[slotABranch]! + abcd[6]!;
          matrixIm[slotABranch] = matrixIm[slotABranch]! + abcd[7]!;
        }
        // Row b (flow leaving b into the tube): −U_b.
        if (slotBBranch >= 0) matrixRe[slotBBranch] = matrixRe[slotBBranch]! - 1;
        // Branch row: p_a − A·p_b − B·U_b = 0.
        if (slotBranchA >= 0) matrixRe[slotBranchA] = matrixRe[slotBranchA]! + 1;
        if (slotBranchB >= 0) {
          matrixRe[slotBranchB] = matrixRe[slotBranchB]! - abcd[0]!;
          matrixIm[slotBranchB] = matrixIm[slotBranchB]! - abcd[1]!;
        }
        matrixRe[slotBranchBranch] = matrixRe[slotBranchBranch]! - abcd[2]!;
        matrixIm[slotBranchBranch] = matrixIm[slotBranchBranch]! - abcd[3]!;
      },
    };
  },
};
