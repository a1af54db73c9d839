import { SparseComplexLu } from "../linalg/sparseLu.js";
import type { Network } from "../simulate/compileNetwork.js";
import { unsolvableAt } from "../simulate/solveFailure.js";

/** Backward error accepted from a reused pivot order after refinement (as the ordinary sweep). */
const ACCEPTABLE_BACKWARD_ERROR = 1e-14;

/**
 * One network solved for several right-hand sides at every frequency: the linear multi-port's
 * transfers from each inserted source (linearPorts.ts). The matrix is the same for every input —
 * only the sources differ — so it is assembled and factorised once per frequency and solved once
 * per input, where a sweep per input would factorise it once per input. The first input's solve
 * is refined and its componentwise backward error checked at every frequency; when the reused
 * pivot order falls short (a resonance passing by), the matrix is ordered afresh there.
 *
 * `sources[i]` is input i's right-hand side (real, frequency-independent, as Network.sourceRe);
 * returns, per input, per output, per frequency, the output's value for that source alone. Throws
 * the engine's TympanError naming the frequency and elements where the network is singular.
 */
export function sweepInputs(
  network: Network,
  sources: readonly Float64Array[],
  outputs: readonly number[],
  frequenciesHz: readonly number[],
): { re: Float64Array[][]; im: Float64Array[][] } {
  const n = network.size;
  const count = frequenciesHz.length;
  const drivenOf = (source: Float64Array) => {
    const rows: number[] = [];
    source.forEach((value, row) => value !== 0 && rows.push(row));
    return Int32Array.from(rows);
  };
  const driven = sources.map(drivenOf);
  // Unit-scaled right-hand sides (tiny or huge drives stay representable), scaled back on storing.
  const scales = sources.map((source) => Math.max(...source.map(Math.abs)) || 1);
  const rhs = sources.map((source, i) => source.map((value) => value / scales[i]!));
  const zero = new Float64Array(n);
  const wanted = Int32Array.from(outputs.filter((unknown) => unknown >= 0));
  const lu = new SparseComplexLu(n, network.rows, network.cols, {
    eliminateLast: [
      ...outputs.filter((unknown) => unknown >= 0),
      ...new Set(driven.flatMap((rows) => [...rows])),
    ],
  });
  const { constantRe, constantIm, stamps } = network;
  const matrixRe = new Float64Array(network.rows.length);
  const matrixIm = new Float64Array(network.rows.length);
  const xRe = new Float64Array(n);
  const xIm = new Float64Array(n);
  const re = sources.map(() => outputs.map(() => new Float64Array(count)));
  const im = sources.map(() => outputs.map(() => new Float64Array(count)));
  for (let f = 0; f < count; f++) {
    const frequency = frequenciesHz[f]!;
    const omega = 2 * Math.PI * frequency;
    matrixRe.set(constantRe);
    matrixIm.set(constantIm);
    const { timesJOmegaSlots, timesJOmegaCoefficients, overJOmegaSlots, overJOmegaCoefficients } =
      network;
    for (let k = 0; k < timesJOmegaSlots.length; k++) {
      const slot = timesJOmegaSlots[k]!;
      matrixIm[slot] = matrixIm[slot]! + omega * timesJOmegaCoefficients[k]!;
    }
    for (let k = 0; k < overJOmegaSlots.length; k++) {
      const slot = overJOmegaSlots[k]!;
      matrixIm[slot] = matrixIm[slot]! - overJOmegaCoefficients[k]! / omega;
    }
    for (const stamp of stamps) stamp(omega, matrixRe, matrixIm);
    if (!lu.factor(matrixRe, matrixIm))
      throw unsolvableAt(network, frequency, lu.singularRows, lu.singularExactly);
    // The first input's solve is refined and checked; when the reused order lost digits here (a
    // resonance passing by), the matrix is ordered afresh. The others then solve for the outputs
    // only, along the same factors (a handful of rows at the end of the factor).
    if (
      lu.solveRefined(
        matrixRe,
        matrixIm,
        rhs[0]!,
        zero,
        xRe,
        xIm,
        driven[0],
        ACCEPTABLE_BACKWARD_ERROR,
      ) > ACCEPTABLE_BACKWARD_ERROR
    ) {
      if (!lu.orderAndFactor(matrixRe, matrixIm))
        throw unsolvableAt(network, frequency, lu.singularRows, lu.singularExactly);
      lu.solveRefined(
        matrixRe,
        matrixIm,
        rhs[0]!,
        zero,
        xRe,
        xIm,
        driven[0],
        ACCEPTABLE_BACKWARD_ERROR,
      );
    }
    for (let i = 0; i < sources.length; i++) {
      if (i > 0) lu.solveFor(rhs[i]!, zero, wanted, xRe, xIm, driven[i]);
      outputs.forEach((unknown, o) => {
        const [vr, vi] = unknown >= 0 ? [xRe[unknown]!, xIm[unknown]!] : [0, 0];
        if (!Number.isFinite(vr) || !Number.isFinite(vi))
          throw unsolvableAt(network, frequency, unknown >= 0 ? [unknown] : [], false);
        re[i]![o]![f] = vr * scales[i]!;
        im[i]![o]![f] = vi * scales[i]!;
      });
    }
  }
  return { re, im };
}
