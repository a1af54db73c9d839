import { describe, expect, it } from "vitest";
import type { Design } from "../design/design.js";
import type { ElementDefinition } from "../elements/registry.js";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { simulate } from "../simulate/simulate.js";
import { outputImpedanceDamping } from "./outputImpedanceDamping.js";
import { loadFromDesign } from "./sourceLoad.js";

/** The design with a resistor inserted between its source and the rest of the circuit. */
function withSeriesResistor(design: Design, ohm: number): Design {
  return {
    ...design,
    elements: [
      ...design.elements.map((element) =>
        element.type === "voltageSource"
          ? ({ ...element, nodes: ["amp", element.nodes[1]] } as ElementDefinition)
          : element,
      ),
      { id: "Rout", type: "resistor", nodes: ["amp", "in"], resistance: ohm } as ElementDefinition,
    ],
  };
}

describe("outputImpedanceDamping", () => {
  const frequencies = [20, 50, 100, 300, 1000, 2000, 3000, 5000, 8000, 12000, 20000];

  it.each(["quad-ba", "hybrid-1dd-7ba", "planar"])(
    "equals a full simulation of %s with a 10 Ω resistor in series (to 1e-6 dB)",
    (name) => {
      const design = referenceDesign(name)!.design;
      const damping = outputImpedanceDamping(loadFromDesign(design, name, { frequencies }), 10);
      const plain = simulate(design, { frequencies }).probes.drum!.db;
      const loaded = simulate(withSeriesResistor(design, 10), { frequencies }).probes.drum!.db;
      frequencies.forEach((_, i) => {
        expect(Math.abs(loaded[i]! - plain[i]! - damping.changeDb[i]!)).toBeLessThan(1e-6);
      });
    },
  );

  it("is a volume change only on a resistive load: spread 0, level 20·log10(32/42)", () => {
    const design = referenceDesign("planar")!.design;
    const load = loadFromDesign(design, "planar", { frequencies });
    const flat = {
      ...load,
      impedanceRe: load.impedanceRe.map(() => 32),
      impedanceIm: load.impedanceIm.map(() => 0),
    };
    const damping = outputImpedanceDamping(flat, 10);
    expect(damping.spreadDb).toBe(0);
    expect(damping.changeAt1kHzDb).toBeCloseTo(20 * Math.log10(32 / 42), 12);
  });

  it("loses least where the impedance is highest", () => {
    const design = referenceDesign("single-ba")!.design;
    const load = loadFromDesign(design, "single-ba", { frequencies });
    const damping = outputImpedanceDamping(load, 10);
    const magnitude = load.impedanceRe.map((re, i) => Math.hypot(re, load.impedanceIm[i]!));
    expect(damping.leastLossAtHz).toBe(frequencies[magnitude.indexOf(Math.max(...magnitude))]);
    expect(damping.mostLossAtHz).toBe(frequencies[magnitude.indexOf(Math.min(...magnitude))]);
  });
});
