import { describe, expect, it } from "vitest";
import { closedBoxDesign } from "../../test/support/closedBox.js";
import { distortion } from "./distortion.js";
import { maxSplAtThd } from "./maxSpl.js";

describe("maxSplAtThd(design, { frequencies, thdPercent })", () => {
  const design = closedBoxDesign();
  const frequencies = [50, 300, 1000];

  it("finds the drive where THD is the limit: distortion there gives it back within 0.1 %", () => {
    const result = maxSplAtThd(design, { frequencies, thdPercent: 1, probe: "front" });
    expect(result.limitedBy).toEqual(["thd", "thd", "thd"]);
    result.voltageRms.forEach((voltageRms, j) => {
      const check = distortion(design, { frequencies: [frequencies[j]!], voltageRms }).probes
        .front!;
      expect(Math.abs(check.thdPercent[0]! / 1 - 1)).toBeLessThan(1e-3);
      expect(check.fundamentalDb[0]).toBeCloseTo(result.levelDb[j]!, 6);
    });
  });

  it("a higher limit is reached at a higher level, at every frequency", () => {
    const one = maxSplAtThd(design, { frequencies, thdPercent: 1, probe: "front" });
    const three = maxSplAtThd(design, { frequencies, thdPercent: 3, probe: "front" });
    frequencies.forEach((_, j) => expect(three.levelDb[j]).toBeGreaterThan(one.levelDb[j]! + 1));
  });

  it("a linear design never reaches a THD: the level at the largest drive, said so", () => {
    const result = maxSplAtThd(closedBoxDesign({}), {
      frequencies: [100],
      thdPercent: 1,
      maxVoltageRms: 2,
    });
    expect(result.limitedBy).toEqual(["drive"]);
    expect(result.voltageRms[0]).toBeCloseTo(2, 9);
    expect(Number.isFinite(result.levelDb[0])).toBe(true);
  });

  it("rejects a limit outside (0, 100) %, naming it", () => {
    expect(() => maxSplAtThd(design, { frequencies: [100], thdPercent: 0 })).toThrow(/THD limit/);
    expect(() => maxSplAtThd(design, { frequencies: [100], thdPercent: 100 })).toThrow(/THD limit/);
  });
});
