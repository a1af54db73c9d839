import { z } from "zod";
import type { MacroModel } from "../../network/elementModel.js";
import { elementSchema } from "../../network/parameters.js";
import {
  DYNAMIC_DRIVER_PARAMETERS,
  DYNAMIC_DRIVER_PARAMETER_DOCS,
  checkDynamicDriverGroups,
} from "./dynamicDriver.js";
import type { ElementDefinition } from "../registry.js";
import { mirroredLargeSignal } from "./largeSignal.js";

export const OPPOSED_WIRINGS = ["parallel", "series"] as const;
export const OPPOSED_ORIENTATIONS = ["aligned", "reversed"] as const;

const opposedDynamicDriversSchema = elementSchema(
  "opposedDynamicDrivers",
  ["plus", "minus", "front", "back"],
  {
    ...DYNAMIC_DRIVER_PARAMETERS,
    wiring: z.enum(OPPOSED_WIRINGS, {
      error: `must be one of ${OPPOSED_WIRINGS.map((name) => `"${name}"`).join(", ")}`,
    }),
    orientation: z
      .enum(OPPOSED_ORIENTATIONS, {
        error: `must be one of ${OPPOSED_ORIENTATIONS.map((name) => `"${name}"`).join(", ")}`,
      })
      .optional(),
  },
).superRefine(checkDynamicDriverGroups);
export type OpposedDynamicDrivers = z.infer<typeof opposedDynamicDriversSchema>;

/**
 * Two identical moving-coil drivers mounted opposed (push-push, "horizontally opposed"): mirror
 * images facing each other, so both push into the same front volume and draw from the same back
 * volume. It expands into two `dynamicDriver` elements, <id>/A and <id>/B, wired in parallel or in
 * series across plus/minus.
 *
 * In the linear model the pair is exactly one driver of twice the area and twice the force. With
 * identical drivers both move alike (v), and with the per-driver equations of docs/physics.md §5:
 *  - parallel: V = Z_e·(i/2) + Bl·v and Bl·i = 2·Z_m·v + 2·Sd·Δp, U = 2·Sd·v: one driver with
 *    Re/2, Z_L/2 (Le/2, R2/2, L2/2, K/2), Bl, 2·Mms, Cms/2, 2·Rms, 2·Sd;
 *  - series: V = 2·Z_e·i + 2·Bl·v and 2·Bl·i = 2·Z_m·v + 2·Sd·Δp: one driver with 2·Re, 2·Z_L,
 *    2·Bl, 2·Mms, Cms/2, 2·Rms, 2·Sd.
 * (fs, Qms and Qes are those of one driver; a breakup branch scales along, at the same frequency.)
 * The arrangement's benefit is a large-signal one: mirrored, the asymmetric parts of Bl(x) and
 * Kms(x) of the two drivers act with opposite signs and their even-order distortion cancels
 * (Klippel, JAES 54:907, 2006; docs/physics.md §5). With `orientation: "reversed"` driver B's motor and
 * suspension are mounted the other way round, so its large-signal curves are mirrored (x → −x, odd
 * coefficients change sign, see largeSignal.ts); "aligned" (the default) mounts both alike. The
 * linear network is the same either way; nonlinear/ computes the difference.
 *
 * The pair declares no motor of its own: per-driver contributions find the two halves' motors
 * (A/Bl and B/Bl) inside it and report their sum as the pair's share.
 */
export const opposedDynamicDrivers: MacroModel<OpposedDynamicDrivers> = {
  kind: "macro",
  type: "opposedDynamicDrivers",
  summary: "two identical moving-coil drivers mounted opposed (push-push), parallel or series",
  terminals: ["plus", "minus", "front", "back"],
  terminalDomains: ["electrical", "electrical", "acoustic", "acoustic"],
  parameters: {
    ...DYNAMIC_DRIVER_PARAMETER_DOCS,
    wiring: {
      unit: "",
      description: 'electrical connection of the two coils: "parallel" or "series"',
    },
    orientation: {
      unit: "",
      description:
        'large signal: "reversed" mounts driver B\'s motor the other way round (its Bl(x), Kms(x), Le(x) mirrored); default "aligned"',
    },
  },
  schema: opposedDynamicDriversSchema,
  expand(pair) {
    const { id, type, nodes, wiring, orientation, ...parameters } = pair;
    void type;
    const second =
      orientation === "reversed"
        ? { ...parameters, ...mirroredLargeSignal(parameters) }
        : parameters;
    const [plus, minus, front, back] = nodes as [string, string, string, string];
    const middle = wiring === "series" ? `#${id}/between` : minus;
    const secondPlus = wiring === "series" ? middle : plus;
    const halves: ElementDefinition[] = [
      { ...parameters, id: `${id}/A`, type: "dynamicDriver", nodes: [plus, middle, front, back] },
      {
        ...second,
        id: `${id}/B`,
        type: "dynamicDriver",
        nodes: [secondPlus, minus, front, back],
      },
    ];
    return halves;
  },
};
