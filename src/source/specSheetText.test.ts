import { describe, expect, it } from "vitest";
import { referenceDesign } from "../catalogue/referenceDesigns.js";
import type { Curve } from "../core/curve.js";
import { loadFromDesign, loadFromMeasurement } from "./sourceLoad.js";
import { specSheet } from "./specSheet.js";
import { formatSpecSheet } from "./specSheetText.js";

describe("formatSpecSheet", () => {
  it("prints the figures of a design, with its −10 dB points", () => {
    const sheet = specSheet(loadFromDesign(referenceDesign("quad-ba")!.design, "quad-ba"));
    const text = formatSpecSheet(sheet);
    expect(text).toContain(
      `sensitivity         ${sheet.sensitivityDbSplPerMilliwatt.toFixed(1)} dB SPL/mW, ${sheet.sensitivityDbSplPerVolt.toFixed(1)} dB SPL/V at 1 kHz`,
    );
    expect(text).toMatch(/frequency response {2}(below 20 Hz|\d[\d.]* k?Hz) to /);
    expect(text).toMatch(/phase range {9}[+−]?\d+°/);
  });

  it("says an impedance file alone gives no frequency response, instead of inventing a range", () => {
    const impedance: Curve = {
      kind: "impedance",
      frequencyHz: [20, 1000, 20_000],
      values: [16, 16, 16],
      name: "iem.zma",
    };
    const text = formatSpecSheet(specSheet(loadFromMeasurement(impedance, { db: 110, per: "mW" })));
    expect(text).toContain("frequency response  not measured");
    expect(text).not.toMatch(/below 20 Hz to above 20 kHz/);
    expect(text).toContain("phase range         not known");
    // 16 Ω resistive: 1 V is 62.5 mW, so 110 dB/mW is 110 + 10·log10(62.5) = 127.96 dB/V.
    expect(text).toContain("110.0 dB SPL/mW, 128.0 dB SPL/V at 1 kHz");
  });
});
