import { type DenseLu, factorDense, solveDense } from "./denseSolve.js";
import type { Harmonics, PeriodTransform } from "./harmonics.js";
import type { NonlinearElement } from "./nonlinearElements.js";
import { type Drive, type PeriodResponse, integratedSignals } from "./periodResponse.js";

/**
 * Harmonic balance for one fundamental: the periodic steady state of the whole network with its
 * nonlinear elements. The unknowns are the signals of every cut (nonlinearElements.ts: a coil's
 * current and displacement, an electret's charge, a cavity's volume) at harmonics 0…K (mean, then
 * re/im of each harmonic: 2K + 1 reals per signal). Given them, the elements' terms are evaluated
 * in time over one period, their sources go back to harmonics, and the linear network (solved at
 * every k·ω by the ordinary engine, PeriodResponse) gives the signals again; the residual is what
 * goes in minus what comes out. At the levels reviewers use the nonlinearity is weak, and the map
 * signals → sources → signals is a strong contraction (its gain is of the order of the THD): plain
 * fixed-point iteration converges in a few steps, each one residual. Where it stops contracting
 * threefold per step, Newton's method takes over, with a Jacobian by forward differences (one
 * residual per unknown, factored once and kept while each step cuts the residual threefold) and
 * a backtracking line search; if that fails from the starting point, the drive is raised in steps
 * (continuation), each step starting from the last. Converged when every residual is below 1e-10
 * of its signal's linear amplitude.
 */
export interface PeriodSolution {
  /** The sources per input (index 0, the drive, unused): what the probes' harmonics follow from. */
  readonly sources: readonly (Harmonics | undefined)[];
  readonly converged: boolean;
  readonly iterations: number;
}

const TOLERANCE = 1e-10;
const MAX_ITERATIONS = 40;
const CONTINUATION_STEPS = [0.25, 0.5, 0.75, 1];

/**
 * The periodic steady state at `drive`. `start`, the sources of a nearby solution (another level
 * at this frequency), is where Newton begins instead of the linear solution.
 */
