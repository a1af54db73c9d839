import type { z } from "zod";
import { perforatedPlateImpedanceAt } from "./perforatedPlateImpedance.js";
import type { PrimitiveModel } from "../../network/elementModel.js";
import { elementSchema, positive } from "../../network/parameters.js";
import { admittanceStamp, twoTerminalPort } from "../../network/stamps.js";

const perforatedPlateSchema = elementSchema("perforatedPlate", ["a", "b"], {
  holeDiameter: positive("m"),
  thickness: positive("m"),
  porosity: positive("").lt(1, {
    error: "must be below 1: porosity is the open fraction of the plate's area (0.1 for 10 %)",
  }),
  area: positive("m²"),
});
export type PerforatedPlateElement = z.infer<typeof perforatedPlateSchema>;

/**
 * A perforated plate between two acoustic nodes: Maa's micro-perforated plate impedance
 * Z = ρc·(r + jωm)/A (Maa, JASA 104:2861, 1998; docs/physics.md §2; see acoustics/perforatedPlate.ts),
 * a frequency-dependent series R + jX that carries the flow from `a` to `b`. For nozzle grilles,
 * meshes and the magnet/stator plates of planar and electrostatic drivers.
 */
export const perforatedPlate: PrimitiveModel<PerforatedPlateElement> = {
  kind: "primitive",
  type: "perforatedPlate",
  summary: "micro-perforated plate or grille (Maa 1998): hole diameter, thickness, porosity, area",
  terminals: ["a", "b"],
  parameters: {
    holeDiameter: { unit: "m", description: "diameter d of each hole" },
    thickness: { unit: "m", description: "plate thickness t (the holes' length)" },
    porosity: { unit: "", description: "open-area fraction σ, 0 < σ < 1" },
    area: { unit: "m²", description: "plate area A the flow crosses" },
  },
  schema: perforatedPlateSchema,
  ports: twoTerminalPort("acoustic"),
  realize(element, context) {
    const impedanceAt = perforatedPlateImpedanceAt(
      {
        holeDiameterM: element.holeDiameter,
        thicknessM: element.thickness,
        porosity: element.porosity,
        areaM2: element.area,
      },
      context.air,
    );
    const z = new Float64Array(2);
    return admittanceStamp(context, (omega, out) => {
      impedanceAt(omega, z);
      const resistance = z[0]!;
      const reactance = z[1]!;
      const magnitudeSquared = resistance * resistance + reactance * reactance;
      out[0] = resistance / magnitudeSquared;
      out[1] = -reactance / magnitudeSquared;
    });
  },
};
