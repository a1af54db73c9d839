import { describe, expect, it } from "vitest";
import { TympanError } from "../core/issues.js";
import { averageChannels } from "./averageChannels.js";
import type { Curve } from "../core/curve.js";

const flat = (frequencyHz: number[], level: number, name?: string): Curve => ({
  kind: "response",
  frequencyHz,
  values: frequencyHz.map(() => level),
  ...(name === undefined ? {} : { name }),
});

describe("averageChannels(left, right)", () => {
  it("averages amplitudes, not dB: 0 dB and +20·log10 2 dB give 20·log10 1.5", () => {
    const left = flat([100, 1000], 20 * Math.log10(2));
    const right = flat([100, 1000], 0);
    const { values } = averageChannels(left, right);
    values.forEach((v) => expect(v).toBeCloseTo(20 * Math.log10(1.5), 12));
  });

  it("returns a channel unchanged when both are equal, even at extreme levels", () => {
    const curve: Curve = { kind: "response", frequencyHz: [20, 200, 2000], values: [400, -300, 3] };
    expect(averageChannels(curve, curve).values).toEqual([400, -300, 3]);
  });

  it("works on the union of both grids over the common range only", () => {
    const left: Curve = {
      kind: "response",
      frequencyHz: [20, 100, 1000, 5000],
      values: [0, 0, 10, 10],
    };
    const right = flat([50, 300, 1000, 20_000], 0);
    const average = averageChannels(left, right);
    expect(average.frequencyHz).toEqual([50, 100, 300, 1000, 5000]);
    const leftAt300 = 10 * Math.log10(3);
    expect(average.values[2]).toBeCloseTo(20 * Math.log10((10 ** (leftAt300 / 20) + 1) / 2), 12);
  });

  it("names the average after both channels and drops the phase", () => {
    const left = { ...flat([100, 1000], 0, "X L"), phaseDeg: [0, 0] };
    const average = averageChannels(left, flat([100, 1000], 0, "X R"));
    expect(average.name).toBe("X L + X R average");
    expect(average.phaseDeg).toBeUndefined();
    expect(averageChannels(flat([100, 1000], 0), flat([100, 1000], 0)).name).toBeUndefined();
  });

  it("rejects impedances, empty curves and channels that do not overlap, naming the channel", () => {
    const impedance: Curve = { kind: "impedance", frequencyHz: [100, 1000], values: [16, 18] };
    expect(() => averageChannels(flat([100, 1000], 0), impedance)).toThrow(TympanError);
    expect(() => averageChannels(flat([100, 1000], 0), impedance)).toThrow(
      /right curve is an impedance/,
    );
    expect(() => averageChannels(flat([], 0), flat([100], 0))).toThrow(/left curve has no points/);
    expect(() => averageChannels(flat([20, 100], 0), flat([200, 1000], 0))).toThrow(
      /do not overlap/,
    );
  });
});
