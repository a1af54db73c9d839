import { describe, expect, it } from "vitest";
import type { Curve } from "../../core/curve.js";
import { simulate } from "../../simulate/simulate.js";
import { fitReceiver } from "./fitReceiver.js";
import { GAUGE_VALUES } from "./fitParameters.js";
import { DAMPER_AND_TUBE_INTO_711, FIXTURE_INTO_711, knownChainElements } from "./loadChain.js";
import { seededRandom } from "./startingPoints.js";

/**
 * A receiver whose parameters are known, with the fit's held gauges (diaphragm area, rear volume,
 * spout radius) at the fit's own values: the data cannot identify those, so recovery is about the
 * others. A full-range receiver resonating near 2.5 kHz in the fixture, about 110 dB at 0.1 V.
 */
const TRUTH = {
  coilResistance: 40,
  coilInductance: 2e-3,
  semiInductance: 0.05,
  semiInductanceExponent: 0.6,
  transduction: 1.5,
  movingMass: 3e-6,
  armatureStiffness: 500,
  diaphragmStiffness: 0,
  magneticStiffness: 0,
  mechanicalResistance: 0.02,
  diaphragmArea: GAUGE_VALUES.diaphragmArea,
  frontVolume: 12e-9,
  rearVolume: GAUGE_VALUES.rearVolume,
  spoutLength: 1.5e-3,
  spoutRadius: GAUGE_VALUES.spoutRadius,
};
const FIXTURE = { lengthM: 6e-3, radiusM: 0.7e-3 };
const DRIVE_V = 0.1;

/** The truth's design in a load chain (the fixture included when the chain starts with it). */
function truthDesign(chain = FIXTURE_INTO_711) {
  const fixtured = chain.segments[0]?.kind === "fixture";
  const known = knownChainElements(chain, fixtured ? "entrance" : "spout");
  return {
    tympan: 1,
    elements: [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: DRIVE_V },
      { id: "rcv", type: "balancedArmature", nodes: ["in", "0", "spout"], ...TRUTH },
      ...(fixtured
        ? [
            {
              id: "fixture",
              type: "tube",
              nodes: ["spout", "entrance"],
              length: FIXTURE.lengthM,
              radius: FIXTURE.radiusM,
            },
          ]
        : []),
      ...known.elements,
    ],
    probes: [{ id: "read", node: known.readAt }],
  };
}

/** The truth "measured" on a 1/96-octave grid with ±0.3 dB and ±3 % of seeded jitter. */
function syntheticDatasheet(): { response: Curve; impedance: Curve } {
  const grid = Array.from({ length: 96 * 10 + 1 }, (_, k) => 20 * 2 ** (k / 96));
  const result = simulate(truthDesign(), { frequencies: grid });
  const random = seededRandom(7);
  return {
    response: {
      kind: "response",
      frequencyHz: grid,
      values: result.probes.read!.db.map((level) => level + 0.6 * (random() - 0.5)),
    },
    impedance: {
      kind: "impedance",
      frequencyHz: grid,
      values: result.inputImpedance!.magnitudeOhm.map((z) => z * (1 + 0.06 * (random() - 0.5))),
    },
  };
}