export function solvePeriod(
  response: PeriodResponse,
  elements: readonly NonlinearElement[],
  drive: Drive,
  transform: PeriodTransform,
  start?: readonly (Harmonics | undefined)[],
  /** Newton's finite-difference Jacobian is dense: above this many unknowns only fixed point. */
  maxNewtonUnknowns = 1000,
): PeriodSolution {
  const integrated = integratedSignals(elements);
  const signals = integrated.length;
  const block = 2 * response.harmonics + 1;
  const size = block * signals;
  const scaled = (fraction: number): Drive =>
    new Map([...drive].map(([k, volts]) => [k, fraction * volts]));
  const stateOf = (at: Drive, sources: readonly (Harmonics | undefined)[], out: Float64Array) => {
    for (let s = 0; s < signals; s++)
      pack(response.signal(s, integrated[s]!, at, sources), out, s, block);
  };
  const linear = new Float64Array(size);
  stateOf(drive, [], linear);
  // Each signal's scale: the largest entry of its linear solution (a tiny floor keeps 0 apart).
  const scales = new Float64Array(size);
  for (let s = 0; s < signals; s++) {
    let largest = 0;
    for (let m = 0; m < block; m++) largest = Math.max(largest, Math.abs(linear[s * block + m]!));
    scales.fill(largest > 0 ? largest : 1e-30, s * block, (s + 1) * block);
  }
  const sourcesOf = (unknowns: Float64Array) => {
    const sources: (Harmonics | undefined)[] = [];
    const state = Array.from({ length: signals }, (_, s) =>
      unpack(unknowns, s, block, response.harmonics),
    );
    response.elementSources(elements, state, transform, sources);
    return sources;
  };
  const residualAt = (unknowns: Float64Array, at: Drive) => {
    const out = new Float64Array(size);
    stateOf(at, sourcesOf(unknowns), out);
    for (let m = 0; m < size; m++) out[m] = (unknowns[m]! - out[m]!) / scales[m]!;
    return out;
  };
  let unknowns = linear;
  if (start !== undefined) {
    unknowns = new Float64Array(size);
    stateOf(drive, start, unknowns);
  }
  let iterations = 0;
  const jacobianAt = (at: Float64Array, residual: Float64Array, level: Drive) => {
    const jacobian = new Float64Array(size * size);
    const shifted = Float64Array.from(at);
    for (let m = 0; m < size; m++) {
      const h = 1e-7 * scales[m]!;
      shifted[m] = at[m]! + h;
      const moved = residualAt(shifted, level);
      shifted[m] = at[m]!;
      for (let row = 0; row < size; row++)
        jacobian[row * size + m] = (moved[row]! - residual[row]!) / h;
    }
    return factorDense(jacobian, size);
  };
  const newton = (level: Drive): boolean => {
    let residual = residualAt(unknowns, level);
    let factors: DenseLu | undefined;
    for (let step = 0; step < MAX_ITERATIONS; step++) {
      const norm = maxAbs(residual);
      if (norm < TOLERANCE) return true;
      iterations++;
      const fresh = factors === undefined;
      factors ??= jacobianAt(unknowns, residual, level);
      if (factors === undefined) return false;
      const delta = residual.map((value) => -value);
      solveDense(factors, delta);
      let accepted = false;
      for (let lambda = 1; lambda > 1e-4; lambda /= 2) {
        const trial = unknowns.map((value, m) => value + lambda * delta[m]!);
        const trialResidual = residualAt(trial, level);
        if (maxAbs(trialResidual) < norm) {
          unknowns = trial;
          residual = trialResidual;
          accepted = true;
          break;
        }
      }
      if (!accepted && fresh) return false;
      if (!accepted || maxAbs(residual) > norm / 3) factors = undefined;
    }
    return maxAbs(residual) < TOLERANCE;
  };
  /** Fixed-point steps while each cuts the residual threefold; true once converged. */
  const fixedPoint = (level: Drive): boolean => {
    let residual = residualAt(unknowns, level);
    for (let step = 0; step < MAX_ITERATIONS; step++) {
      const norm = maxAbs(residual);
      if (norm < TOLERANCE) return true;
      // The residual is (X − F(X))/scale: the next iterate F(X) is X − residual·scale.
      const next = unknowns.map((value, m) => value - residual[m]! * scales[m]!);
      const nextResidual = residualAt(next, level);
      iterations++;
      if (!(maxAbs(nextResidual) < norm / 3)) return false;
      unknowns = next;
      residual = nextResidual;
    }
    return maxAbs(residual) < TOLERANCE;
  };
  let converged = fixedPoint(drive) || (size <= maxNewtonUnknowns && newton(drive));
  if (!converged && size <= maxNewtonUnknowns) {
    unknowns = linear.map((value) => value * CONTINUATION_STEPS[0]!);
    converged = CONTINUATION_STEPS.every((fraction) => newton(scaled(fraction)));
  }
  return { sources: sourcesOf(unknowns), converged, iterations };
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return Number.isFinite(largest) ? largest : Infinity;
}

/** Signal s into `out` as a [X₀, re X₁, im X₁, …] block. */
function pack(signal: Harmonics, out: Float64Array, s: number, block: number) {
  const at = s * block;
  out[at] = signal.re[0]!;
  for (let k = 1; 2 * k < block; k++) {
    out[at + 2 * k - 1] = signal.re[k]!;
    out[at + 2 * k] = signal.im[k]!;
  }
}

function unpack(unknowns: Float64Array, s: number, block: number, harmonics: number): Harmonics {
  const at = s * block;
  const re = new Float64Array(harmonics + 1);
  const im = new Float64Array(harmonics + 1);
  re[0] = unknowns[at]!;
  for (let k = 1; k <= harmonics; k++) {
    re[k] = unknowns[at + 2 * k - 1]!;
    im[k] = unknowns[at + 2 * k]!;
  }
  return { re, im };
}
