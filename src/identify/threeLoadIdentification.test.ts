import { describe, expect, it } from "vitest";
import { logFrequencies } from "../core/frequencyGrid.js";
import { TympanError } from "../core/issues.js";
import { simulate } from "../simulate/simulate.js";
import { knownLoadImpedance, parseKnownLoad } from "./knownLoads.js";
import type { Complex, ComplexSeries } from "../core/complexValue.js";
import { inputImpedanceWithLoad, pressureInLoad } from "../elements/drivers/huntTwoPort.js";
import { identifyAtFrequency, identifyThreeLoad } from "./threeLoadIdentification.js";
import {
  SYNTHETIC_RECEIVER,
  receiverTruth,
  simulatedInputImpedance,
} from "../../test/support/syntheticReceiver.js";

const GRID = Array.from(logFrequencies({ fromHz: 100, toHz: 10_000, points: 41 }));

/** Largest |actual − expected| / |expected| over a series. */
function worstRelativeError(actual: ComplexSeries, expected: ComplexSeries): number {
  let worst = 0;
  expected.re.forEach((re, k) => {
    const im = expected.im[k]!;
    const error = Math.hypot(actual.re[k]! - re, actual.im[k]! - im) / Math.hypot(re, im);
    worst = Math.max(worst, error);
  });
  return worst;
}

function square(series: ComplexSeries): ComplexSeries {
  return {
    re: series.re.map((re, k) => re * re - series.im[k]! ** 2),
    im: series.re.map((re, k) => 2 * re * series.im[k]!),
  };
}

describe("identifyAtFrequency (the three-load formulas)", () => {
  it("recovers Ze, T² and Za of random two-ports from exact Zin to 1e-13 relative", () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const complex = (scale: number): Complex => ({
      re: scale * (0.1 + random()),
      im: scale * (random() - 0.5) * 4,
    });
    const mul = (a: Complex, b: Complex) => ({
      re: a.re * b.re - a.im * b.im,
      im: a.re * b.im + a.im * b.re,
    });
    const div = (a: Complex, b: Complex) => {
      const d = b.re * b.re + b.im * b.im;
      return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
    };
    const relative = (a: Complex, b: Complex) =>
      Math.hypot(a.re - b.re, a.im - b.im) / Math.hypot(b.re, b.im);
    let worst = 0;
    for (let trial = 0; trial < 200; trial++) {
      const ze = complex(100);
      const t = complex(1e5);
      const tSquared = mul(t, t);
      const za = complex(1e8);
      const loads = [complex(1e8), complex(3e8), complex(2e7)] as [Complex, Complex, Complex];
      const zin = loads.map((load) => {
        const back = div(tSquared, { re: za.re + load.re, im: za.im + load.im });
        return { re: ze.re + back.re, im: ze.im + back.im };
      }) as [Complex, Complex, Complex];
      const solved = identifyAtFrequency(zin, loads)!;
      worst = Math.max(
        worst,
        relative(solved.ze, ze),
        relative(solved.tSquared, tSquared),
        relative(solved.za, za),
      );
    }
    expect(worst).toBeLessThan(1e-13);
  });

  it("gives undefined when two loads are equal (r = 1 exactly) or the impedances are", () => {
    const a: Complex = { re: 1e7, im: -3e8 };
    const zinA: Complex = { re: 100, im: 20 };
    const zinC: Complex = { re: 120, im: 21 };
    // Equal loads A and B give equal input impedances, and then r = 1 exactly.
    expect(identifyAtFrequency([zinA, zinA, zinC], [a, a, { re: 0, im: -1e9 }])).toBeUndefined();
    expect(
      identifyAtFrequency([zinA, zinA, zinA], [a, { re: 0, im: -1e9 }, { re: 1e6, im: 0 }]),
    ).toBeUndefined();
  });
});

