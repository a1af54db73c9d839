import type { Sample } from "../testNetworks.js";
import {
  receiverDrivePoints,
  receiverInto711,
  transducerDrivePoints,
  transducerInto711,
} from "./transducerNetworks.js";

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
  // Large-signal curves: Bl nearly constant, the film stiffening (membraneLargeSignal.ts).
  bl1: -10,
  bl2: -1e5,
  bl3: 1e3,
  bl4: 1e9,
  kms1: 100,
  kms2: 1e9,
  kms3: 1e10,
  kms4: 1e15,
  le1: -1e-3,
  le2: -1,
  le3: 1,
  le4: 1e3,
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

/** Samples of the other transducers: balanced armature, measured receiver (Hunt two-port table), planar-magnetic driver and electrostatic tweeter. */
export const RECEIVER_SAMPLES: {
  readonly [
    K in "balancedArmature" | "measuredReceiver" | "planarDriver" | "electrostaticTweeter"
  ]: Sample<K>;
} = {
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
      // Large-signal curves (armatureLargeSignal.ts): a saturating T(x), a magnet's pull.
      transduction1: -5000,
      transduction2: -4.5e7,
      transduction3: 1e9,
      transduction4: 1e14,
      magneticStiffness1: 1.6e6,
      magneticStiffness2: 2.7e11,
      magneticStiffness3: 1e12,
      magneticStiffness4: 1e19,
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
      ...Object.fromEntries(
        ["transduction", "magneticStiffness"].flatMap((curve) =>
          [1, 2, 3, 4].map((n) => [`${curve}${n}`, "finite"]),
        ),
      ),
    },
    network: receiverInto711(0.1),
    drivePoints: receiverDrivePoints("spout"),
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
    network: receiverInto711(1),
    drivePoints: receiverDrivePoints("port"),
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
      ...Object.fromEntries(
        ["bl", "kms", "le"].flatMap((curve) => [1, 2, 3, 4].map((n) => [`${curve}${n}`, "finite"])),
      ),
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
