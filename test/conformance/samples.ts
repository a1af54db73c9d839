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

/** A moving-coil driver's optional models: LR-2, semi-inductance and a beryllium-coated breakup. */
const DRIVER_OPTIONS = {
  r2: 12,
  l2: 0.05e-3,
  semiInductance: 0.02,
  semiInductanceExponent: 0.6,
  diaphragmMaterial: "beryllium-coated",
  diaphragmDiameter: 10e-3,
  diaphragmThickness: 38e-6,
  coatingThickness: 1e-6,
  domeStiffening: 4,
  modalMassFraction: 0.2,
  modalAreaFraction: 0.4,
  modalLossFactor: 0.05,
} as const;

const PET_BREAKUP = {
  diaphragmMaterial: "PET",
  diaphragmDiameter: 10e-3,
  diaphragmThickness: 38e-6,
  domeStiffening: 4,
  modalMassFraction: 0.2,
  modalAreaFraction: 0.4,
  modalLossFactor: 0.05,
} as const;

const DRIVER_RULES = {
  re: "positive",
  le: "nonNegative",
  bl: "positive",
  mms: "positive",
  cms: "positive",
  rms: "nonNegative",
  sd: "positive",
  r2: "positive",
  l2: "positive",
  semiInductance: "positive",
  semiInductanceExponent: "positive",
  diaphragmDiameter: "positive",
  diaphragmThickness: "positive",
  coatingThickness: "positive",
  domeStiffening: "positive",
  modalMassFraction: "positive",
  modalAreaFraction: "positive",
  modalLossFactor: "positive",
} as const;

const DRIVER_INVALID = { diaphragmMaterial: ["pet", "Beryllium", "diamond", "", 1, null, true] };

/** A full-range balanced-armature receiver (the catalogue's, with a conformance-friendly stiffness split). */
const BALANCED_ARMATURE = {
  coilResistance: 50,
  coilInductance: 6e-3,
  semiInductance: 0.3,
  transduction: 2.46,
  movingMass: 5.36e-6,
  armatureStiffness: 2000,
  diaphragmStiffness: 800,
  magneticStiffness: 600,
  mechanicalResistance: 0.005,
  diaphragmArea: 11.9e-6,
  frontVolume: 20e-9,
  rearVolume: 53.7e-9,
  spoutLength: 0.61e-3,
  spoutRadius: 0.7e-3,
} as const;

/** A Ø14.2 mm planar-magnetic driver (the illustrative catalogue values of parts/planarDrivers.ts). */
const PLANAR_SAMPLE = {
  re: 32,
  le: 2e-6,
  bl: 0.14,
  radius: 7.1e-3,
  arealDensity: 3e-3,
  tension: 0.2,
  rms: 2e-3,
  modes: 3,
  plateHoleDiameter: 0.8e-3,
  plateThickness: 1e-3,
  platePorosity: 0.25,
} as const;

/**
 * An electrostatic tweeter whose negative stiffness is far below its membrane's (so that any single
 * parameter at the suite's in-range probe values, e.g. area 1e-3 m², still leaves it stable).
 */
const EST_SAMPLE = {
  primaryResistance: 100,
  leakageInductance: 50e-6,
  magnetizingInductance: 5e-3,
  turnsRatio: 25,
  secondaryResistance: 2000,
  windingCapacitance: 5e-12,
  configuration: "push-pull",
  polarizationVoltage: 50,
  gap: 15e-6,
  area: 25e-6,
  mms: 4e-7,
  cms: 5e-5,
  rms: 0.02,
} as const;

