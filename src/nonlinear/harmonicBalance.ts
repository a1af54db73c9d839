import type { LargeSignalCurves } from "../elements/drivers/largeSignal.js";
import { solveDenseInPlace } from "./denseSolve.js";
import type { Harmonics, PeriodTransform } from "./harmonics.js";
import type { PeriodResponse } from "./periodResponse.js";

/**
 * Harmonic balance for one fundamental: the periodic steady state of the whole network with its
 * nonlinear coils. The unknowns are each coil's displacement x and current i at harmonics 0…K
 * (mean, then re/im of each harmonic: 2K + 1 reals per signal). Given them, the coils' curves are
 * evaluated in time over one period, their emf and force sources go back to harmonics, and the
 * linear network (solved at every k·ω by the ordinary engine, PeriodResponse) gives x and i again;
 * the residual is what goes in minus what comes out. Newton's method zeroes it, with a Jacobian by
 * forward differences (a few dozen unknowns) and a backtracking line search; if that fails from
 * the linear solution, the drive is raised in steps (continuation), each step starting from the
 * last. Converged when every residual is below 1e-10 of its signal's linear amplitude.
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

export function solvePeriod(
  response: PeriodResponse,
  curves: readonly LargeSignalCurves[],
  drivePeak: number,
  transform: PeriodTransform,
): PeriodSolution {
  const block = 2 * response.harmonics + 1;
  const size = 2 * block * curves.length;
  const noSources: (Harmonics | undefined)[] = [];
  const linear = new Float64Array(size);
  curves.forEach((_, c) => pack(response.coilState(c, drivePeak, noSources), linear, c, block));
  // Each signal's scale: the largest entry of its linear solution (a tiny floor keeps 0 apart).
  const scales = new Float64Array(size);
  for (let s = 0; s < 2 * curves.length; s++) {
    let largest = 0;
    for (let m = 0; m < block; m++) largest = Math.max(largest, Math.abs(linear[s * block + m]!));
    scales.fill(largest > 0 ? largest : 1e-30, s * block, (s + 1) * block);
  }
  const sourcesOf = (unknowns: Float64Array) => {
    const sources: (Harmonics | undefined)[] = [];
    curves.forEach((coilCurves, c) => {
      const { x, i } = unpack(unknowns, c, block, response.harmonics);
      response.coilSources(c, coilCurves, x, i, transform, sources);
    });
    return sources;
  };
  const residualAt = (unknowns: Float64Array, drive: number) => {
    const sources = sourcesOf(unknowns);
    const out = new Float64Array(size);
    curves.forEach((_, c) => pack(response.coilState(c, drive, sources), out, c, block));
    for (let m = 0; m < size; m++) out[m] = (unknowns[m]! - out[m]!) / scales[m]!;
    return out;
  };
  let unknowns = Float64Array.from(linear);
  let iterations = 0;
  const jacobianAt = (at: Float64Array, residual: Float64Array, drive: number) => {
    const jacobian = new Float64Array(size * size);
    for (let m = 0; m < size; m++) {
      const h = 1e-7 * scales[m]!;
      const shifted = Float64Array.from(at);
      shifted[m] = shifted[m]! + h;
      const moved = residualAt(shifted, drive);
      for (let row = 0; row < size; row++)
        jacobian[row * size + m] = (moved[row]! - residual[row]!) / h;
    }
    return jacobian;
  };
  const newton = (drive: number): boolean => {
    let residual = residualAt(unknowns, drive);
    // The Jacobian is kept while it serves (each step cuts the residual at least threefold) and
    // taken afresh when it does not: most levels converge on the first one.
    let jacobian: Float64Array | undefined;
    for (let step = 0; step < MAX_ITERATIONS; step++) {
      const norm = maxAbs(residual);
      if (norm < TOLERANCE) return true;
      iterations++;
      const fresh = jacobian === undefined;
      jacobian ??= jacobianAt(unknowns, residual, drive);
      const delta = residual.map((value) => -value);
      if (!solveDenseInPlace(Float64Array.from(jacobian), delta, size)) return false;
      let accepted = false;
      for (let lambda = 1; lambda > 1e-4; lambda /= 2) {
        const trial = unknowns.map((value, m) => value + lambda * delta[m]!);
        const trialResidual = residualAt(trial, drive);
        if (maxAbs(trialResidual) < norm) {
          unknowns = trial;
          residual = trialResidual;
          accepted = true;
          break;
        }
      }
      if (!accepted && fresh) return false;
      if (!accepted || maxAbs(residual) > norm / 3) jacobian = undefined;
    }
    return maxAbs(residual) < TOLERANCE;
  };
  let converged = newton(drivePeak);
  if (!converged) {
    unknowns = linear.map((value) => value * CONTINUATION_STEPS[0]!);
    converged = CONTINUATION_STEPS.every((fraction) => newton(fraction * drivePeak));
  }
  return { sources: sourcesOf(unknowns), converged, iterations };
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return Number.isFinite(largest) ? largest : Infinity;
}

/** Coil c's x then i into `out` as [X₀, re X₁, im X₁, …] blocks. */
function pack(state: { x: Harmonics; i: Harmonics }, out: Float64Array, c: number, block: number) {
  [state.x, state.i].forEach((signal, s) => {
    const at = (2 * c + s) * block;
    out[at] = signal.re[0]!;
    for (let k = 1; 2 * k < block; k++) {
      out[at + 2 * k - 1] = signal.re[k]!;
      out[at + 2 * k] = signal.im[k]!;
    }
  });
}

function unpack(unknowns: Float64Array, c: number, block: number, harmonics: number) {
  const signal = (s: number): Harmonics => {
    const at = (2 * c + s) * block;
    const re = new Float64Array(harmonics + 1);
    const im = new Float64Array(harmonics + 1);
    re[0] = unknowns[at]!;
    for (let k = 1; k <= harmonics; k++) {
      re[k] = unknowns[at + 2 * k - 1]!;
      im[k] = unknowns[at + 2 * k]!;
    }
    return { re, im };
  };
  return { x: signal(0), i: signal(1) };
}
