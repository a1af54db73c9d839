import { z } from "zod";
import type { MacroModel } from "../../network/elementModel.js";
import type { ElementDefinition } from "../registry.js";
import { elementSchema } from "../../network/parameters.js";
import { COUPLER_2CC_VOLUME_M3, EAR711 } from "./ear711Parameters.js";

const ear711Schema = elementSchema("ear711", ["entrance", "drum"], {
  damped: z.boolean({ error: "must be true or false" }).optional(),
});
export type Ear711 = z.infer<typeof ear711Schema>;

/** IEC 60318-4 occluded-ear simulator (lumped analog); probe its `drum` node for the SPL at the drum. */
export const ear711: MacroModel<Ear711> = {
  kind: "macro",
  type: "ear711",
  summary:
    "IEC 60318-4 (711) occluded-ear simulator, lumped; valid 100 Hz–10 kHz; damped? adds R1/R3/R5",
  terminals: ["entrance", "drum"],
  terminalDomains: ["acoustic", "acoustic"],
  parameters: {
    damped: { unit: "", description: "add the optional series damping R1, R3, R5 (default false)" },
  },
  schema: ear711Schema,
  expand(element) {
    const [entrance, drum] = element.nodes as [string, string];
    const id = element.id;
    const inner = (name: string) => `#${id}/${name}`;
    const { inertance: L, compliance: C, resistance: R, extraDamping } = EAR711;
    const parts: ElementDefinition[] = [];
    const series = (name: "L1" | "L3" | "L5", damping: number, from: string, to: string) => {
      if (element.damped) {
        const middle = inner(`${name}r`);
        parts.push({
          id: `${id}/R${name[1]}`,
          type: "acousticResistance",
          nodes: [from, middle],
          resistance: damping,
        });
        from = middle;
      }
      parts.push({
        id: `${id}/${name}`,
        type: "acousticMass",
        nodes: [from, to],
        inertance: L[name],
      });
    };
    const n1 = inner("n1");
    const n3 = inner("n3");
    series("L1", extraDamping.R1, entrance, n1);
    parts.push({ id: `${id}/C1`, type: "acousticCompliance", nodes: [n1, "0"], compliance: C.C1 });
    parts.push(
      { id: `${id}/R2`, type: "acousticResistance", nodes: [n1, inner("b2a")], resistance: R.R2 },
      {
        id: `${id}/L2`,
        type: "acousticMass",
        nodes: [inner("b2a"), inner("b2b")],
        inertance: L.L2,
      },
      { id: `${id}/C2`, type: "acousticCompliance", nodes: [inner("b2b"), "0"], compliance: C.C2 },
    );
    series("L3", extraDamping.R3, n1, n3);
    parts.push({ id: `${id}/C3`, type: "acousticCompliance", nodes: [n3, "0"], compliance: C.C3 });
    parts.push(
      { id: `${id}/R4`, type: "acousticResistance", nodes: [n3, inner("b4a")], resistance: R.R4 },
      {
        id: `${id}/L4`,
        type: "acousticMass",
        nodes: [inner("b4a"), inner("b4b")],
        inertance: L.L4,
      },
      { id: `${id}/C4`, type: "acousticCompliance", nodes: [inner("b4b"), "0"], compliance: C.C4 },
    );
    series("L5", extraDamping.R5, n3, drum);
    parts.push({
      id: `${id}/C5`,
      type: "acousticCompliance",
      nodes: [drum, "0"],
      compliance: C.C5,
    });
    return parts;
  },
};

const coupler2ccSchema = elementSchema("coupler2cc", ["entrance"], {});
export type Coupler2cc = z.infer<typeof coupler2ccSchema>;

/** IEC 60318-5 2 cc coupler: a 2 cm³ rigid cavity at its entrance node. */
export const coupler2cc: MacroModel<Coupler2cc> = {
  kind: "macro",
  type: "coupler2cc",
  summary: "IEC 60318-5 2 cc coupler (a 2 cm³ cavity); probe its entrance node",
  terminals: ["entrance"],
  terminalDomains: ["acoustic"],
  parameters: {},
  schema: coupler2ccSchema,
  expand: (element): ElementDefinition[] => [
    {
      id: `${element.id}/volume`,
      type: "acousticVolume",
      nodes: [element.nodes[0]!, "0"],
      volume: COUPLER_2CC_VOLUME_M3,
    },
  ],
};
