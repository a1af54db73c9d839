import { describe, expect, it } from "vitest";
import { DD_10MM_PET, DD_6MM_PET } from "../../catalogue/parts/dynamicDrivers.js";
import { partParameters } from "../../catalogue/parts/part.js";
import { validateDesign } from "../../design/design.js";
import { displacementLimitM, largeSignalCurves, mirroredLargeSignal } from "./largeSignal.js";
import { opposedDynamicDrivers } from "./opposedDrivers.js";
import { STANDARD_AIR } from "../../core/air.js";

describe("large-signal coefficients", () => {
  it("largeSignalCurves reads bl1…4, kms1…4, le1…4 in order, absent as 0, and none as linear", () => {
    expect(largeSignalCurves({ bl2: -3, kms1: 5, le4: 7 })).toEqual({
      bl: [0, -3, 0, 0],
      kms: [5, 0, 0, 0],
      le: [0, 0, 0, 7],
    });
    expect(largeSignalCurves({})).toBeUndefined();
    expect(largeSignalCurves({ bl1: 0, kms2: 0 })).toBeUndefined();
  });

  it("mirroredLargeSignal flips odd powers only and keeps absent ones absent", () => {
    expect(mirroredLargeSignal({ bl1: 2, bl2: -3, kms3: 4, le2: 5 })).toEqual({
      bl1: -2,
      bl2: -3,
      kms3: -4,
      le2: 5,
    });
  });

  it("the opposed pair mounted reversed mirrors driver B's curves; aligned, both alike", () => {
    const pair = {
      id: "pair",
      type: "opposedDynamicDrivers" as const,
      nodes: ["in", "0", "f", "b"],
      ...partParameters(DD_10MM_PET),
      wiring: "parallel" as const,
    };
    const halves = (orientation?: "reversed" | "aligned") =>
      opposedDynamicDrivers.expand(
        { ...pair, ...(orientation ? { orientation } : {}) } as never,
        STANDARD_AIR,
      ) as unknown as Record<string, number>[];
    const [a, b] = halves("reversed");
    expect(b!.bl1).toBe(-a!.bl1!);
    expect(b!.kms1).toBe(-a!.kms1!);
    expect(b!.bl2).toBe(a!.bl2);
    expect(b!.orientation).toBeUndefined();
    const [c, d] = halves();
    expect(d!.bl1).toBe(c!.bl1);
  });

  it("validation rejects a coefficient that is not a number, naming it", () => {
    const validated = validateDesign({
      tympan: 1,
      elements: [
        { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
        {
          id: "d",
          type: "dynamicDriver",
          nodes: ["in", "0", "f", "0"],
          ...partParameters(DD_10MM_PET),
          bl2: "steep",
        },
        { id: "v", type: "acousticVolume", nodes: ["f", "0"], volume: 1e-6 },
      ],
    });
    expect(validated.ok).toBe(false);
    if (!validated.ok) expect(JSON.stringify(validated.issues)).toContain("bl2");
  });
});

describe("the catalogue's illustrative curves meet Klippel's limits where the catalogue says", () => {
  it.each([
    [DD_10MM_PET, 0.1e-3, 0.08e-3],
    [DD_6MM_PET, 0.06e-3, 0.048e-3],
  ])(
    "%s: Bl is at 82 % and Cms at 75 % near x_Bl and x_C (the lean brings one side in)",
    (part, xBl, xC) => {
      const value = (name: string) => part.parameters[name]?.value ?? 0;
      const blLimit = displacementLimitM(
        value("bl"),
        [value("bl1"), value("bl2")],
        (ratio) => ratio > 0.82,
        1e-3,
      )!;
      const cmsLimit = displacementLimitM(
        1 / value("cms"),
        [value("kms1"), value("kms2")],
        (ratio) => ratio < 1 / 0.75,
        1e-3,
      )!;
      // The lean moves the limit inwards on one side by a few per cent, never outwards.
      expect(blLimit / xBl).toBeGreaterThan(0.7);
      expect(blLimit / xBl).toBeLessThanOrEqual(1.0001);
      expect(cmsLimit / xC).toBeGreaterThan(0.7);
      expect(cmsLimit / xC).toBeLessThanOrEqual(1.0001);
    },
  );
});
