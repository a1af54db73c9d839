import { describe, expect, it } from "vitest";
import { itWithSharedData, readSharedCurve } from "../../test/support/sharedData.js";
import { biquadResponseDb } from "../eq/biquad.js";
import { harmanInEar2019v2 } from "./harmanInEar2019v2.js";
import { harmanInEar2019v2WithoutBass } from "./harmanInEar2019v2WithoutBass.js";

const at = (curve: typeof harmanInEar2019v2, hz: number) =>
  curve.values[curve.frequencyHz.findIndex((f) => f >= hz)]!;

describe("harmanInEar2019v2WithoutBass", () => {
  it("differs from the target only in the bass: 9 dB at 20 Hz, half of it at 105 Hz, nothing from 1 kHz", () => {
    const difference = (hz: number) =>
      at(harmanInEar2019v2, hz) - at(harmanInEar2019v2WithoutBass, hz);
    expect(difference(20)).toBeCloseTo(8.9, 0);
    expect(difference(104)).toBeGreaterThan(4);
    expect(difference(104)).toBeLessThan(5.5);
    harmanInEar2019v2.frequencyHz.forEach((f, index) => {
      if (f < 1000) return;
      const change = harmanInEar2019v2.values[index]! - harmanInEar2019v2WithoutBass.values[index]!;
      expect(Math.abs(change)).toBeLessThanOrEqual(0.1 + 1e-9);
    });
  });

  it("is flat-ish in the bass: within 1.5 dB from 20 Hz to 300 Hz", () => {
    const bass = harmanInEar2019v2WithoutBass.values.filter(
      (_, index) => harmanInEar2019v2.frequencyHz[index]! <= 300,
    );
    expect(Math.max(...bass) - Math.min(...bass)).toBeLessThan(1.5);
  });

  itWithSharedData(
    "plus AutoEq's 6 dB bass shelf is the target AutoEq used for the AKG N400, within 0.03 dB after a level offset",
    () => {
      const autoEqTarget = readSharedCurve("autoeq-results/AKG N400.csv", "target");
      expect(autoEqTarget.frequencyHz).toEqual(harmanInEar2019v2WithoutBass.frequencyHz);
      const shelf = biquadResponseDb(
        { type: "low-shelf", fcHz: 105, q: 0.7, gainDb: 6 },
        autoEqTarget.frequencyHz,
        44_100,
      );
      const offsets = autoEqTarget.values.map(
        (value, index) => value - (harmanInEar2019v2WithoutBass.values[index]! + shelf[index]!),
      );
      const mean = offsets.reduce((sum, value) => sum + value, 0) / offsets.length;
      const worst = Math.max(...offsets.map((offset) => Math.abs(offset - mean)));
      expect(worst).toBeLessThan(0.035);
    },
  );
});
