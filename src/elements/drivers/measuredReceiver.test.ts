import { describe, expect, it } from "vitest";
import { validateDesign } from "../../design/design.js";
import { logFrequencies } from "../../core/frequencyGrid.js";
import { simulate, trySimulate } from "../../simulate/simulate.js";
import { knownLoadImpedance, parseKnownLoad } from "../../identify/knownLoads.js";
import type { ComplexSeries } from "../../core/complexValue.js";
import type { TwoPortTable } from "./huntTwoPort.js";
import { identifyThreeLoad } from "../../identify/threeLoadIdentification.js";
import {
  SYNTHETIC_RECEIVER,
  receiverTruth,
  simulatedInputImpedance,
} from "../../../test/support/syntheticReceiver.js";

const GRID = Array.from(logFrequencies({ fromHz: 100, toHz: 10_000, points: 41 }));

function receiverElement(table: TwoPortTable, nodes = ["plus", "0", "out"]) {
  return { id: "rx", type: "measuredReceiver", nodes, ...table };
}

/** Pressure at "out" and input impedance (1 A drive) of `elements` plus a load on "out". */
function measure(
  elements: Record<string, unknown>[],
  load: Record<string, unknown>[],
  grid: number[],
) {
  const result = simulate(
    {
      tympan: 1,
      elements: [
        ...elements,
        ...load,
        { id: "is", type: "currentSource", nodes: ["plus", "0"], current: 1 },
      ],
      probes: [
        { id: "plus", node: "plus" },
        { id: "out", node: "out" },
      ],
    },
    { frequencies: grid },
  );
  return { zin: result.probes.plus!, pressure: result.probes.out! };
}

function worstRelativeError(actual: ComplexSeries, expected: ComplexSeries): number {
  return Math.max(
    ...expected.re.map(
      (re, k) =>
        Math.hypot(actual.re[k]! - re, actual.im[k]! - expected.im[k]!) /
        Math.hypot(re, expected.im[k]!),
    ),
  );
}

