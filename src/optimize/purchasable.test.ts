import { describe, expect, it } from "vitest";
import { STOCK_DAMPER_RATINGS } from "../catalogue/stock/stockParts.js";
import { defaultBounds, parameterKind } from "./parameterKinds.js";
import { purchasableNeighbours, purchasableSteps, snapToPurchasable } from "./purchasable.js";

describe("purchasableNeighbours(kind, value)", () => {
  it("brackets a resistance on E24 and a capacitance on E12", () => {
    expect(purchasableNeighbours("resistance", 79.96)).toEqual([75, 82]);
    expect(purchasableNeighbours("capacitance", 4.21e-7)).toEqual([3.9e-7, 4.7e-7]);
    expect(purchasableNeighbours("inductance", 1e-3)).toEqual([1e-3]);
  });

  it("brackets dampers on the stock list and lengths on 0.5 mm, giving one value when on it", () => {
    expect(purchasableNeighbours("damper", 9962)).toEqual([8200, 10_000]);
    expect(purchasableNeighbours("damper", 1500)).toEqual([1500]);
    expect(purchasableNeighbours("tubeLength", 1.66e-3)).toEqual([1.5e-3, 2e-3]);
    expect(purchasableNeighbours("tubeLength", 3.5e-3)).toEqual([3.5e-3]);
    expect(purchasableNeighbours("tubeLength", 0.1e-3)).toEqual([0.5e-3]);
    expect(purchasableNeighbours("tubeRadius", 0.7e-3)).toEqual([0.675e-3, 0.75e-3]);
    expect(purchasableNeighbours("continuous", 3)).toEqual([]);
  });
});

describe("snapToPurchasable(kind, value)", () => {
  it("takes the nearest in ratio, and leaves continuous values alone", () => {
    expect(snapToPurchasable("resistance", 79.96)).toBe(82);
    expect(snapToPurchasable("capacitance", 1.6054e-7)).toBe(1.5e-7);
    expect(snapToPurchasable("damper", 9962)).toBe(10_000);
    expect(snapToPurchasable("tubeLength", 1.66e-3)).toBe(1.5e-3);
    expect(snapToPurchasable("continuous", Math.PI)).toBe(Math.PI);
  });

  it("gives only values on their series, over many decades", () => {
    const e24 = [
      1, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2, 2.2, 2.4, 2.7, 3, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1,
    ];
    const mantissa = (value: number) =>
      Number((value / 10 ** Math.floor(Math.log10(value) + 1e-12)).toPrecision(6));
    for (let value = 0.13; value < 2e5; value *= 1.37) {
      const snapped = snapToPurchasable("resistance", value);
      expect([...e24, 5.6, 6.2, 6.8, 7.5, 8.2, 9.1]).toContain(mantissa(snapped));
      expect(Math.abs(Math.log(snapped / value))).toBeLessThan(Math.log(1.1));
      const damper = snapToPurchasable("damper", Math.min(2e4, Math.max(100, value)));
      expect(STOCK_DAMPER_RATINGS.valuesCgsOhm).toContain(damper);
    }
  });
});

describe("purchasableSteps(kind, value)", () => {
  it("gives the series' next value below and above", () => {
    expect(purchasableSteps("resistance", 82)).toEqual([75, 91]);
    expect(purchasableSteps("tubeLength", 1e-3)).toEqual([0.5e-3, 1.5e-3]);
    expect(purchasableSteps("damper", 100)).toEqual([120]);
  });
});

describe("parameterKind and defaultBounds", () => {
  it("knows crossover parts, dampers and tubes, and bounds contain the value", () => {
    expect(parameterKind("resistor", "resistance")).toBe("resistance");
    expect(parameterKind("tube", "radius")).toBe("tubeRadius");
    expect(parameterKind("balancedArmature", "transduction")).toBe("continuous");
    const [low, high] = defaultBounds("capacitance", 1e-6);
    expect(low / 1e-7).toBeCloseTo(1, 12);
    expect(high / 1e-5).toBeCloseTo(1, 12);
    expect(defaultBounds("damper", 50_000)).toEqual([100, 50_000]);
    expect(defaultBounds("tubeLength", 2e-3)).toEqual([0.5e-3, 30e-3]);
  });
});
