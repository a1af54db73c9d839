import { describe, expect, it } from "vitest";
import type { Curve } from "../core/curve.js";
import { TympanError } from "../core/issues.js";
import { combineChannels } from "./combineChannels.js";

const frequencyHz = [100, 1000, 3000, 10000];
const flat = (db: number, name?: string): Curve => ({
  kind: "response",
  frequencyHz,
  values: frequencyHz.map(() => db),
  ...(name === undefined ? {} : { name }),
});

describe("combineChannels", () => {
  it("keeps a single channel as it is, renamed, without warnings", () => {
    const combined = combineChannels("Brand Model", { right: flat(90, "Model R") });
    expect(combined.curve.values).toEqual([90, 90, 90, 90]);
    expect(combined.curve.name).toBe("Brand Model");
    expect(combined.warnings).toEqual([]);
  });

  it("averages left and right in amplitude: 20·log10((1 + 10^(-6/20)) / 2) below the louder", () => {
    const combined = combineChannels("Pair", { left: flat(90), right: flat(84) });
    const expected = 90 + 20 * Math.log10((1 + 10 ** (-6 / 20)) / 2); // 87.5 dB
    for (const value of combined.curve.values) expect(value).toBeCloseTo(expected, 10);
    expect(combined.curve.name).toBe("Pair");
  });

  it("warns of an imbalance beyond the threshold, naming the louder side", () => {
    const combined = combineChannels("Pair", { left: flat(90), right: flat(84) });
    expect(combined.warnings).toHaveLength(1);
    expect(combined.warnings[0]!.code).toBe("channel-imbalance");
    expect(combined.warnings[0]!.message).toMatch(
      /^Pair: the channels differ by up to 6\.0 dB .*left louder/,
    );
    expect(combineChannels("Pair", { left: flat(90), right: flat(89.9) }).warnings).toEqual([]);
  });

  it("refuses a device with no channel", () => {
    expect(() => combineChannels("Nothing", {})).toThrow(TympanError);
  });
});
