import type { z } from "zod";
import type { MacroModel } from "../circuit/elementModel.js";
import { elementSchema, nonNegative, positive } from "../circuit/parameters.js";
import type { ElementDefinition } from "./registry.js";

const dynamicDriverSchema = elementSchema("dynamicDriver", ["plus", "minus", "front", "back"], {
  re: positive("Ω"),
  le: nonNegative("H"),
  bl: positive("T·m"),
  mms: positive("kg"),
  cms: positive("m/N"),
  rms: nonNegative("N·s/m"),
  sd: positive("m²"),
});
export type DynamicDriver = z.infer<typeof dynamicDriverSchema>;

/**
 * Moving-coil driver from its Thiele–Small parameters (PHYSICS.md §5):
 *   V = (Re + jωLe)·i + Bl·v,   Bl·i = (jωMms + Rms + 1/(jωCms))·v + Sd·(p_front − p_back),   U = Sd·v.
 * Built from primitives: Re and Le in series, a gyrator (T = Bl) to the mechanical loop Mms–Cms–Rms,
 * and a 1:(1/Sd) transformer to the acoustic port, which pushes U out of `front` and draws it from
 * `back`. Derived figures: fs = 1/(2π√(Mms·Cms)), Qms = ωs·Mms/Rms, Qes = ωs·Mms·Re/Bl².
 */
export const dynamicDriver: MacroModel<DynamicDriver> = {
  kind: "macro",
  type: "dynamicDriver",
  summary: "moving-coil driver from Thiele–Small parameters (Re, Le, Bl, Mms, Cms, Rms, Sd)",
  terminals: ["plus", "minus", "front", "back"],
  terminalDomains: ["electrical", "electrical", "acoustic", "acoustic"],
  parameters: {
    re: { unit: "Ω", description: "voice-coil DC resistance" },
    le: { unit: "H", description: "voice-coil inductance (0 for none)" },
    bl: { unit: "T·m", description: "force factor" },
    mms: { unit: "kg", description: "moving mass including air load" },
    cms: { unit: "m/N", description: "suspension compliance" },
    rms: { unit: "N·s/m", description: "mechanical losses (0 for none)" },
    sd: { unit: "m²", description: "effective diaphragm area" },
  },
  schema: dynamicDriverSchema,
  motor: () => "Bl",
  expand(driver) {
    const [plus, minus, front, back] = driver.nodes as [string, string, string, string];
    const id = driver.id;
    const inner = (name: string) => `#${id}/${name}`;
    const parts: ElementDefinition[] = [];
    const coil = driver.le > 0 ? inner("coil") : inner("motor");
    parts.push({ id: `${id}/Re`, type: "resistor", nodes: [plus, coil], resistance: driver.re });
    if (driver.le > 0) {
      parts.push({
        id: `${id}/Le`,
        type: "inductor",
        nodes: [coil, inner("motor")],
        inductance: driver.le,
      });
    }
    parts.push(
      {
        id: `${id}/Bl`,
        type: "gyrator",
        nodes: [inner("motor"), minus, inner("force"), "0"],
        transduction: driver.bl,
      },
      { id: `${id}/Mms`, type: "mass", nodes: [inner("force"), inner("m1")], mass: driver.mms },
      {
        id: `${id}/Cms`,
        type: "compliance",
        nodes: [inner("m1"), inner("m2")],
        compliance: driver.cms,
      },
    );
    const piston = driver.rms > 0 ? inner("m3") : inner("m2");
    if (driver.rms > 0) {
      parts.push({
        id: `${id}/Rms`,
        type: "mechanicalResistance",
        nodes: [inner("m2"), piston],
        resistance: driver.rms,
      });
    }
    parts.push({
      id: `${id}/Sd`,
      type: "transformer",
      nodes: [piston, "0", front, back],
      ratio: 1 / driver.sd,
    });
    return parts;
  },
};
