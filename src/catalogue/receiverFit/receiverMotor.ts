import { ACOUSTIC_KEYS } from "./motorAcoustics.js";

/**
 * One balanced-armature motor with its cavities and spout: the numeric parameters of the
 * `balancedArmature` element (same names, same units), the stiffness given as its net value.
 */
export interface ReceiverMotor {
  readonly coilResistance: number;
  readonly coilInductance: number;
  readonly semiInductance: number;
  readonly semiInductanceExponent?: number;
  readonly transduction: number;
  readonly movingMass: number;
  /** k_arm + k_dia − k_mag (N/m): the only stiffness the linear response sees. */
  readonly netStiffness: number;
  readonly mechanicalResistance: number;
  readonly diaphragmArea: number;
  readonly frontVolume: number;
  readonly rearVolume: number;
  readonly spoutLength: number;
  readonly spoutRadius: number;
  readonly rearVentRadius?: number;
  readonly rearVentLength?: number;
  readonly diaphragmVentRadius?: number;
  readonly diaphragmVentLength?: number;
  /**
   * A capacitor (F) in series with this motor's coil, inside the case (a two-way receiver's tweeter
   * motor fed through a crossover capacitor). Not a balancedArmature parameter: a design gets it as
   * a capacitor element in front of the motor.
   */
  readonly seriesCapacitance?: number;
}

/** The fitted short tube standing in for the maker's unpublished test fixture. */
export interface FixtureTube {
  readonly lengthM: number;
  readonly radiusM: number;
}

/**
 * Every parameter a motor's coefficients depend on, in the order of its key (a Float64Array, NaN for
 * a parameter left out): its cache key, the acoustic ones (ACOUSTIC_KEYS) last.
 */
export const MOTOR_KEYS: readonly (keyof ReceiverMotor)[] = [
  "coilResistance",
  "coilInductance",
  "semiInductance",
  "semiInductanceExponent",
  "transduction",
  "movingMass",
  "netStiffness",
  "mechanicalResistance",
  "diaphragmArea",
  "seriesCapacitance",
  ...ACOUSTIC_KEYS,
];

const MOTOR_KEY_INDEX = new Map(MOTOR_KEYS.map((name, index) => [name, index]));

/** The motor a key stands for (NaN: left out), every field present so all such objects share a shape. */
export function motorFromKey(key: Float64Array): ReceiverMotor {
  const at = (name: keyof ReceiverMotor): number | undefined => {
    const value = key[MOTOR_KEY_INDEX.get(name)!]!;
    return Number.isNaN(value) ? undefined : value;
  };
  return {
    coilResistance: at("coilResistance")!,
    coilInductance: at("coilInductance")!,
    semiInductance: at("semiInductance")!,
    semiInductanceExponent: at("semiInductanceExponent"),
    transduction: at("transduction")!,
    movingMass: at("movingMass")!,
    netStiffness: at("netStiffness")!,
    mechanicalResistance: at("mechanicalResistance")!,
    diaphragmArea: at("diaphragmArea")!,
    frontVolume: at("frontVolume")!,
    rearVolume: at("rearVolume")!,
    spoutLength: at("spoutLength")!,
    spoutRadius: at("spoutRadius")!,
    rearVentRadius: at("rearVentRadius"),
    rearVentLength: at("rearVentLength"),
    diaphragmVentRadius: at("diaphragmVentRadius"),
    diaphragmVentLength: at("diaphragmVentLength"),
    seriesCapacitance: at("seriesCapacitance"),
  };
}
