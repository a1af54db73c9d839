import { describe, expect, it } from "vitest";
import { PREFERRED_SERIES, nearestPreferredValue, preferredValues } from "./preferredValues.js";

describe("preferredValues", () => {
  it("lists E12 over a decade, written as people write them", () => {
    expect(preferredValues("E12", 1e-7, 1e-6)).toEqual([
      1e-7, 1.2e-7, 1.5e-7, 1.8e-7, 2.2e-7, 2.7e-7, 3.3e-7, 3.9e-7, 4.7e-7, 5.6e-7, 6.8e-7, 8.2e-7,
      1e-6,
    ]);
  });

  it("has the standard's 12 and 24 mantissas, not the rounded geometric series", () => {
    expect(PREFERRED_SERIES.E12).toHaveLength(12);
    expect(PREFERRED_SERIES.E24).toHaveLength(24);
    expect(PREFERRED_SERIES.E24).toContain(2.7);
    expect(PREFERRED_SERIES.E24).toContain(3.0);
  });

  it("gives nothing for an empty or invalid range", () => {
    expect(preferredValues("E6", 10, 1)).toEqual([]);
    expect(preferredValues("E6", 0, 1)).toEqual([]);
  });
});

describe("nearestPreferredValue", () => {
  it("snaps to the nearest value in ratio", () => {
    expect(nearestPreferredValue(0.7e-6, "E12")).toBe(6.8e-7);
    // The boundary is the geometric mean, √(2.2 · 2.7) ≈ 2.437.
    expect(nearestPreferredValue(2.43, "E12")).toBe(2.2);
    expect(nearestPreferredValue(2.47, "E12")).toBe(2.7);
    expect(nearestPreferredValue(9.5, "E12")).toBe(10);
  });

  it("leaves values it cannot snap alone", () => {
    expect(nearestPreferredValue(-1, "E12")).toBe(-1);
    expect(nearestPreferredValue(0, "E12")).toBe(0);
  });
});
