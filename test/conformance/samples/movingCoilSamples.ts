import { MICROSPEAKER, type Sample } from "../testNetworks.js";
import { transducerDrivePoints, transducerInto711 } from "./transducerNetworks.js";

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
  // Large-signal curves (Klippel): Bl falling to 82 % near ±0.3 mm, a stiffening suspension.
  bl1: -240,
  bl2: -1.44e6,
  bl3: 1e3,
  bl4: 1e10,
  kms1: 2.7e4,
  kms2: 2.2e8,
  kms3: 1e9,
  kms4: 1e14,
  le1: -0.093,
  le2: -100,
  le3: 1e3,
  le4: 1e6,
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
  ...Object.fromEntries(
    ["bl", "kms", "le"].flatMap((curve) => [1, 2, 3, 4].map((n) => [`${curve}${n}`, "finite"])),
  ),
} as const;

const DRIVER_INVALID = { diaphragmMaterial: ["pet", "Beryllium", "diamond", "", 1, null, true] };

/** Samples of the moving-coil drivers: one dynamic driver and an opposed pair, with their optional models. */
export const MOVING_COIL_SAMPLES: {
  readonly [K in "dynamicDriver" | "opposedDynamicDrivers"]: Sample<K>;
} = {
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
    network: transducerInto711,
    drivePoints: transducerDrivePoints,
  },
  opposedDynamicDrivers: {
    parameters: { ...MICROSPEAKER, ...DRIVER_OPTIONS, wiring: "parallel" },
    variants: [
      { ...MICROSPEAKER, wiring: "series" },
      { ...MICROSPEAKER, ...PET_BREAKUP, wiring: "parallel" },
      { ...MICROSPEAKER, bl1: -240, kms1: 2.7e4, wiring: "series", orientation: "reversed" },
    ],
    rules: DRIVER_RULES,
    invalid: {
      ...DRIVER_INVALID,
      wiring: ["Parallel", "serial", "", 2, null, true],
      orientation: ["Reversed", "mirrored", "", 1, null, true],
    },
    network: transducerInto711,
    drivePoints: (dut) => transducerDrivePoints(dut).slice(0, 1),
  },
};
