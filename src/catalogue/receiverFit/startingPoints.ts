import type { FitTargets } from "./datasheetData.js";
import { type FitParameter, toCoordinate } from "./fitParameters.js";

/**
 * A first guess read off the datasheet, per motor: Re from the impedance at the lowest frequencies,
 * the coil's inductive part from |Z| at the top of the band, the moving mass and stiffness from the
 * impedance peak (the mechanical resonance shows there as T²/Zm), the rest mid-class. A woofer and
 * tweeter pair gets its second motor's resonance two octaves higher. Transduction is left for
 * `matchLevel` to set from the sensitivity.
 */
export function datasheetGuess(
  targets: FitTargets,
  parameters: readonly FitParameter[],
): Float64Array {
  const { indices, logMagnitude } = targets.impedance;
  const f = targets.frequencyHz;
  const zLow = logMagnitude.length > 0 ? Math.exp(Math.min(...logMagnitude.slice(0, 8))) : 30;
  const zHigh = logMagnitude.length > 0 ? Math.exp(logMagnitude[logMagnitude.length - 1]!) : 150;
  const fHigh = indices.length > 0 ? f[indices[indices.length - 1]!]! : 10_000;
  // The impedance peak between 500 Hz and 6 kHz, above the straight line (in log–log) through the
  // band's ends, is the resonance: the rising inductive part is that line.
  const band = indices.flatMap((k, j) => (f[k]! >= 500 && f[k]! <= 6000 ? [j] : []));
  let peakHz = 2500;
  if (band.length > 2) {
    const [first, last] = [band[0]!, band[band.length - 1]!];
    const x = (j: number) => Math.log(f[indices[j]!]!);
    const slope = (logMagnitude[last]! - logMagnitude[first]!) / (x(last) - x(first));
    let best = 0;
    for (const j of band) {
      const excess = logMagnitude[j]! - logMagnitude[first]! - slope * (x(j) - x(first));
      if (excess > best) {
        best = excess;
        peakHz = f[indices[j]!]!;
      }
    }
  }
  const motorCount = Math.max(...parameters.map((p) => (p.motor ?? 0) + 1));
  const omegaHigh = 2 * Math.PI * fHigh;
  const inductive = Math.sqrt(Math.max(zHigh * zHigh - zLow * zLow, (0.5 * zHigh) ** 2));
  const guess: Record<string, number> = {
    coilResistance: 0.95 * zLow * motorCount,
    coilInductance: (0.5 * inductive * motorCount) / omegaHigh,
    semiInductance: (0.5 * inductive * motorCount) / Math.sqrt(omegaHigh),
    semiInductanceExponent: 0.5,
    transduction: 2,
    movingMass: 4e-6,
    mechanicalResistance: 0.01,
    frontVolume: 15e-9,
    spoutLength: 1e-3,
    diaphragmVentRadius: 20e-6,
    rearVolume: 50e-9,
    // About 25 Ω at 3 kHz: a tweeter coil's crossover in the upper midrange.
    seriesCapacitance: 2.2e-6,
    fixtureLength: 5e-3,
    fixtureRadius: 0.6e-3,
  };
  return Float64Array.from(parameters, (parameter) => {
    let value = guess[parameter.name];
    if (parameter.name === "netStiffness" || parameter.name === "movingMass") {
      const resonanceHz = peakHz * 4 ** (parameter.motor ?? 0);
      const mass = guess.movingMass! / 4 ** (parameter.motor ?? 0);
      // Air in the receiver and the 711 adds about half the spring; the rest is the motor's.
      value =
        parameter.name === "movingMass" ? mass : 0.5 * mass * (2 * Math.PI * resonanceHz) ** 2;
    }
    const clamped = Math.min(parameter.upper, Math.max(parameter.lower, value!));
    return toCoordinate(parameter, clamped);
  });
}

/**
 * Another start: every coordinate moved by a uniform random amount within ±`spread` (natural-log
 * units for log parameters, a fraction of the range for the others), clamped to the box.
 */
export function perturbedStart(
  base: ArrayLike<number>,
  parameters: readonly FitParameter[],
  random: () => number,
  spread: number,
): Float64Array {
  return Float64Array.from(parameters, (parameter, index) => {
    const width = parameter.log ? spread : spread * 0.25 * (parameter.upper - parameter.lower);
    const value = base[index]! + (2 * random() - 1) * width;
    const lower = toCoordinate(parameter, parameter.lower);
    const upper = toCoordinate(parameter, parameter.upper);
    return Math.min(upper, Math.max(lower, value));
  });
}

/**
 * A deterministic uniform generator on [0, 1) (mulberry32, T. Ettinger's 32-bit mixer): the same
 * seed gives the same starts, so a fit is repeatable to the last digit.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
