import { type FixtureTube, MOTOR_KEYS, type ReceiverMotor } from "./receiverModel.js";

/** A number the fit adjusts: which motor's (or the fixture's), its bounds, and its unit. */
export interface FitParameter {
  /** The balancedArmature parameter name, or "fixtureLength" / "fixtureRadius". */
  readonly name: string;
  /** Index of the motor it belongs to; undefined for the fixture. */
  readonly motor?: number;
  readonly lower: number;
  readonly upper: number;
  readonly unit: string;
  /** Fitted as its logarithm (every positive quantity) rather than as itself (an exponent). */
  readonly log: boolean;
}

/** What the fit adjusts: one or two motors, a diaphragm vent or not, a fixture or not. */
export interface FitLayout {
  readonly motorCount: number;
  readonly diaphragmVent: boolean;
  readonly fixture: boolean;
  /** The last motor (a two-way receiver's tweeter) fed through a capacitor in the case. */
  readonly seriesCapacitor?: boolean;
}

/**
 * Bounds of the balanced-armature parameters: wide enough for every receiver from a 2 mm tweeter to
 * a CI-size woofer (docs/physics.md §6 [typical]: |Z|(1 kHz) 10–300 Ω, resonance 1–6 kHz), so that a
 * parameter ending on one says the model is straining rather than that the box was drawn tight.
 */
const MOTOR_BOUNDS: readonly Omit<FitParameter, "motor">[] = [
  { name: "coilResistance", lower: 1, upper: 1000, unit: "Ω", log: true },
  { name: "coilInductance", lower: 1e-6, upper: 0.1, unit: "H", log: true },
  { name: "semiInductance", lower: 1e-4, upper: 10, unit: "Ω/(rad/s)ⁿ", log: true },
  { name: "semiInductanceExponent", lower: 0.3, upper: 1, unit: "", log: false },
  { name: "transduction", lower: 0.02, upper: 50, unit: "N/A", log: true },
  { name: "movingMass", lower: 1e-7, upper: 1e-3, unit: "kg", log: true },
  { name: "netStiffness", lower: 10, upper: 1e5, unit: "N/m", log: true },
  { name: "mechanicalResistance", lower: 1e-5, upper: 1, unit: "N·s/m", log: true },
  { name: "frontVolume", lower: 0.5e-9, upper: 200e-9, unit: "m³", log: true },
  { name: "spoutLength", lower: 0.2e-3, upper: 5e-3, unit: "m", log: true },
];
const VENT_BOUNDS: readonly Omit<FitParameter, "motor">[] = [
  { name: "diaphragmVentRadius", lower: 2e-6, upper: 200e-6, unit: "m", log: true },
  { name: "rearVolume", lower: 5e-9, upper: 500e-9, unit: "m³", log: true },
];
/**
 * A crossover capacitor inside a two-way receiver's case, in series with the tweeter motor: 0.1–100 µF
 * spans what a tweeter coil of tens of ohms needs for a crossover from 500 Hz to 10 kHz.
 */
const CAPACITOR_BOUNDS: Omit<FitParameter, "motor"> = {
  name: "seriesCapacitance",
  lower: 0.1e-6,
  upper: 100e-6,
  unit: "F",
  log: true,
};
const FIXTURE_BOUNDS: readonly FitParameter[] = [
  { name: "fixtureLength", lower: 0.5e-3, upper: 40e-3, unit: "m", log: true },
  { name: "fixtureRadius", lower: 0.2e-3, upper: 1.5e-3, unit: "m", log: true },
];

/**
 * Values the fit holds because the data cannot tell them apart from others (gauges): scaling Sd by a
 * and T, m, k, Rm by a, a², a², a² changes nothing a datasheet shows; a sealed rear volume is only a
 * spring in series with k_net; the spout's radius trades with its length and the fixture. Each is
 * a plausible value for the class, stated as such in every fit it appears in.
 */
export const GAUGE_VALUES = {
  diaphragmArea: 10e-6,
  rearVolume: 50e-9,
  spoutRadius: 0.5e-3,
  /** A pin hole through a foil diaphragm: its radius is fitted, its length held. */
  diaphragmVentLength: 50e-6,
} as const;

