import { describe, expect, it } from "vitest";
import { formatGraphicEq, graphicEqFrequencies } from "./graphicEq.js";

describe("formatGraphicEq", () => {
  it("writes 127 bands from 20 Hz to 19 871 Hz with the maximum at 0 dB", () => {
    const frequencies = graphicEqFrequencies();
    expect(frequencies).toHaveLength(127);
    expect(frequencies[126]).toBeCloseTo(19_871, -1);
    const line = formatGraphicEq([{ type: "peaking", fcHz: 1000, gainDb: 4, q: 1 }]);
    expect(line.startsWith("GraphicEQ: 20 ")).toBe(true);
    expect(line.endsWith("\n")).toBe(true);
    const bands = line
      .slice("GraphicEQ: ".length)
      .trim()
      .split("; ")
      .map((band) => band.split(" ").map(Number));
    expect(bands).toHaveLength(127);
    expect(bands[126]![0]).toBe(19_871);
    const gains = bands.map(([, gain]) => gain!);
    expect(Math.max(...gains)).toBe(0);
    // Far from the 4 dB peak the EQ is 0 dB, which the shift puts at −4 dB.
    expect(gains[0]).toBeCloseTo(-4, 1);
  });
});
