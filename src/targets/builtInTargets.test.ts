import { describe, expect, it } from "vitest";
import { ratingValidity } from "../analysis/preferenceRating.js";
import { interpolateLogFrequency } from "../analysis/interpolate.js";
import {
  BUILT_IN_TARGETS,
  DEFAULT_TARGET_NAME,
  adjustTarget,
  builtInTarget,
} from "./builtInTargets.js";
import { harmanInEar2019v2 } from "./harmanInEar2019v2.js";

describe("builtInTarget(name)", () => {
  it("knows the Harman in-ear target as the model's own, the one without bass as other", () => {
    expect(builtInTarget(DEFAULT_TARGET_NAME)?.curve).toBe(harmanInEar2019v2);
    expect(
      ratingValidity({ target: builtInTarget(DEFAULT_TARGET_NAME)!.id, rig: "gras" }).valid,
    ).toBe(true);
    expect(builtInTarget("harman-in-ear-2019v2-without-bass")?.id).toBe("other");
    expect(builtInTarget("toString")).toBeUndefined();
    expect(Object.keys(BUILT_IN_TARGETS)).toHaveLength(2);
  });
});

describe("adjustTarget(target, controls)", () => {
  const harman = BUILT_IN_TARGETS[DEFAULT_TARGET_NAME]!;

  it("returns the target itself with no control set", () => {
    expect(adjustTarget(harman)).toBe(harman);
    expect(adjustTarget(harman, { bassDb: 0, tiltDbPerOctave: 0 })).toBe(harman);
  });

  it("applies a tilt pivoting at 1 kHz and rates the result as another target", () => {
    const tilted = adjustTarget(harman, { tiltDbPerOctave: -1 });
    expect(tilted.id).toBe("other");
    const [at1k, at2k] = interpolateLogFrequency(tilted.curve, [1000, 2000]);
    const [base1k, base2k] = interpolateLogFrequency(harman.curve, [1000, 2000]);
    expect(at1k! - base1k!).toBeCloseTo(0, 6);
    expect(at2k! - base2k!).toBeCloseTo(-1, 6);
  });
});
