import type { z } from "zod";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema, positive } from "../../network/parameters.js";
import { admittanceStamp, twoTerminalPort } from "../../network/stamps.js";

const semiInductorSchema = elementSchema("semiInductor", ["a", "b"], {
  coefficient: positive("Ω/(rad/s)ⁿ"),
  exponent: positive("").max(1, { error: "must be ≤ 1 (1 is a plain inductor, 0.5 Vanderkooy's)" }),
});
export type SemiInductor = z.infer<typeof semiInductorSchema>;

/**
 * The lossy voice-coil or armature-coil inductance of eddy currents in the iron (Leach, JAES 50(6),
 * 2002; docs/physics.md §5–6): Z = K·(jω)ⁿ = K·ωⁿ·(cos(nπ/2) + j·sin(nπ/2)). n = 0.5 is Vanderkooy's
 * semi-inductor, whose resistance and reactance grow alike with √ω; n = 1 is a plain inductance K.
 */
export const semiInductor: PrimitiveModel<SemiInductor> = {
  kind: "primitive",
  type: "semiInductor",
  summary: "lossy (semi-)inductance Z = K·(jω)ⁿ of eddy currents in a coil's iron (Leach 2002)",
  terminals: ["a", "b"],
  parameters: {
    coefficient: { unit: "Ω/(rad/s)ⁿ", description: "K: |Z| = K·ωⁿ (for n = 0.5: Ω/√(rad/s))" },
    exponent: { unit: "", description: "n, between 0 and 1 (0.5 for a semi-inductor)" },
  },
  schema: semiInductorSchema,
  ports: twoTerminalPort("electrical"),
  realize(element, context) {
    const { coefficient, exponent } = element;
    const cos = Math.cos((exponent * Math.PI) / 2);
    const sin = Math.sin((exponent * Math.PI) / 2);
    return admittanceStamp(context, (omega, out) => {
      // Y = 1/Z = (cos − j·sin)/(K·ωⁿ)
      const magnitude = 1 / (coefficient * Math.pow(omega, exponent));
      out[0] = magnitude * cos;
      out[1] = -magnitude * sin;
    });
  },
};
