import { describe, expect, it } from "vitest";
import { displayUnit, fromDisplay, toDisplay } from "./displayUnits.js";

describe("displayUnit", () => {
  it("picks the prefix a builder uses", () => {
    expect(displayUnit("F", 6.8e-7).label).toBe("µF");
    expect(displayUnit("F", 4.7e-9).label).toBe("nF");
    expect(displayUnit("H", 1.4e-4).label).toBe("µH");
    expect(displayUnit("m³", 2.5e-8).label).toBe("mm³");
    expect(displayUnit("Ω", 6.8).label).toBe("Ω");
    expect(displayUnit("cgs Ω", 470).label).toBe("cgs Ω");
  });
});

describe("toDisplay / fromDisplay", () => {
  it("shift the decimal point without binary noise", () => {
    const uF = displayUnit("F", 6.8e-7);
    expect(toDisplay(6.8e-7, uF)).toBe("0.68");
    expect(fromDisplay("0.68", uF)).toBe(6.8e-7);
    expect(toDisplay(2.5000000000000002e-8, displayUnit("m³", 2.5e-8))).toBe("25");
  });

  it("round-trip every value a user can type (up to 12 digits) exactly", () => {
    for (const value of [6.8e-7, 1.5e-7, 0.000047, 3.63841415113e-6, 1e-12, 0.3]) {
      for (const unit of ["F", "H", "m", "m³", "kg"]) {
        const shown = displayUnit(unit, value);
        expect(fromDisplay(toDisplay(value, shown), shown)).toBe(value);
      }
    }
  });

  it("fromDisplay gives undefined for text that is not a number", () => {
    const unit = displayUnit("Ω", 1);
    expect(fromDisplay("", unit)).toBeUndefined();
    expect(fromDisplay("abc", unit)).toBeUndefined();
    expect(fromDisplay("1e3", unit)).toBe(1000);
  });
});
