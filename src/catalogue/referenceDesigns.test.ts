import { describe, expect, it } from "vitest";
import { sensitivity } from "../analysis/sensitivity.js";
import { targetDeviation } from "../analysis/targetDeviation.js";
import { validateDesign } from "../design/design.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import { modelOf } from "../elements/registry.js";
import { simulate } from "../simulate/simulate.js";
import { harmanInEar2019v2 } from "../targets/harmanInEar2019v2.js";
import { DRIVE_VOLTAGE } from "./kit.js";
import { REFERENCE_DESIGNS } from "./referenceDesigns.js";

const FREQUENCIES = [...logFrequencies({ fromHz: 20, toHz: 20_000, points: 300 }), 1000].sort(
  (a, b) => a - b,
);
const NAMES = REFERENCE_DESIGNS.map((entry) => entry.name);

describe("the reference designs", () => {
  it("are the nine configurations the issue names, then the design of real parts, each once", () => {
    expect(NAMES).toEqual([
      "single-dd",
      "single-ba",
      "quad-ba",
      "hybrid-1dd-2ba",
      "tribrid-1dd-4ba-2est",
      "planar",
      "dd-planar",
      "dual-opposed-dd",
      "hybrid-1dd-7ba",
      "two-way-knowles",
    ]);
  });

  it.each(REFERENCE_DESIGNS.map((entry) => [entry.name, entry] as const))(
    "%s: is a valid design with a drum probe, its name, a description and an ear711",
    (name, entry) => {
      const validated = validateDesign(entry.design);
      expect(validated.ok).toBe(true);
      expect(entry.design.name).toBe(name);
      expect(entry.design.description!.length).toBeGreaterThan(40);
      expect(entry.design.probes.some((probe) => probe.id === "drum")).toBe(true);
      expect(entry.design.elements.some((element) => element.type === "ear711")).toBe(true);
    },
  );

  it.each(REFERENCE_DESIGNS.map((entry) => [entry.name, entry] as const))(
    "%s: within ±6 dB of Harman in-ear 2019 v2 from 20 Hz to 10 kHz, 95–125 dB SPL/mW at 1 kHz",
    (_, entry) => {
      const result = simulate(entry.design, { frequencies: FREQUENCIES });
      const curve = {
        kind: "response" as const,
        frequencyHz: result.frequencyHz,
        values: result.probes.drum!.db,
      };
      const deviation = targetDeviation(curve, harmanInEar2019v2);
      expect(deviation.worstDb).toBeLessThanOrEqual(6);
      const { dbSplPerMilliwatt } = sensitivity(result, "drum", DRIVE_VOLTAGE);
      expect(dbSplPerMilliwatt).toBeGreaterThanOrEqual(95);
      expect(dbSplPerMilliwatt).toBeLessThanOrEqual(125);
    },
  );

  it.each(
    REFERENCE_DESIGNS.filter((entry) => entry.design.probes.some((probe) => probe.byDriver)).map(
      (entry) => [entry.name, entry] as const,
    ),
  )("%s: splits the drum by driver, one share per transducer, summing to the whole", (_, entry) => {
    const result = simulate(entry.design, { frequencies: [100, 1000, 10_000] });
    const transducers = entry.design.elements.filter(
      (element) => modelOf(element.type).kind === "macro" && element.type !== "ear711",
    );
    const shares = Object.keys(result.probes).filter((id) => id.startsWith("drum/"));
    expect(shares.sort()).toEqual(transducers.map((element) => `drum/${element.id}`).sort());
    [0, 1, 2].forEach((f) => {
      const sumRe = shares.reduce((sum, id) => sum + result.probes[id]!.re[f]!, 0);
      const sumIm = shares.reduce((sum, id) => sum + result.probes[id]!.im[f]!, 0);
      const whole = result.probes.drum!;
      const scale = Math.hypot(whole.re[f]!, whole.im[f]!);
      expect(Math.hypot(sumRe - whole.re[f]!, sumIm - whole.im[f]!)).toBeLessThan(1e-9 * scale);
    });
  });
});
