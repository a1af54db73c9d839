import { describe, expect, it } from "vitest";
import type { Design } from "../../index.js";
import {
  elementRows,
  nameParts,
  nearbyValues,
  parameterRows,
  purchasableValues,
  sliderRange,
  sliderValue,
} from "./parameterRows.js";

const docs = {
  capacitor: { capacitance: { unit: "F", description: "capacitance" } },
  voltageSource: { voltage: { unit: "V rms", description: "open-circuit voltage" } },
};
const design = {
  tympan: 1,
  name: "t",
  elements: [
    { id: "src", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
    { id: "C1", type: "capacitor", nodes: ["in", "a"], capacitance: 6.8e-7 },
  ],
  probes: [],
} as unknown as Design;

describe("parameterRows", () => {
  it("lists each numeric parameter with its unit and the accessible name '<id> <parameter>'", () => {
    const rows = parameterRows(design, docs);
    expect(rows.map((r) => r.elementId)).toEqual(["src", "C1"]);
    const [capacitance] = rows[1]!.rows;
    expect(capacitance).toMatchObject({
      accessibleName: "C1 capacitance",
      siUnit: "F",
      value: 6.8e-7,
      unit: { label: "µF" },
    });
  });

  it("keeps a unit already chosen for a field", () => {
    const chosen = new Map([["C1 capacitance", { label: "nF", factor: 1e-9 }]]);
    expect(elementRows(design.elements[1]!, docs, chosen).rows[0]!.unit.label).toBe("nF");
  });

  it("leaves out ids, types, nodes and non-numeric fields", () => {
    const element = { id: "d", type: "dynamicDriver", nodes: [], diaphragmMaterial: "PET", re: 31 };
    const rows = elementRows(element as unknown as Design["elements"][number], {});
    expect(rows.rows.map((r) => r.parameter)).toEqual(["re"]);
  });
});

describe("purchasable values and sliders", () => {
  it("offers the preferred values within a decade either side", () => {
    expect(nearbyValues([1, 2.2, 10, 22, 100, 220], 22)).toEqual([2.2, 10, 22, 100, 220]);
    expect(nearbyValues([1, 2], -1)).toEqual([]);
  });

  it("offers E12 for crossover parts, the stock ratings for dampers, nothing for the rest", () => {
    const lists = { preferredValues: [1, 1.2], stockDamperRatings: [680, 1000] };
    expect(purchasableValues("resistor", "resistance", lists)).toEqual([1, 1.2]);
    expect(purchasableValues("capacitor", "capacitance", lists)).toEqual([1, 1.2]);
    expect(purchasableValues("damper", "ratingCgsOhm", lists)).toEqual([680, 1000]);
    expect(purchasableValues("tube", "lengthM", lists)).toEqual([]);
  });

  it("a slider spans two decades around its anchor and gives 3 significant digits", () => {
    expect(sliderRange(100)).toEqual({ min: 1, max: 3, step: 0.005 });
    expect(sliderValue(Math.log10(2.2345))).toBe(2.23);
  });
});

describe("nameParts (where a long parameter name may wrap)", () => {
  it("splits camelCase at its words and keeps the whole name when joined", () => {
    expect(nameParts("semiInductanceExponent")).toEqual(["semi", "Inductance", "Exponent"]);
    expect(nameParts("magneticStiffness2")).toEqual(["magnetic", "Stiffness2"]);
    expect(nameParts("volume")).toEqual(["volume"]);
    expect(nameParts("mechanicalResistance").join("")).toBe("mechanicalResistance");
  });
});
