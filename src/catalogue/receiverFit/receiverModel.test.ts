import { describe, expect, it } from "vitest";
import { simulate } from "../../simulate/simulate.js";
import {
  DAMPER_AND_TUBE_INTO_711,
  FIXTURE_INTO_711,
  type LoadChain,
  knownChainElements,
  parseLoadChain,
} from "./loadChain.js";
import { type FixtureTube, ReceiverEvaluator, type ReceiverMotor } from "./receiverModel.js";

/** A full-range motor (the catalogue's illustrative one) and a small tweeter-like one. */
const MOTOR: ReceiverMotor = {
  coilResistance: 50,
  coilInductance: 6e-3,
  semiInductance: 0.3,
  transduction: 2.46,
  movingMass: 5.36e-6,
  netStiffness: 680,
  mechanicalResistance: 0.005,
  diaphragmArea: 11.9e-6,
  frontVolume: 20e-9,
  rearVolume: 53.7e-9,
  spoutLength: 0.61e-3,
  spoutRadius: 0.7e-3,
};
const TWEETER: ReceiverMotor = {
  ...MOTOR,
  coilResistance: 33,
  coilInductance: 2e-3,
  semiInductanceExponent: 0.7,
  movingMass: 1.2e-6,
  netStiffness: 1500,
  diaphragmArea: 7.5e-6,
  frontVolume: 4e-9,
  rearVolume: 25e-9,
  spoutLength: 1e-3,
  spoutRadius: 0.5e-3,
  rearVentRadius: 0.05e-3,
  rearVentLength: 0.3e-3,
};
const FIXTURE: FixtureTube = { lengthM: 4e-3, radiusM: 0.6e-3 };
const GRID = Array.from({ length: 41 }, (_, k) => 20 * 1000 ** (k / 40));

/** The same receiver as a design of engine elements: the motors in parallel, spouts joined at "x". */
function asDesign(motors: readonly ReceiverMotor[], load: LoadChain, fixture: FixtureTube) {
  const elements: Record<string, unknown>[] = [
    { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
  ];
  motors.forEach((motor, m) => {
    const { netStiffness, seriesCapacitance, ...rest } = motor;
    if (seriesCapacitance !== undefined) {
      elements.push({
        id: `c${m}`,
        type: "capacitor",
        nodes: ["in", `feed${m}`],
        capacitance: seriesCapacitance,
      });
    }
    elements.push({
      id: `m${m}`,
      type: "balancedArmature",
      nodes: [seriesCapacitance === undefined ? "in" : `feed${m}`, "0", "x"],
      ...rest,
      armatureStiffness: netStiffness + 100,
      diaphragmStiffness: 0,
      magneticStiffness: 100,
    });
  });
  const fixtured = load.segments[0]?.kind === "fixture";
  if (fixtured) {
    elements.push({
      id: "fixture",
      type: "tube",
      nodes: ["x", "entrance"],
      length: fixture.lengthM,
      radius: fixture.radiusM,
    });
  }
  const chain = knownChainElements(load, fixtured ? "entrance" : "x");
  elements.push(...chain.elements);
  return { tympan: 1, elements, probes: [{ id: "read", node: chain.readAt }] };
}

function expectSameAsEngine(motors: readonly ReceiverMotor[], loads: readonly LoadChain[]) {
  const evaluation = new ReceiverEvaluator(GRID, loads).evaluate(motors, FIXTURE);
  loads.forEach((load, l) => {
    const result = simulate(asDesign(motors, load, FIXTURE), { frequencies: GRID });
    const read = result.probes.read!;
    GRID.forEach((_, k) => {
      const engine = Math.hypot(read.re[k]!, read.im[k]!);
      const closed = Math.hypot(evaluation.pressureRe[l]![k]!, evaluation.pressureIm[l]![k]!);
      expect(Math.abs(closed / engine - 1)).toBeLessThan(1e-9);
      // The same phase up to the sign convention of the motor: the product is real.
      const cross =
        evaluation.pressureRe[l]![k]! * read.im[k]! - evaluation.pressureIm[l]![k]! * read.re[k]!;
      expect(Math.abs(cross) / (engine * closed)).toBeLessThan(1e-9);
      if (l === 0) {
        const z = result.inputImpedance!;
        const magnitude = Math.hypot(evaluation.impedanceRe[k]!, evaluation.impedanceIm[k]!);
        expect(Math.abs(magnitude / z.magnitudeOhm[k]! - 1)).toBeLessThan(1e-9);
        const phase = Math.atan2(evaluation.impedanceIm[k]!, evaluation.impedanceRe[k]!);
        expect(Math.abs((phase * 180) / Math.PI - z.phaseDeg[k]!)).toBeLessThan(1e-7);
      }
    });
  });
}

describe("ReceiverEvaluator", () => {
  it("computes what the engine computes for one motor, through the fixture and in a damper load (1e-9)", () => {
    expectSameAsEngine([MOTOR], [FIXTURE_INTO_711, DAMPER_AND_TUBE_INTO_711]);
  });

  it("agrees with the engine with a rear vent, a diaphragm vent and other exponents", () => {
    const vented = { ...TWEETER, diaphragmVentRadius: 20e-6, diaphragmVentLength: 50e-6 };
    expectSameAsEngine([vented], [FIXTURE_INTO_711, parseLoadChain("tube:5:0.5+2cc")]);
  });

  it("agrees with the engine for two motors in parallel with joined spouts (woofer + tweeter)", () => {
    expectSameAsEngine([MOTOR, TWEETER], [FIXTURE_INTO_711, DAMPER_AND_TUBE_INTO_711]);
  });

  it("agrees with the engine when the tweeter is fed through a series capacitor (a capacitor element)", () => {
    expectSameAsEngine(
      [MOTOR, { ...TWEETER, seriesCapacitance: 1.5e-6 }],
      [FIXTURE_INTO_711, DAMPER_AND_TUBE_INTO_711],
    );
  });
});
