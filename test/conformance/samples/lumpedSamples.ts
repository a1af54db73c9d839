import {
  MICROSPEAKER,
  type Sample,
  SMALL_VOLUME_M3,
  acousticDrive,
  acousticNetwork,
  cavity,
  design,
  electricalDrive,
  electricalNetwork,
  mechanicalDrive,
  mechanicalNetwork,
  place,
  twoPortDrive,
  voltageDrive,
} from "../testNetworks.js";

/** Samples of the lumped elements and the ideal sources, electrical, mechanical and acoustic, and of ducts, perforated plates and tubes. */
export const LUMPED_SAMPLES: {
  readonly [
    K in
      | "resistor"
      | "capacitor"
      | "inductor"
      | "semiInductor"
      | "voltageSource"
      | "currentSource"
      | "mass"
      | "compliance"
      | "mechanicalResistance"
      | "acousticResistance"
      | "damper"
      | "acousticMass"
      | "acousticCompliance"
      | "acousticVolume"
      | "duct"
      | "perforatedPlate"
      | "tube"
      | "pressureSource"
      | "volumeVelocitySource"
  ]: Sample<K>;
} = {
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
};