describe("fitReceiver on a synthetic receiver (simulate, add jitter, fit)", () => {
  const { response, impedance } = syntheticDatasheet();
  const fit = fitReceiver({
    responses: [{ curve: response, load: FIXTURE_INTO_711 }],
    impedance,
    driveVoltage: DRIVE_V,
  });

  it("fits it to the jitter: residuals below 0.2 dB and 2 %", () => {
    expect(fit.residuals.responses[0]!.rmsDb).toBeLessThan(0.2);
    expect(fit.residuals.impedanceRmsPercent!).toBeLessThan(2);
  });

  it("finds every parameter's truth inside its stated 95 % interval", () => {
    const truth: Record<string, number> = {
      ...TRUTH,
      netStiffness: TRUTH.armatureStiffness,
      fixtureLength: FIXTURE.lengthM,
      fixtureRadius: FIXTURE.radiusM,
    };
    const missed = fit.parameters.filter(
      (value) =>
        !(
          truth[value.name]! >= value.low * (1 - 1e-9) &&
          truth[value.name]! <= value.high * (1 + 1e-9)
        ),
    );
    expect(
      missed.map((value) => `${value.name} ${truth[value.name]} ∉ [${value.low}, ${value.high}]`),
    ).toEqual([]);
  });

  it("states a 5–95 % band in the damper-and-tube load that covers the truth's response there, narrower than the envelope", () => {
    // A pointwise 90 % band may leave the truth outside at some frequencies by design. Here, where
    // the band is narrow (below 2 kHz it is tenths of a dB), the truth lies outside by less than
    // 0.1 dB at 60 of 160 points (the smoothed jitter's bias); by more than 0.1 dB at 5 points, the
    // worst 0.71 dB near 5.4 kHz where the truth's spout–fixture split lies between the explored fits
    // and beyond the Gaussian proposal, against a band up to 9 dB wide. The test holds it to ≤ 5 %
    // of the points outside by more than 0.1 dB and no miss above 1 dB; the envelope of every
    // equally good fit is wider still.
    const band = fit.secondLoad;
    const truth = simulate(truthDesign(DAMPER_AND_TUBE_INTO_711), {
      frequencies: band.frequencyHz,
    });
    const misses = band.frequencyHz.map((_, k) => {
      const level = truth.probes.read!.db[k]!;
      return Math.max(0, band.lowDb[k]! - level, level - band.highDb[k]!);
    });
    const outside = misses.filter((miss) => miss > 0.1).length;
    expect(outside).toBeLessThanOrEqual(0.05 * misses.length);
    expect(Math.max(...misses)).toBeLessThan(1);
    expect(band.widestAbove2kHzDb).toBeGreaterThan(1);
    expect(band.envelope.widestAbove2kHzDb).toBeGreaterThan(band.widestAbove2kHzDb);
    band.frequencyHz.forEach((_, k) => {
      expect(band.lowDb[k]!).toBeGreaterThanOrEqual(band.envelope.lowDb[k]! - 1e-9);
      expect(band.highDb[k]!).toBeLessThanOrEqual(band.envelope.highDb[k]! + 1e-9);
      expect(band.lowDb[k]!).toBeLessThanOrEqual(band.bestDb[k]! + 1e-9);
      expect(band.highDb[k]!).toBeGreaterThanOrEqual(band.bestDb[k]! - 1e-9);
    });
    // The posterior samples are nearly degenerate here (about 1.5 effective of 150: the cost rises
    // much faster than its quadratic model away from the best), so the explored fits carry the band.
    expect(band.samples).toBeGreaterThan(50);
    expect(band.effectiveSamples).toBeGreaterThanOrEqual(1);
  });
});

describe("fitReceiver's warnings on broken data", () => {
  const { response, impedance } = syntheticDatasheet();

  it("warns of an impedance file at 0.109 Ω everywhere (the shared SWFK ZMA) and fits the response alone", () => {
    const broken: Curve = {
      ...impedance,
      values: impedance.values.map(() => 0.109),
      name: "swfk.zma",
    };
    const fit = fitReceiver(
      {
        responses: [{ curve: response, load: FIXTURE_INTO_711 }],
        impedance: broken,
        driveVoltage: DRIVE_V,
      },
      { starts: 2 },
    );
    const warning = fit.warnings.find((issue) => issue.code === "broken-impedance")!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toMatch(/swfk\.zma is below 1 Ω at every frequency/);
    expect(fit.residuals.impedanceRmsPercent).toBeUndefined();
    expect(fit.residuals.responses[0]!.rmsDb).toBeLessThan(0.3);
  });

  it("warns of a phase that is zero everywhere, and of a response without a stated drive", () => {
    const zeroPhase: Curve = { ...impedance, phaseDeg: impedance.values.map(() => 0) };
    const fit = fitReceiver(
      { responses: [{ curve: response, load: FIXTURE_INTO_711 }], impedance: zeroPhase },
      { starts: 1 },
    );
    expect(fit.warnings.map((issue) => [issue.code, issue.severity])).toEqual(
      expect.arrayContaining([
        ["phase-all-zero", "warning"],
        ["drive-not-stated", "warning"],
      ]),
    );
    expect(fit.driveVoltage).toBe(0.1);
  });
});
