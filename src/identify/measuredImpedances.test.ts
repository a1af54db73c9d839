import { describe, expect, it } from "vitest";
import type { ComplexSeries } from "../core/complexValue.js";
import type { Curve } from "../core/curve.js";
import { logFrequencies } from "../core/frequencyGrid.js";
import {
  SYNTHETIC_RECEIVER,
  receiverTruth,
  simulatedInputImpedance,
} from "../../test/support/syntheticReceiver.js";
import { parseKnownLoad } from "./knownLoads.js";
import {
  commonImpedanceGrid,
  complexImpedanceOnGrid,
  identifyFromImpedances,
  parseKnownLoads,
} from "./measuredImpedances.js";
import { formatIdentification, identificationNotes } from "./identificationReport.js";

/** A measured-looking impedance curve (|Z| and phase in degrees) from a complex series. */
function curveOf(frequencyHz: number[], re: readonly number[], im: readonly number[]): Curve {
  return {
    kind: "impedance",
    frequencyHz,
    values: re.map((r, k) => Math.hypot(r, im[k]!)),
    phaseDeg: re.map((r, k) => (Math.atan2(im[k]!, r) * 180) / Math.PI),
  };
}

describe("parseKnownLoads", () => {
  it("reads three loads and names --loads for anything else", () => {
    expect(parseKnownLoads("0.4cc, 2cc,711").map((load) => load.kind)).toEqual(
      ["0.4cc", "2cc", "711"].map((text) => parseKnownLoad(text).kind),
    );
    expect(() => parseKnownLoads("0.4cc,2cc")).toThrow(/give exactly three loads/);
    expect(() => parseKnownLoads("0.4cc,2cc,ear")).toThrow(/"ear" is not a known load/);
  });

  it("refuses sizes no test load has, naming the load and the range", () => {
    expect(() => parseKnownLoad("1e300cc")).toThrow(
      /"1e300cc": a volume of 1e\+300 cc is not a test load; give 0\.001–1000 cc/,
    );
    expect(() => parseKnownLoad("tube:1e6:0.75")).toThrow(/a tube length of 1000000 mm/);
    expect(() => parseKnownLoad("tube:10:0.75:5000cc")).toThrow(/a volume of 5000 cc/);
    expect(parseKnownLoad("tube:10:0.75:2cc").kind).toBe("tube");
  });
});

describe("commonImpedanceGrid", () => {
  const curve = (frequencyHz: number[]): Curve => ({
    kind: "impedance",
    frequencyHz,
    values: frequencyHz.map(() => 1),
  });

  it("merges the frequencies inside the band every curve covers", () => {
    const grid = commonImpedanceGrid(
      [curve([10, 100, 1000]), curve([50, 100, 2000]), curve([20, 100 * (1 + 1e-12), 800])],
      ["a", "b", "c"],
    );
    expect(grid).toEqual([50, 100, 800]);
  });

  it("names each file's band when they share none", () => {
    expect(() => commonImpedanceGrid([curve([10, 20]), curve([30, 40])], ["a", "b"])).toThrow(
      /share no frequency band \(a 10–20 Hz; b 30–40 Hz\)/,
    );
  });
});

describe("complexImpedanceOnGrid", () => {
  it("is exact at the file's frequencies and for a power law between them", () => {
    // Z = (j·f)^1.5 Ω: ln|Z| is linear in ln f and the phase constant (135°), so log-polar
    // interpolation is exact anywhere in between.
    const f = [100, 1000, 10_000];
    const z = (x: number) => ({
      re: x ** 1.5 * Math.cos(0.75 * Math.PI),
      im: x ** 1.5 * Math.sin(0.75 * Math.PI),
    });
    const curve = curveOf(
      f,
      f.map((x) => z(x).re),
      f.map((x) => z(x).im),
    );
    const grid = [100, 316.2, 5000];
    const series = complexImpedanceOnGrid(curve, grid);
    grid.forEach((x, k) => {
      expect(series.re[k]! / z(x).re).toBeCloseTo(1, 12);
      expect(series.im[k]! / z(x).im).toBeCloseTo(1, 12);
    });
  });
});

describe("identifyFromImpedances", () => {
  const grid = Array.from(logFrequencies({ fromHz: 100, toHz: 10_000, points: 25 }));
  const loads = parseKnownLoads("0.4cc,2cc,711");
  const curves = loads.map((load) => {
    const z = simulatedInputImpedance(SYNTHETIC_RECEIVER, load, grid);
    return curveOf(grid, z.re, z.im);
  }) as unknown as readonly [Curve, Curve, Curve];

  it("recovers a simulated receiver's Ze and Za from its impedance in three loads (1e-6)", () => {
    const identified = identifyFromImpedances(curves, loads, ["a.zma", "b.zma", "c.zma"]);
    const truth = receiverTruth(SYNTHETIC_RECEIVER, grid);
    const worst = (actual: ComplexSeries, expected: ComplexSeries) =>
      Math.max(
        ...expected.re.map(
          (re, k) =>
            Math.hypot(actual.re[k]! - re, actual.im[k]! - expected.im[k]!) /
            Math.hypot(re, expected.im[k]!),
        ),
      );
    expect(worst(identified.ze, truth.ze)).toBeLessThan(1e-6);
    expect(worst(identified.za, truth.za)).toBeLessThan(1e-6);
    expect(identificationNotes(identified, loads).map((note) => note.code)).not.toContain(
      "ear711-extrapolated",
    );
    const text = formatIdentification(identified, { files: ["a.zma", "b.zma", "c.zma"], loads });
    expect(text).toContain("25 frequencies, 100–10000 Hz");
    expect(text).toContain("Pass --out receiver.csv to save the table.");
  });

  it("refuses a curve without phase, naming its file", () => {
    const noPhase = { ...curves[1], phaseDeg: undefined };
    expect(() =>
      identifyFromImpedances([curves[0], noPhase, curves[2]], loads, ["a", "b", "c"]),
    ).toThrow(/^b: the file has no phase column/);
  });
});
