import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import type { SimulationResult } from "../simulate/result.js";
import { axisTitle } from "./chart.js";
import { exampleResult } from "../../test/support/exampleResult.js";
import { chartFromSimulation } from "./fromSimulation.js";

const result = exampleResult({ points: 50 });

describe("chartFromSimulation", () => {
  it("puts acoustic probes, electrical probes and |Z| in three panels with their units", () => {
    const chart = chartFromSimulation(result);
    expect(chart.panels.map(axisTitle)).toEqual([
      "SPL (dB re 20 µPa)",
      "Voltage level (dB re 1 V)",
      "|Z| (Ω)",
    ]);
    expect(chart.panels.map((panel) => panel.series.map((s) => s.name))).toEqual([
      ["drum", "drum, leaky seal"],
      ["terminals"],
      ["Input impedance"],
    ]);
    expect(chart.panels.map((panel) => panel.heightRatio)).toEqual([1, 0.6, 0.6]);
    expect(chart.panels[2]?.yScale).toBe("log");
    expect(chart.panels[0]?.series[0]?.y).toBe(result.probes.drum?.db);
  });

  it("calls a probe with drivers' shares beside it its total, so the sum is not read as a driver", () => {
    const drum = result.probes.drum!;
    const withShares: SimulationResult = {
      ...result,
      probes: { drum, "drum/woofer": drum, "drum/tweeter": drum, canal: drum },
    };
    const chart = chartFromSimulation(withShares);
    expect(chart.panels[0]?.series.map((s) => s.name)).toEqual([
      "drum (total)",
      "drum/woofer",
      "drum/tweeter",
      "canal",
    ]);
    // Shares not drawn: the probe is just "drum".
    const alone = chartFromSimulation(withShares, { probes: ["drum"] });
    expect(alone.panels[0]?.series.map((s) => s.name)).toEqual(["drum"]);
  });

  it("uses the result's warnings as notes unless notes are given", () => {
    expect(chartFromSimulation(result).notes).toEqual(
      result.warnings!.map((warning) => warning.message),
    );
    expect(chartFromSimulation(result, { notes: [] }).notes).toEqual([]);
  });

  it("plots only the chosen probes, and no impedance panel when the result has none", () => {
    const withoutImpedance: SimulationResult = { ...result, inputImpedance: undefined };
    const chart = chartFromSimulation(withoutImpedance, { probes: ["terminals"] });
    expect(chart.panels.map(axisTitle)).toEqual(["Voltage level (dB re 1 V)"]);
    expect(chart.panels[0]?.heightRatio).toBe(1);
  });

  it("offers a linear impedance axis", () => {
    const chart = chartFromSimulation(result, { impedanceScale: "linear" });
    expect(chart.panels[2]?.yScale).toBe("linear");
  });

  it("names an unknown probe and lists the ones there are", () => {
    expect(() => chartFromSimulation(result, { probes: ["eardrum"] })).toThrow(TympanError);
    expect(() => chartFromSimulation(result, { probes: ["eardrum"] })).toThrow(
      /probe "eardrum" is not in the simulation result; it has probes "drum"/,
    );
  });

  it("rejects a result with nothing to plot", () => {
    const empty: SimulationResult = { frequencyHz: [20, 40], probes: {} };
    expect(() => chartFromSimulation(empty)).toThrow(/no probes and no input impedance/);
  });
});
