import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { itWithSharedData, sharedDataFile } from "../../test/support/sharedData.js";
import { TympanError } from "../core/issues.js";
import {
  formatEqualizerApo,
  formatFrequencyHz,
  parseEqualizerApo,
  preampForMaxBoost,
} from "./equalizerApo.js";

describe("EqualizerAPO presets", () => {
  itWithSharedData(
    "reads AutoEq's published AKG N400 preset: preamp, 10 filters, LS/HS as shelves",
    () => {
      const path = sharedDataFile("autoeq-results/AKG N400 ParametricEQ.txt");
      const preset = parseEqualizerApo(readFileSync(path, "utf8"), path);
      expect(preset.preampDb).toBe(-1.7);
      expect(preset.filters).toHaveLength(10);
      expect(preset.filters[0]).toEqual({ type: "low-shelf", fcHz: 105, gainDb: -2.5, q: 0.7 });
      expect(preset.filters[5]).toEqual({ type: "high-shelf", fcHz: 10_000, gainDb: 1.8, q: 0.7 });
      expect(preset.filters[7]).toEqual({ type: "peaking", fcHz: 6031, gainDb: -1.4, q: 6 });
    },
  );

  it("formats exactly the EqualizerAPO lines, shelves as LSC/HSC, and reads them back", () => {
    const preset = {
      preampDb: -1.7,
      filters: [
        { type: "low-shelf", fcHz: 105, gainDb: -2.5, q: 0.7 },
        { type: "peaking", fcHz: 44.1, gainDb: 1.6, q: 2.16 },
        { type: "high-shelf", fcHz: 10_000, gainDb: 1.8, q: 0.7 },
      ],
    } as const;
    const text = formatEqualizerApo(preset);
    expect(text).toBe(
      [
        "Preamp: -1.7 dB",
        "Filter 1: ON LSC Fc 105 Hz Gain -2.5 dB Q 0.70",
        "Filter 2: ON PK Fc 44.1 Hz Gain 1.6 dB Q 2.16",
        "Filter 3: ON HSC Fc 10000 Hz Gain 1.8 dB Q 0.70",
        "",
      ].join("\n"),
    );
    expect(parseEqualizerApo(text)).toEqual(preset);
  });

  it("skips comments, blank lines and OFF filters; a line it cannot read is an error naming it", () => {
    const text =
      "# mine\n\nPreamp: -3 dB\nFilter 1: OFF PK Fc 100 Hz Gain 3 dB Q 1\nFilter 2: ON PK Fc 200 Hz Gain -1 dB Q 2\n";
    expect(parseEqualizerApo(text)).toEqual({
      preampDb: -3,
      filters: [{ type: "peaking", fcHz: 200, gainDb: -1, q: 2 }],
    });
    try {
      parseEqualizerApo("Preamp: -1 dB\nFilter 1: ON NO Fc 200 Hz Gain -1 dB Q 2\n", "x.txt");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TympanError);
      expect((error as TympanError).message).toContain("x.txt");
      expect((error as TympanError).message).toContain("line 2");
    }
  });

  it("rounds the preamp down to 0.1 dB and frequencies to 1 Hz (0.1 Hz below 100 Hz)", () => {
    expect(preampForMaxBoost(1.62)).toBe(-1.7);
    expect(preampForMaxBoost(1.7)).toBe(-1.7);
    expect(preampForMaxBoost(-0.34)).toBe(0.3);
    expect(preampForMaxBoost(0)).toBe(0);
    expect(formatFrequencyHz(2073.4)).toBe("2073");
    expect(formatFrequencyHz(31.25)).toBe("31.3");
    expect(formatFrequencyHz(20)).toBe("20");
  });
});
