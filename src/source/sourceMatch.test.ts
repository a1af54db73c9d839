import { describe, expect, it } from "vitest";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import { TympanError } from "../core/issues.js";
import { driveRequirement } from "./driveRequirement.js";
import { loadFromDesign } from "./sourceLoad.js";
import { chooseSources, matchSource } from "./sourceMatch.js";
import { SOURCE_PRESETS, SOURCE_PRESET_NAMES } from "./sourcePresets.js";
import { formatSourceComparison, formatSourceMatch, sourceMatchJson } from "./sourceReport.js";
import { sourceChart } from "./sourceChart.js";

const load = loadFromDesign(referenceDesign("quad-ba")!.design, "quad-ba");

describe("chooseSources", () => {
  it("gives every preset when nothing is chosen, and a preset by name", () => {
    expect(chooseSources().map((s) => s.name)).toEqual(SOURCE_PRESET_NAMES);
    expect(chooseSources({ preset: "phone" })).toEqual([SOURCE_PRESETS.phone]);
  });

  it("replaces a preset's figures with the given ones and says so", () => {
    const [modified] = chooseSources({ preset: "phone", figures: { noiseMicrovoltsA: 30 } });
    expect(modified).toMatchObject({ name: "phone (modified)", noiseMicrovoltsA: 30 });
    expect(modified!.outputImpedanceOhm).toBe(SOURCE_PRESETS.phone.outputImpedanceOhm);
    expect(modified!.provenance).toMatch(/replaced on the command line: noiseMicrovoltsA/);
  });

  it("builds a custom source and names the figures it lacks", () => {
    const figures = { outputImpedanceOhm: 10, noiseMicrovoltsA: 3, maxVoltageVrms: 1 };
    expect(chooseSources({ figures })[0]).toMatchObject({ name: "custom", ...figures });
    expect(() => chooseSources({ figures: { outputImpedanceOhm: 10 } })).toThrow(
      /missing: --noise, --max-voltage/,
    );
  });

  it("refuses an unknown preset and figures out of range, as Issues naming the flag", () => {
    expect(() => chooseSources({ preset: "walkman" })).toThrow(/usb-dongle/);
    try {
      chooseSources({ preset: "phone", figures: { maxVoltageVrms: -1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TympanError);
      expect((error as TympanError).issues[0]).toMatchObject({
        code: "invalid-source",
        path: ["--max-voltage"],
      });
    }
  });
});

describe("matchSource and its report", () => {
  const match = matchSource(load, SOURCE_PRESETS.phone, 110);

  it("is the drive, hiss and damping of the library's own functions", () => {
    expect(match.drive).toEqual(driveRequirement(load, SOURCE_PRESETS.phone, 110));
    expect(match.damping.outputImpedanceOhm).toBe(5);
  });

  it("prints one source's drive, hiss and damping with the figures of the match", () => {
    const text = formatSourceMatch(load, match);
    expect(text).toContain(`quad-ba driven by phone`);
    expect(text).toContain(`${(match.drive.voltageVrms * 1000).toPrecision(3)} mV rms`);
    expect(text).toContain(`shape changes by ${match.damping.spreadDb.toFixed(2)} dB`);
    expect(text).toContain(`verdict: ${match.hiss.verdict}`);
  });

  it("compares sources in a row each, and gives JSON without per-frequency arrays", () => {
    const matches = chooseSources().map((source) => matchSource(load, source, 110));
    const text = formatSourceComparison(load, matches, 110);
    for (const name of SOURCE_PRESET_NAMES) expect(text).toMatch(new RegExp(`^  ${name} `, "m"));
    const json = JSON.parse(JSON.stringify(sourceMatchJson(load, matches, 110)));
    expect(json.sources).toHaveLength(SOURCE_PRESET_NAMES.length);
    expect(json.sources[0].damping.changeDb).toBeUndefined();
    expect(json.notes[0].code).toBe("simulated-at-probe");
  });

  it("charts the response change and the hiss against the threshold", () => {
    const chart = sourceChart(load, [match]);
    expect(chart.panels).toHaveLength(2);
    expect(chart.panels[0]!.series[0]!.y).toEqual(match.damping.changeDb);
    expect(chart.panels[1]!.series.at(-1)!.name).toMatch(/threshold/);
  });
});