describe("measuredReceiver", () => {
  const truth: TwoPortTable = { frequencyHz: GRID, ...receiverTruth(SYNTHETIC_RECEIVER, GRID) };
  const loads = [
    [{ id: "cc1", type: "acousticVolume", nodes: ["out", "0"], volume: 1e-6 }],
    [{ id: "ear", type: "ear711", nodes: ["out", "drum"] }],
    [{ id: "leak", type: "duct", nodes: ["out", "0"], radius: 0.5e-3, length: 5e-3 }],
  ];

  it.each(loads)(
    "with the receiver's exact two-port reproduces its input impedance and pressure in a load to 1e-12",
    (...load) => {
      const full = measure([...SYNTHETIC_RECEIVER], load, GRID);
      const measured = measure([receiverElement(truth)], load, GRID);
      expect(worstRelativeError(measured.zin, full.zin)).toBeLessThan(1e-12);
      expect(worstRelativeError(measured.pressure, full.pressure)).toBeLessThan(1e-12);
    },
  );

  it("with the two-port identified from 0.4 cc, 2 cc and 711 predicts the 1 cc pressure to 1e-9", () => {
    const known = ["0.4cc", "2cc", "711"].map(parseKnownLoad);
    const identified = identifyThreeLoad({
      frequencyHz: GRID,
      inputImpedance: known.map((load) =>
        simulatedInputImpedance(SYNTHETIC_RECEIVER, load, GRID),
      ) as [ComplexSeries, ComplexSeries, ComplexSeries],
      loadImpedance: known.map((load) => knownLoadImpedance(load, GRID)) as [
        ComplexSeries,
        ComplexSeries,
        ComplexSeries,
      ],
    });
    const table: TwoPortTable = {
      frequencyHz: identified.frequencyHz,
      ze: identified.ze,
      transduction: identified.transduction,
      za: identified.za,
    };
    const full = measure([...SYNTHETIC_RECEIVER], loads[0]!, GRID);
    const measured = measure([receiverElement(table)], loads[0]!, GRID);
    expect(worstRelativeError(measured.pressure, full.pressure)).toBeLessThan(1e-9);
  });

  it("works under a voltage source like any driver: SPL at a 711 drum, impedance for the source", () => {
    const result = simulate(
      {
        tympan: 1,
        elements: [
          { id: "vs", type: "voltageSource", nodes: ["plus", "0"], voltage: 0.1 },
          receiverElement(truth),
          { id: "ear", type: "ear711", nodes: ["out", "drum"] },
        ],
        probes: [{ id: "drum", node: "drum" }],
      },
      { frequencies: [1000] },
    );
    expect(result.probes.drum!.domain).toBe("acoustic");
    expect(Number.isFinite(result.probes.drum!.db[0])).toBe(true);
    expect(result.inputImpedance!.magnitudeOhm[0]).toBeGreaterThan(0);
  });

  it("interpolates ln|X| and phase linearly in ln f: exact for power laws between table points", () => {
    // Ze = K·(jω)^0.5 (a semi-inductance), T real, Za = jωM (a mass), tabulated an octave apart.
    const table = [100, 200, 400, 800, 1600];
    const semi = (f: number) => {
      const magnitude = 0.05 * Math.sqrt(2 * Math.PI * f);
      return [magnitude * Math.SQRT1_2, magnitude * Math.SQRT1_2] as const;
    };
    const element = receiverElement({
      frequencyHz: table,
      ze: { re: table.map((f) => semi(f)[0]), im: table.map((f) => semi(f)[1]) },
      transduction: { re: table.map(() => 1e5), im: table.map(() => 0) },
      za: { re: table.map(() => 0.001), im: table.map((f) => 2 * Math.PI * f * 1000) },
    });
    const between = [141.4, 300, 1234.5];
    // Nothing on "out": U = 0, so the input impedance is Ze.
    const { zin } = measure([element], [], between);
    between.forEach((f, k) => {
      expect(zin.re[k]).toBeCloseTo(semi(f)[0], 10);
      expect(zin.im[k]).toBeCloseTo(semi(f)[1], 10);
    });
  });

  it("fails simulate with its id and table range outside the table", () => {
    const outcome = trySimulate(
      {
        tympan: 1,
        elements: [
          { id: "vs", type: "voltageSource", nodes: ["plus", "0"], voltage: 1 },
          receiverElement(truth),
          { id: "cc2", type: "acousticVolume", nodes: ["out", "0"], volume: 2e-6 },
        ],
        probes: [{ id: "out", node: "out" }],
      },
      { frequencies: [1000, 20_000] },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0].code).toBe("frequency-outside-table");
    expect(outcome.issues[0].elementIds).toEqual(["rx"]);
    expect(outcome.issues[0].message).toContain(
      'measuredReceiver "rx" is known only over 100–10000 Hz',
    );
    expect(outcome.issues[0].message).toContain("20000 Hz");
  });

  it("rejects tables of the wrong length, unsorted frequencies and zero values at their paths", () => {
    const element = receiverElement({
      frequencyHz: [100, 1000, 500],
      ze: { re: [1, 2], im: [0, 0] },
      transduction: { re: [1, 1, 1], im: [0, 0, 0] },
      za: { re: [0, 1, 1], im: [0, 1, 1] },
    });
    const outcome = validateDesign({
      tympan: 1,
      elements: [{ id: "vs", type: "voltageSource", nodes: ["plus", "0"], voltage: 1 }, element],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const at = (name: string) =>
      outcome.issues.find(
        (issue) => JSON.stringify(issue.path) === JSON.stringify(["elements", 1, name]),
      );
    expect(at("frequencyHz")?.message).toContain("strictly ascending");
    expect(at("ze")?.message).toContain("ze.re has 2 values but frequencyHz has 3");
    expect(at("za")?.message).toContain("is exactly 0 at 100 Hz");
    expect(at("za")?.message).toContain('element "rx"');
  });
});
