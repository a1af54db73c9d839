import type { ElementType } from "../../src/index.js";
import {
  type DrivePoint,
  DUT_ID,
  MICROSPEAKER,
  type Rule,
  type Sample,
  type SampleParameters,
  SMALL_VOLUME_M3,
  type TestDesign,
  acousticDrive,
  acousticLoad,
  acousticNetwork,
  cavity,
  currentDrive,
  design,
  electricalDrive,
  electricalNetwork,
  mechanicalDrive,
  mechanicalNetwork,
  place,
  twoPortDrive,
  voltageDrive,
  volumeDrive,
} from "./testNetworks.js";

export { DUT_ID, type DrivePoint, type Rule, type Sample, type SampleParameters, type TestDesign };

/**
 * One realistic IEM-scale sample per registry element type, the rule each numeric parameter obeys,
 * and which of the networks in testNetworks.ts it is embedded in and driven by. The table is a mapped type over
 * `ElementType`, so the compiler already rejects a registry type without a sample; the suite checks
 * it again at run time.
 */

export const SAMPLES: { readonly [K in ElementType]: Sample<K> } = {
  resistor: {
    parameters: { resistance: 32 },
    rules: { resistance: "positive" },
    network: electricalNetwork,
    drivePoints: electricalDrive,
  },
  capacitor: {
    parameters: { capacitance: 4.7e-6 },
    rules: { capacitance: "positive" },
    network: electricalNetwork,
    drivePoints: electricalDrive,
  },
  inductor: {
    parameters: { inductance: 0.14e-3 },
    rules: { inductance: "positive" },
    network: electricalNetwork,
    drivePoints: electricalDrive,
  },
  semiInductor: {
    parameters: { coefficient: 0.05, exponent: 0.5 },
    variants: [{ coefficient: 2e-4, exponent: 1 }],
    rules: { coefficient: "positive", exponent: "positive" },
    network: electricalNetwork,
    drivePoints: electricalDrive,
  },
  voltageSource: {
    parameters: { voltage: 1, outputImpedance: 2 },
    variants: [{ voltage: -0.5 }, { voltage: 1, outputImpedance: 0 }],
    rules: { voltage: "finite", outputImpedance: "nonNegative" },
    network: (dut) =>
      design(
        [
          place(dut, ["in", "0"]),
          { id: "rs", type: "resistor", nodes: ["in", "n"], resistance: 10 },
          { id: "rl", type: "resistor", nodes: ["n", "0"], resistance: 32 },
        ],
        ["in", "n"],
      ),
  },
  currentSource: {
    parameters: { current: 0.01 },
    variants: [{ current: -0.01 }],
    rules: { current: "finite" },
    network: (dut) =>
      design(
        [
          ...voltageDrive("n"),
          place(dut, ["n", "0"]),
          { id: "rl", type: "resistor", nodes: ["n", "0"], resistance: 32 },
        ],
        ["n"],
      ),
  },
  mass: {
    parameters: { mass: MICROSPEAKER.mms },
    rules: { mass: "positive" },
    network: mechanicalNetwork,
    drivePoints: mechanicalDrive,
  },
  compliance: {
    parameters: { compliance: MICROSPEAKER.cms },
    rules: { compliance: "positive" },
    network: mechanicalNetwork,
    drivePoints: mechanicalDrive,
  },
  mechanicalResistance: {
    parameters: { resistance: MICROSPEAKER.rms },
    rules: { resistance: "positive" },
    network: mechanicalNetwork,
    drivePoints: mechanicalDrive,
  },
  acousticResistance: {
    parameters: { resistance: 1.5e8 },
    rules: { resistance: "positive" },
    network: acousticNetwork,
    drivePoints: acousticDrive,
  },
  damper: {
    parameters: { ratingCgsOhm: 1500 },
    rules: { ratingCgsOhm: "positive" },
    network: acousticNetwork,
    drivePoints: acousticDrive,
  },
  acousticMass: {
    parameters: { inertance: 5000 },
    rules: { inertance: "positive" },
    network: acousticNetwork,
    drivePoints: acousticDrive,
  },
  acousticCompliance: {
    parameters: { compliance: 7e-13 },
    rules: { compliance: "positive" },
    network: acousticNetwork,
    drivePoints: acousticDrive,
  },
  acousticVolume: {
    parameters: { volume: SMALL_VOLUME_M3 },
    rules: { volume: "positive" },
    network: acousticNetwork,
    drivePoints: acousticDrive,
  },
  duct: {
    parameters: { radius: 0.5e-3, length: 5e-3, count: 1 },
    variants: [
      { radius: 0.3e-3, length: 1e-3, count: 3 },
      { radius: 0.5e-3, length: 5e-3 },
    ],
    rules: { radius: "positive", length: "positive", count: "positiveInteger" },
    network: acousticNetwork,
    drivePoints: acousticDrive,
  },
  tube: {
    parameters: { radius: 0.75e-3, length: 10e-3 },
    variants: [
      { radius: 0.75e-3, length: 10e-3, model: "exact" },
      { radius: 0.75e-3, length: 10e-3, model: "foster" },
      { radius: 0.75e-3, length: 10e-3, model: "lossless" },
      { radius: 0.3e-3, length: 40e-3, model: "exact" },
    ],
    rules: { radius: "positive", length: "positive" },
    invalid: { model: ["exactt", "Exact", "bessel", "", 1, null, true] },
    network: acousticNetwork,
    drivePoints: twoPortDrive,
  },
  pressureSource: {
    parameters: { pressure: 1 },
    variants: [{ pressure: -2 }],
    rules: { pressure: "finite" },
    network: (dut) =>
      design(
        [
          place(dut, ["p", "0"]),
          { id: "dmp", type: "damper", nodes: ["p", "q"], ratingCgsOhm: 1500 },
          cavity("cq", "q"),
        ],
        ["p", "q"],
      ),
  },
  volumeVelocitySource: {
    parameters: { volumeVelocity: 1e-7 },
    variants: [{ volumeVelocity: -1e-7 }],
    rules: { volumeVelocity: "finite" },
    network: (dut) => design([place(dut, ["p", "0"]), cavity("cp", "p")], ["p"]),
  },
  gyrator: {
    parameters: { transduction: MICROSPEAKER.bl },
    rules: { transduction: "positive" },
    network: (dut) =>
      design(
        [
          ...voltageDrive("e"),
          place(dut, ["e", "0", "m", "0"]),
          { id: "mms", type: "mass", nodes: ["m", "k"], mass: MICROSPEAKER.mms },
          { id: "cms", type: "compliance", nodes: ["k", "j"], compliance: MICROSPEAKER.cms },
          {
            id: "loss",
            type: "mechanicalResistance",
            nodes: ["j", "0"],
            resistance: MICROSPEAKER.rms,
          },
        ],
        ["e", "m"],
      ),
    drivePoints: (dut) => [
      {
        label: "into a mechanical loss",
        node: "e",
        design: design(
          [
            currentDrive("e"),
            place(dut, ["e", "0", "m", "0"]),
            {
              id: "loss",
              type: "mechanicalResistance",
              nodes: ["m", "0"],
              resistance: MICROSPEAKER.rms,
            },
          ],
          ["e"],
        ),
      },
      {
        label: "into a resonant mechanical loop",
        node: "e",
        design: design(
          [
            currentDrive("e"),
            place(dut, ["e", "0", "m", "0"]),
            { id: "mms", type: "mass", nodes: ["m", "k"], mass: MICROSPEAKER.mms },
            { id: "cms", type: "compliance", nodes: ["k", "j"], compliance: MICROSPEAKER.cms },
            {
              id: "loss",
              type: "mechanicalResistance",
              nodes: ["j", "0"],
              resistance: MICROSPEAKER.rms,
            },
          ],
          ["e"],
        ),
      },
    ],
  },
  transformer: {
    parameters: { ratio: 1 / MICROSPEAKER.sd },
    variants: [{ ratio: 20 }],
    rules: { ratio: "positive" },
    // Mechanical to acoustic, like a piston: the drive comes through a gyrator.
    network: (dut) =>
      design(
        [
          ...voltageDrive("e"),
          {
            id: "motor",
            type: "gyrator",
            nodes: ["e", "0", "m", "0"],
            transduction: MICROSPEAKER.bl,
          },
          { id: "mms", type: "mass", nodes: ["m", "k"], mass: MICROSPEAKER.mms },
          place(dut, ["k", "0", "p", "0"]),
          ...acousticLoad("p"),
        ],
        ["e", "k", "p"],
      ),
    drivePoints: (dut) => [
      {
        label: "electrical to a leaky cavity",
        node: "e",
        design: design(
          [currentDrive("e"), place(dut, ["e", "0", "p", "0"]), ...acousticLoad("p")],
          ["e"],
        ),
      },
      {
        label: "into a damper",
        node: "e",
        design: design(
          [
            currentDrive("e"),
            place(dut, ["e", "0", "p", "0"]),
            { id: "load", type: "damper", nodes: ["p", "0"], ratingCgsOhm: 1500 },
          ],
          ["e"],
        ),
      },
    ],
  },
  ear711: {
    parameters: {},
    variants: [{ damped: true }, { damped: false }],
    rules: {},
    invalid: { damped: ["yes", "true", 1, 0, null] },
    network: (dut) =>
      design([volumeDrive("entrance"), place(dut, ["entrance", "drum"])], ["entrance", "drum"]),
    drivePoints: (dut) => [
      {
        label: "at the entrance",
        node: "entrance",
        design: design(
          [volumeDrive("entrance", 1), place(dut, ["entrance", "drum"])],
          ["entrance"],
        ),
      },
    ],
  },
  coupler2cc: {
    parameters: {},
    rules: {},
    network: (dut) => design([volumeDrive("entrance"), place(dut, ["entrance"])], ["entrance"]),
    drivePoints: (dut) => [
      {
        label: "at the entrance",
        node: "entrance",
        design: design([volumeDrive("entrance", 1), place(dut, ["entrance"])], ["entrance"]),
      },
    ],
  },
  dynamicDriver: {
    parameters: { ...MICROSPEAKER },
    variants: [
      { ...MICROSPEAKER, le: 0 },
      { ...MICROSPEAKER, rms: 0 },
    ],
    rules: {
      re: "positive",
      le: "nonNegative",
      bl: "positive",
      mms: "positive",
      cms: "positive",
      rms: "nonNegative",
      sd: "positive",
    },
    network: (dut) =>
      design(
        [
          { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
          place(dut, ["in", "0", "front", "back"]),
          cavity("rear", "back"),
          { id: "ear", type: "ear711", nodes: ["front", "drum"] },
        ],
        ["drum", "front", "back"],
      ),
    drivePoints: (dut) => [
      {
        label: "electrical, into a 711 with a sealed rear volume",
        node: "in",
        design: design(
          [
            currentDrive("in"),
            place(dut, ["in", "0", "front", "back"]),
            cavity("rear", "back"),
            { id: "ear", type: "ear711", nodes: ["front", "drum"] },
          ],
          ["in"],
        ),
      },
      {
        label: "acoustic at the front, coil on an 8 Ω amplifier",
        node: "front",
        design: design(
          [
            volumeDrive("front", 1),
            place(dut, ["in", "0", "front", "back"]),
            { id: "amp", type: "resistor", nodes: ["in", "0"], resistance: 8 },
            cavity("rear", "back"),
          ],
          ["front"],
        ),
      },
    ],
  },
};

/** Every setting of a type the suite runs: the sample first, then its variants. */
export function settingsOf(type: ElementType): readonly Record<string, unknown>[] {
  const sample = SAMPLES[type] as Sample<ElementType>;
  return [sample.parameters, ...(sample.variants ?? [])] as Record<string, unknown>[];
}

/** The element under test with the given parameters, before the harness places it. */
export function dutOf(
  type: ElementType,
  parameters: Record<string, unknown>,
): Record<string, unknown> {
  return { id: DUT_ID, type, ...parameters };
}