describe("identifyThreeLoad on a receiver simulated by the engine", () => {
  const known = ["0.4cc", "2cc", "711"].map(parseKnownLoad);
  const loads = known.map((load) => knownLoadImpedance(load, GRID));
  const zin = known.map((load) => simulatedInputImpedance(SYNTHETIC_RECEIVER, load, GRID));
  const truth = receiverTruth(SYNTHETIC_RECEIVER, GRID);
  const identified = identifyThreeLoad({
    frequencyHz: GRID,
    inputImpedance: zin as [ComplexSeries, ComplexSeries, ComplexSeries],
    loadImpedance: loads as [ComplexSeries, ComplexSeries, ComplexSeries],
  });

  // The engine solves to a backward error of about 1e-14; the identification divides differences of
  // input impedances whose motional part is ~1 % of Zin at 100 Hz by r − 1 ≈ 0.06 (a BA's acoustic
  // impedance is ~13 times a 0.4 cc coupler's), which amplifies that to ~1e-9 there.
  it("recovers Ze, T² and Za to ~1e-9 relative with 0.4 cc, 2 cc and 711 loads", () => {
    expect(worstRelativeError(identified.ze, truth.ze)).toBeLessThan(1e-10);
    expect(
      worstRelativeError(square(identified.transduction), square(truth.transduction)),
    ).toBeLessThan(3e-9);
    expect(worstRelativeError(identified.za, truth.za)).toBeLessThan(3e-9);
  });

  it("chooses T's sign continuously with Re T ≥ 0 at the first frequency: here T itself", () => {
    expect(identified.transduction.re[0]).toBeGreaterThan(0);
    expect(worstRelativeError(identified.transduction, truth.transduction)).toBeLessThan(3e-9);
    expect(identified.polarityMeasured).toBe(false);
  });

  it("predicts the pressure in a fourth load (1 cc) from p_s and Z_s to 1e-9 of the full simulation", () => {
    const oneCc = knownLoadImpedance(parseKnownLoad("1cc"), GRID);
    const predicted = pressureInLoad(identified.thevenin, oneCc);
    const result = simulate(
      {
        tympan: 1,
        elements: [
          { id: "vs", type: "voltageSource", nodes: ["plus", "0"], voltage: 1 },
          ...SYNTHETIC_RECEIVER,
          { id: "load", type: "acousticVolume", nodes: ["out", "0"], volume: 1e-6 },
        ],
        probes: [{ id: "out", node: "out" }],
      },
      { frequencies: GRID },
    );
    expect(worstRelativeError(predicted, result.probes.out!)).toBeLessThan(1e-9);
  });

  it("reproduces the input impedance of a load it was not identified with (a closed tube)", () => {
    const load = parseKnownLoad("tube:10:0.75:1cc");
    const tube = knownLoadImpedance(load, GRID);
    const expected = simulatedInputImpedance(SYNTHETIC_RECEIVER, load, GRID);
    expect(worstRelativeError(inputImpedanceWithLoad(identified, tube), expected)).toBeLessThan(
      1e-9,
    );
  });

  it("takes T's sign from a pressure measurement when one is given", () => {
    const oneCc = knownLoadImpedance(parseKnownLoad("1cc"), GRID);
    const pressure = pressureInLoad(identified.thevenin, oneCc);
    const reference = (sign: number) => ({
      frequencyHz: 1000,
      loadImpedance: { re: oneCc.re[20]!, im: oneCc.im[20]! },
      pressurePerVolt: { re: sign * pressure.re[20]!, im: sign * pressure.im[20]! },
    });
    const options = {
      frequencyHz: GRID,
      inputImpedance: zin as [ComplexSeries, ComplexSeries, ComplexSeries],
      loadImpedance: loads as [ComplexSeries, ComplexSeries, ComplexSeries],
    };
    const same = identifyThreeLoad({ ...options, polarity: reference(1) });
    expect(same.transduction).toEqual(identified.transduction);
    expect(same.polarityMeasured).toBe(true);
    const inverted = identifyThreeLoad({ ...options, polarity: reference(-1) });
    expect(inverted.transduction.re).toEqual(identified.transduction.re.map((value) => -value));
    expect(inverted.thevenin.pressurePerVolt.re[0]).toBeCloseTo(
      -identified.thevenin.pressurePerVolt.re[0]!,
      12,
    );
  });
});

describe("identifyThreeLoad errors", () => {
  const grid = [100, 1000];
  const series = (re: number, im: number): ComplexSeries => ({ re: [re, re], im: [im, im] });

  function thrown(work: () => unknown): TympanError {
    try {
      work();
    } catch (error) {
      if (error instanceof TympanError) return error;
      throw error;
    }
    throw new Error("expected a TympanError");
  }

  it("names the frequency and says the loads must differ when two loads are the same", () => {
    const error = thrown(() =>
      identifyThreeLoad({
        frequencyHz: grid,
        inputImpedance: [series(100, 1), series(101, 2), series(102, 3)],
        loadImpedance: [series(0, -1e8), series(0, -1e8), series(0, -4e8)],
      }),
    );
    expect(error.message).toContain("at 100 Hz loads A and B have the same impedance");
    expect(error.message).toContain("the loads must differ");
    expect(error.issues[0].code).toBe("identical-loads");
  });

  it("names the frequency when the measured impedances cannot tell the loads apart (r ≈ 1)", () => {
    const error = thrown(() =>
      identifyThreeLoad({
        frequencyHz: grid,
        inputImpedance: [series(100, 1), series(100, 1), series(100, 1)],
        loadImpedance: [series(0, -1e8), series(0, -2e8), series(0, -4e8)],
      }),
    );
    expect(error.issues[0].code).toBe("ill-conditioned-loads");
    expect(error.message).toContain("at 100 Hz");
    expect(error.message).toContain("Use loads that differ more");
  });

  it("rejects mismatched lengths and unsorted frequencies before computing", () => {
    const error = thrown(() =>
      identifyThreeLoad({
        frequencyHz: [1000, 100],
        inputImpedance: [series(100, 1), { re: [1], im: [1] }, series(102, 3)],
        loadImpedance: [series(0, -1e8), series(0, -2e8), series(0, -4e8)],
      }),
    );
    expect(error.message).toContain("above the previous one");
    expect(error.message).toContain(
      "inputImpedance B (re) has 1 values but there are 2 frequencies",
    );
  });
});
