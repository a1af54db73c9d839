import { describe, expect, it } from "vitest";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { simulate } from "../simulate/simulate.js";
import { FIT_SCENARIOS, withFit } from "./fitScenarios.js";
import {
  FIT_TABLE_HZ,
  fitChart,
  fitResponses,
  fitResponsesJson,
  fitScenariosByName,
  formatFitTable,
} from "./fitResponses.js";

const singleDd = referenceDesign("single-dd")!.design;

describe("fitScenariosByName", () => {
  it("gives every scenario by default and the named ones in order", () => {
    expect(fitScenariosByName()).toHaveLength(Object.keys(FIT_SCENARIOS).length);
    expect(fitScenariosByName("broken-seal, deep-seal").map((s) => s.name)).toEqual([
      "broken-seal",
      "deep-seal",
    ]);
  });

  it("names the known fits for an unknown one", () => {
    expect(() => fitScenariosByName("loose")).toThrow(/loose: no such fit; choose from deep-seal/);
  });
});

describe("fitResponses", () => {
  const responses = fitResponses(
    singleDd,
    "single-dd",
    fitScenariosByName("deep-seal,broken-seal"),
  );

  it("is the drum level of each fitted design, on a grid holding the table's frequencies", () => {
    for (const hz of FIT_TABLE_HZ) expect(responses.frequencyHz).toContain(hz);
    const at50 = responses.frequencyHz.indexOf(50);
    const broken = simulate(withFit(singleDd as never, FIT_SCENARIOS["broken-seal"]), {
      frequencies: [50],
    }).probes.drum!.db[0]!;
    expect(responses.fits[1]!.db[at50]).toBeCloseTo(broken, 9);
    // The deep seal is the design as tuned.
    expect(responses.fits[0]!.db).toEqual(responses.referenceDb);
  });

  it("tabulates the change from the deep seal: the broken seal costs 22.6 dB at 50 Hz", () => {
    const table = formatFitTable(responses);
    expect(table).toMatch(/broken-seal\s+−24\.6\s+−22\.6/);
    expect(table).toMatch(/deep-seal\s+0\.0\s+0\.0/);
    expect(table).toContain("broken-seal: the seal is broken");
  });

  it("gives JSON and a chart with a series per fit", () => {
    const json = fitResponsesJson(responses) as { fits: { name: string; db: number[] }[] };
    expect(json.fits.map((fit) => fit.name)).toEqual(["deep-seal", "broken-seal"]);
    expect(fitChart(responses).panels[0]!.series.map((s) => s.name)).toEqual([
      "deep-seal",
      "broken-seal",
    ]);
  });

  it("needs a drum probe", () => {
    const { probes } = singleDd as unknown as { probes: { id: string; node: string }[] };
    const design = { ...(singleDd as object), probes: probes.map((p) => ({ ...p, id: "canal" })) };
    expect(() => fitResponses(design, "no drum", fitScenariosByName("deep-seal"))).toThrow(
      /"drum" probe; no drum has none/,
    );
  });
});
