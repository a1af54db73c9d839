import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { parseFreeParameter, resolveFreeParameters } from "./parameterPaths.js";

const hybrid = referenceDesign("hybrid-1dd-2ba")!.design;

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof TympanError) return error.message;
    throw error;
  }
  throw new Error("expected a TympanError");
}

describe("parseFreeParameter(text)", () => {
  it("reads a path with and without bounds", () => {
    expect(parseFreeParameter("Rmid.resistance")).toEqual({
      elementId: "Rmid",
      parameter: "resistance",
    });
    expect(parseFreeParameter("a.b.c=1e-7:2e-6")).toEqual({
      elementId: "a.b",
      parameter: "c",
      bounds: [1e-7, 2e-6],
    });
  });

  it("names the flag for malformed text", () => {
    expect(messageOf(() => parseFreeParameter("Rmid"))).toMatch(
      /^--free: Rmid: write <element id>\.<parameter>/,
    );
    expect(messageOf(() => parseFreeParameter("Rmid.resistance=5"))).toMatch(/=min:max/);
    expect(messageOf(() => parseFreeParameter("Rmid.resistance=0:5"))).toMatch(/0 < min < max/);
    expect(messageOf(() => parseFreeParameter("Rmid.resistance=9:5"))).toMatch(/0 < min < max/);
  });
});

describe("resolveFreeParameters(design, requests)", () => {
  it("defaults bounds from the kind and keeps the unit", () => {
    const [c] = resolveFreeParameters(hybrid, [parseFreeParameter("Cmid.capacitance")]);
    expect(c).toMatchObject({ kind: "capacitance", unit: "F", value: 0.27e-6 });
    expect(c!.lower).toBeCloseTo(0.27e-7, 20);
    expect(c!.upper).toBeCloseTo(2.7e-6, 18);
  });

  it("rejects unknown elements and parameters, non-numbers, repeats and bounds that miss the value", () => {
    expect(
      messageOf(() => resolveFreeParameters(hybrid, [parseFreeParameter("Rx.resistance")])),
    ).toMatch(/--free: Rx: the design has no element "Rx" \(it has source, /);
    expect(
      messageOf(() => resolveFreeParameters(hybrid, [parseFreeParameter("Rmid.capacitance")])),
    ).toMatch(/a resistor has no parameter "capacitance" \(it has resistance\)/);
    expect(
      messageOf(() => resolveFreeParameters(hybrid, [parseFreeParameter("midBore.model")])),
    ).toMatch(/midBore\.model is "exact" in the design; only parameters set to a number > 0/);
    const twice = [parseFreeParameter("Rmid.resistance"), parseFreeParameter("Rmid.resistance")];
    expect(messageOf(() => resolveFreeParameters(hybrid, twice))).toMatch(/given twice/);
    expect(
      messageOf(() => resolveFreeParameters(hybrid, [parseFreeParameter("Rmid.resistance=10:20")])),
    ).toMatch(/does not contain the design's value 8\.2/);
  });
});