/** The parameters the fit adjusts for `layout`, in the order of the fit's vector. */
export function fitParameters(layout: FitLayout): FitParameter[] {
  const parameters: FitParameter[] = [];
  for (let motor = 0; motor < layout.motorCount; motor++) {
    for (const bound of MOTOR_BOUNDS) parameters.push({ ...bound, motor });
    if (layout.diaphragmVent) for (const bound of VENT_BOUNDS) parameters.push({ ...bound, motor });
  }
  if (layout.seriesCapacitor)
    parameters.push({ ...CAPACITOR_BOUNDS, motor: layout.motorCount - 1 });
  if (layout.fixture) parameters.push(...FIXTURE_BOUNDS);
  return parameters;
}

/** A parameter's value in the fit's coordinates (log or linear). */
export function toCoordinate(parameter: FitParameter, value: number): number {
  return parameter.log ? Math.log(value) : value;
}

export function fromCoordinate(parameter: FitParameter, coordinate: number): number {
  return parameter.log ? Math.exp(coordinate) : coordinate;
}

/** The receiver (motors and fixture) a vector of fit coordinates stands for. */
export function receiverAt(
  parameters: readonly FitParameter[],
  layout: FitLayout,
  coordinates: ArrayLike<number>,
): { motors: ReceiverMotor[]; fixture?: FixtureTube } {
  const motors = Array.from({ length: layout.motorCount }, () => ({
    diaphragmArea: GAUGE_VALUES.diaphragmArea,
    rearVolume: GAUGE_VALUES.rearVolume,
    spoutRadius: GAUGE_VALUES.spoutRadius,
    ...(layout.diaphragmVent ? { diaphragmVentLength: GAUGE_VALUES.diaphragmVentLength } : {}),
  })) as Record<string, number>[];
  const fixture: Record<string, number> = {};
  parameters.forEach((parameter, index) => {
    const value = fromCoordinate(parameter, coordinates[index]!);
    if (parameter.motor === undefined) {
      fixture[parameter.name === "fixtureLength" ? "lengthM" : "radiusM"] = value;
    } else {
      motors[parameter.motor]![parameter.name] = value;
    }
  });
  return {
    motors: motors as unknown as ReceiverMotor[],
    ...(layout.fixture ? { fixture: fixture as unknown as FixtureTube } : {}),
  };
}

/**
 * receiverAt for a fit's inner loop: writes each motor's key (its MOTOR_KEYS values, NaN for one
 * left out; see ReceiverEvaluator.evaluateKeyed) into `keys` and returns the fixture, the same
 * numbers receiverAt gives without building motor objects. What each key entry reads (a coordinate
 * or a held value) is worked out once, from receiverAt itself.
 */
export function receiverKeysWriter(
  parameters: readonly FitParameter[],
  layout: FitLayout,
): (coordinates: ArrayLike<number>, keys: readonly Float64Array[]) => FixtureTube | undefined {
  const held = receiverAt(parameters, layout, new Float64Array(parameters.length)).motors;
  // Per motor and key entry: the parameter's index, or −1 and the held value (NaN if left out).
  const sources = held.map((motor, m) =>
    MOTOR_KEYS.map((name) => {
      const index = parameters.findIndex((p) => p.motor === m && p.name === name);
      const value = motor[name];
      return { index, value: typeof value === "number" ? value : Number.NaN };
    }),
  );
  const fixtureLength = parameters.findIndex((p) => p.name === "fixtureLength");
  const fixtureRadius = parameters.findIndex((p) => p.name === "fixtureRadius");
  return (coordinates, keys) => {
    sources.forEach((motor, m) => {
      const key = keys[m]!;
      for (let k = 0; k < motor.length; k++) {
        const { index, value } = motor[k]!;
        key[k] = index < 0 ? value : fromCoordinate(parameters[index]!, coordinates[index]!);
      }
    });
    if (!layout.fixture) return undefined;
    return {
      lengthM: fromCoordinate(parameters[fixtureLength]!, coordinates[fixtureLength]!),
      radiusM: fromCoordinate(parameters[fixtureRadius]!, coordinates[fixtureRadius]!),
    };
  };
}