/** A four-terminal transducer [plus, minus, front, back] driven at 1 V into a 711, rear sealed. */
const transducerInto711 = (dut: Record<string, unknown>) =>
  design(
    [
      { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
      place(dut, ["in", "0", "front", "back"]),
      cavity("rear", "back"),
      { id: "ear", type: "ear711", nodes: ["front", "drum"] },
    ],
    ["drum", "front", "back"],
  );
const transducerDrivePoints = (dut: Record<string, unknown>): DrivePoint[] => [
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
    label: "acoustic at the front, driven by an 8 Ω amplifier",
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
];

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
  perforatedPlate: {
    parameters: { holeDiameter: 0.3e-3, thickness: 0.3e-3, porosity: 0.2, area: 20e-6 },
    variants: [{ holeDiameter: 1e-3, thickness: 1e-3, porosity: 0.25, area: 1.58e-4 }],
    rules: {
      holeDiameter: "positive",
      thickness: "positive",
      porosity: "positive",
      area: "positive",
    },
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
  balancedArmature: {
    // Every optional parameter at once (vented rear cavity and diaphragm), so each rule is checked
    // on a valid whole; the stiffness split keeps k_dia > k_mag and k_arm > k_mag so the suite's
    // one-parameter changes (k_arm = 1e-3, k_dia = 0) stay stable.
    parameters: {
      ...BALANCED_ARMATURE,
      semiInductanceExponent: 0.5,
      rearVentRadius: 0.1e-3,
      rearVentLength: 0.5e-3,
      diaphragmVentRadius: 20e-6,
      diaphragmVentLength: 50e-6,
    },
    variants: [
      { ...BALANCED_ARMATURE },
      {
        ...BALANCED_ARMATURE,
        armatureStiffness: 6000,
        diaphragmStiffness: 300,
        magneticStiffness: 5620,
      },
      { ...BALANCED_ARMATURE, coilInductance: 0, semiInductance: 0, mechanicalResistance: 0 },
      { ...BALANCED_ARMATURE, semiInductanceExponent: 1 },
    ],
    rules: {
      coilResistance: "positive",
      coilInductance: "nonNegative",
      semiInductance: "nonNegative",
      semiInductanceExponent: "positive",
      transduction: "positive",
      movingMass: "positive",
      armatureStiffness: "positive",
      diaphragmStiffness: "nonNegative",
      magneticStiffness: "nonNegative",
      mechanicalResistance: "nonNegative",
      diaphragmArea: "positive",
      frontVolume: "positive",
      rearVolume: "positive",
      spoutLength: "positive",
      spoutRadius: "positive",
      rearVentRadius: "positive",
      rearVentLength: "positive",
      diaphragmVentRadius: "positive",
      diaphragmVentLength: "positive",
    },
    network: (dut) =>
      design(
        [
          { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 0.1 },
          place(dut, ["in", "0", "out"]),
          { id: "ear", type: "ear711", nodes: ["out", "drum"] },
        ],
        ["drum", "out"],
      ),
    drivePoints: (dut) => [
      {
        label: "electrical, into a 711",
        node: "in",
        design: design(
          [
            currentDrive("in"),
            place(dut, ["in", "0", "out"]),
            { id: "ear", type: "ear711", nodes: ["out", "drum"] },
          ],
          ["in"],
        ),
      },
      {
        label: "acoustic at the spout, coil on an 8 Ω amplifier",
        node: "out",
        design: design(
          [
            volumeDrive("out", 1),
            place(dut, ["in", "0", "out"]),
            { id: "amp", type: "resistor", nodes: ["in", "0"], resistance: 8 },
          ],
          ["out"],
        ),
      },
    ],
  },
  dynamicDriver: {
    // Every optional model at once, so each parameter's rule is checked on a valid whole.
    parameters: { ...MICROSPEAKER, ...DRIVER_OPTIONS },
    variants: [
      { ...MICROSPEAKER },
      { ...MICROSPEAKER, le: 0 },
      { ...MICROSPEAKER, rms: 0 },
      { ...MICROSPEAKER, le: 0, semiInductance: 0.02 },
      { ...MICROSPEAKER, r2: 12, l2: 0.05e-3 },
      { ...MICROSPEAKER, ...PET_BREAKUP },
    ],
    rules: DRIVER_RULES,
    invalid: DRIVER_INVALID,
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
  opposedDynamicDrivers: {
    parameters: { ...MICROSPEAKER, ...DRIVER_OPTIONS, wiring: "parallel" },
    variants: [
      { ...MICROSPEAKER, wiring: "series" },
      { ...MICROSPEAKER, ...PET_BREAKUP, wiring: "parallel" },
    ],
    rules: DRIVER_RULES,
    invalid: { ...DRIVER_INVALID, wiring: ["Parallel", "serial", "", 2, null, true] },
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
    ],
  },
  measuredReceiver: {
    parameters: illustrativeReceiverTable(),
    rules: {},
    invalid: {
      frequencyHz: ["abc", [1000], [100, 50, 200], null],
      ze: ["abc", { re: [1, 2], im: [0, 0] }, [1, 2, 3], null],
      transduction: [5, { re: [], im: [] }, null],
      za: ["abc", { re: [1], im: [1] }, null],
    },
    network: (dut) =>
      design(
        [
          { id: "vs", type: "voltageSource", nodes: ["in", "0"], voltage: 1 },
          place(dut, ["in", "0", "out"]),
          { id: "ear", type: "ear711", nodes: ["out", "drum"] },
        ],
        ["drum", "out"],
      ),
    drivePoints: (dut) => [
      {
        label: "electrical, into a 711",
        node: "in",
        design: design(
          [
            currentDrive("in"),
            place(dut, ["in", "0", "out"]),
            { id: "ear", type: "ear711", nodes: ["out", "drum"] },
          ],
          ["in"],
        ),
      },
      {
        label: "acoustic at the port, coil on an 8 Ω amplifier",
        node: "out",
        design: design(
          [
            volumeDrive("out", 1),
            place(dut, ["in", "0", "out"]),
            { id: "amp", type: "resistor", nodes: ["in", "0"], resistance: 8 },
          ],
          ["out"],
        ),
      },
    ],
  },
  planarDriver: {
    parameters: { ...PLANAR_SAMPLE },
    variants: [
      { ...PLANAR_SAMPLE, le: 0, rms: 0 },
      { ...PLANAR_SAMPLE, modes: 1 },
    ],
    rules: {
      re: "positive",
      le: "nonNegative",
      bl: "positive",
      radius: "positive",
      arealDensity: "positive",
      tension: "positive",
      rms: "nonNegative",
      modes: "positiveInteger",
      plateHoleDiameter: "positive",
      plateThickness: "positive",
      platePorosity: "positive",
    },
    network: transducerInto711,
    drivePoints: transducerDrivePoints,
  },
  electrostaticTweeter: {
    parameters: { ...EST_SAMPLE },
    variants: [
      { ...EST_SAMPLE, configuration: "electret", polarizationVoltage: 30 },
      {
        ...EST_SAMPLE,
        primaryResistance: 0,
        leakageInductance: 0,
        secondaryResistance: 0,
        windingCapacitance: 0,
        rms: 0,
      },
    ],
    rules: {
      primaryResistance: "nonNegative",
      leakageInductance: "nonNegative",
      magnetizingInductance: "positive",
      turnsRatio: "positive",
      secondaryResistance: "nonNegative",
      windingCapacitance: "nonNegative",
      polarizationVoltage: "positive",
      gap: "positive",
      area: "positive",
      mms: "positive",
      cms: "positive",
      rms: "nonNegative",
    },
    invalid: { configuration: ["stereo", "", 1, null] },
    network: transducerInto711,
    drivePoints: transducerDrivePoints,
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

/**
 * An illustrative measured-receiver table over 10 Hz–25 kHz (not a real part): Ze = 100 Ω + jω·10 mH,
 * a real T = 5e5 Pa/A (lossless coupling, so the two-port is passive), and Za = 1e6 Pa·s/m³ plus a
 * 2000 kg/m⁴ spout mass and a 20 mm³ front cavity (C = 1.4e-13 m³/Pa).
 */
function illustrativeReceiverTable() {
  const frequencyHz = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 25_000];
  const omega = frequencyHz.map((f) => 2 * Math.PI * f);
  return {
    frequencyHz,
    ze: { re: omega.map(() => 100), im: omega.map((w) => w * 10e-3) },
    transduction: { re: omega.map(() => 5e5), im: omega.map(() => 0) },
    za: { re: omega.map(() => 1e6), im: omega.map((w) => w * 2000 - 1 / (w * 1.4e-13)) },
  };
}
