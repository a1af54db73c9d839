import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { publicApiDocumentation } from "./publicApiDocs.js";

const entry = (name: string) => fileURLToPath(new URL(`../../src/${name}`, import.meta.url));

describe("the public API", () => {
  const api = publicApiDocumentation(entry("index.ts"));

  it("documents every function, class and constant it exports (a TSDoc comment on the declaration)", () => {
    expect(api.undocumented).toEqual([]);
  });

  it("keeps solver internals inside", () => {
    for (const internal of [
      "SparseComplexLu",
      "compileNetwork",
      "FrequencySweep",
      "markowitzOrder",
      "buildFactorPlan",
      "expandElements",
      "checkTopology",
    ]) {
      expect(api.exported).not.toContain(internal);
    }
  });

  it("offers each main job", () => {
    for (const job of [
      "simulate",
      "trySimulate",
      "validateDesign",
      "parseMeasurement",
      "formatCsv",
      "harmanInEar2019v2",
      "preferenceRating",
      "fitParametricEq",
      "formatEqualizerApo",
      "specSheet",
      "withFit",
      "identifyThreeLoad",
      "chart",
      "renderSvg",
      "REFERENCE_DESIGNS",
      "DYNAMIC_DRIVERS",
      "compileDesign",
      "parseDesignText",
      "compareCurves",
      "rankCurves",
      "scoreCurve",
      "adjustTarget",
      "matchSource",
      "hissAtDrum",
      "withSeal",
      "fitReceiver",
      "optimizeDesign",
      "toleranceAnalysis",
    ]) {
      expect(api.exported).toContain(job);
    }
  });
});
