import { describe, expect, it } from "vitest";
import type { FilterLimits } from "../worker/protocol.js";
import { fieldsOutside, limitsText } from "./eqLimits.js";

const peaking: FilterLimits = {
  type: "peaking",
  fcHz: { min: 20, max: 10_000 },
  q: { min: 0.18248, max: 6 },
  gainDb: { min: -20, max: 20 },
};
const shelf: FilterLimits = {
  type: "low-shelf",
  fcHz: { min: 105, max: 105 },
  q: { min: 0.7, max: 0.7 },
  gainDb: { min: -12, max: 12 },
};

describe("EQ limits as the panel shows them", () => {
  it("limitsText says ranges, and fixed values as fixed", () => {
    expect(limitsText(peaking)).toBe("fc 20 Hz–10 kHz, Q 0.182–6, gain −20 dB to +20 dB");
    expect(limitsText(shelf)).toBe("fc 105 Hz (fixed), Q 0.7 (fixed), gain −12 dB to +12 dB");
  });

  it("fieldsOutside names the values a hand edit took beyond the preset's limits", () => {
    const filter = { type: "peaking" as const, fcHz: 12_000, q: 6, gainDb: -25 };
    expect(fieldsOutside(filter, peaking)).toEqual(["fcHz", "gainDb"]);
    expect(fieldsOutside({ ...filter, fcHz: 105.00000001, q: 0.7, gainDb: 3 }, shelf)).toEqual([]);
  });
});
