import { describe, expect, it } from "vitest";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { parseToleranceOverride, resolveTolerances, toleranceFactor } from "./toleranceSpec.js";

const hybrid = referenceDesign("hybrid-1dd-2ba")!.design;

describe("parseToleranceOverride(text)", () => {
  it("reads percent, dB for a sensitivity, and *", () => {
    expect(parseToleranceOverride("Rmid.resistance=1")).toEqual({
      elementId: "Rmid",
      quantity: "resistance",
      amount: 1,
    });
    expect(parseToleranceOverride("Rmid.resistance=2.5%").amount).toBe(2.5);
    expect(parseToleranceOverride("mid.sensitivity=1.5dB").amount).toBe(1.5);
    expect(parseToleranceOverride("*=0")).toEqual({ elementId: "*", quantity: "*", amount: 0 });
  });

  it("names the flag for bad amounts and units", () => {
    expect(() => parseToleranceOverride("Rmid.resistance")).toThrow(
      /^--tolerance: Rmid.resistance: write/,
    );
    expect(() => parseToleranceOverride("Rmid.resistance=-1")).toThrow(
      /--tolerance: .*a number ≥ 0/,
    );
    expect(() => parseToleranceOverride("Rmid.resistance=1dB")).toThrow(/sensitivity in dB/);
    expect(() => parseToleranceOverride("Rmid.resistance=100")).toThrow(/below 100 %/);
  });
});

describe("resolveTolerances(design, overrides)", () => {
  it("gives every part its catalogue default, drivers their sensitivity and resonance", () => {
    const items = resolveTolerances(hybrid);
    const of = (id: string, quantity: string) =>
      items.find((item) => item.elementId === id && item.quantity === quantity);
    expect(of("Rmid", "resistance")).toMatchObject({ amount: 5, unit: "%" });
    expect(of("Cmid", "capacitance")).toMatchObject({ amount: 10 });
    expect(of("midDamper", "ratingCgsOhm")).toMatchObject({ amount: 20 });
    expect(of("mid", "resonance")).toMatchObject({ parameter: "movingMass", exponent: -2 });
    expect(of("dd", "sensitivity")).toMatchObject({ amount: 3, unit: "dB", parameter: "bl" });
    expect(items.every((item) => item.source.length > 10)).toBe(true);
    expect(of("ear", "anything")).toBeUndefined();
  });

  it("lets later flags override earlier ones; *=0 zeroes all", () => {
    expect(resolveTolerances(hybrid, [parseToleranceOverride("*=0")])).toEqual([]);
    const items = resolveTolerances(hybrid, [
      parseToleranceOverride("*=0"),
      parseToleranceOverride("Rmid.resistance=1"),
      parseToleranceOverride("Rmid.resistance=2"),
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ elementId: "Rmid", amount: 2, source: "given" });
  });

  it("names the flag and the element for unknown ones", () => {
    expect(() => resolveTolerances(hybrid, [parseToleranceOverride("Rx.resistance=1")])).toThrow(
      /--tolerance: Rx: the design has no element "Rx"/,
    );
    expect(() => resolveTolerances(hybrid, [parseToleranceOverride("Rmid.sensitivity=1")])).toThrow(
      /Rmid \(resistor\) has no numeric parameter "sensitivity"/,
    );
  });
});

describe("toleranceFactor(item, u)", () => {
  it("scales a parameter by 1 + u·t, a resonance by (1 + u·t)^exponent, a sensitivity in dB", () => {
    const base = { elementId: "x", amount: 10, unit: "%" as const, source: "", exponent: 1 };
    expect(
      toleranceFactor({ ...base, quantity: "resistance", parameter: "resistance" }, -1),
    ).toBeCloseTo(0.9, 12);
    expect(
      toleranceFactor({ ...base, quantity: "resonance", parameter: "cms", exponent: -2 }, 1),
    ).toBeCloseTo(1 / 1.21, 12);
    const sensitivity = {
      ...base,
      quantity: "sensitivity",
      parameter: "bl",
      amount: 6,
      unit: "dB" as const,
    };
    expect(20 * Math.log10(toleranceFactor(sensitivity, 0.5))).toBeCloseTo(3, 12);
  });
});
