import type { Port, PrimitiveRealization, StampContext } from "./elementModel.js";
import type { Domain } from "../core/domain.js";

/**
 * Shared stamping patterns of modified nodal analysis. Rows are Kirchhoff flow balances (flow leaving
 * a node through its elements = flow injected); columns are node potentials and branch flows.
 */

/** Writes an admittance (re, im) into `out` for angular frequency ω. */
export type AdmittanceAt = (omega: number, out: Float64Array) => void;

/** The one port of a two-terminal element of the given domain. */
export function twoTerminalPort(domain: Domain): readonly Port[] {
  return [{ terminals: [0, 1], domain }];
}

/** A two-terminal element with admittance y(ω) between its nodes. */
export function admittanceStamp(
  context: StampContext,
  admittance: AdmittanceAt,
): PrimitiveRealization {
  const a = context.node(0);
  const b = context.node(1);
  const aa = context.entry(a, a);
  const ab = context.entry(a, b);
  const ba = context.entry(b, a);
  const bb = context.entry(b, b);
  const y = new Float64Array(2);
  return {
    stamp(omega, matrixRe, matrixIm) {
      admittance(omega, y);
      const yr = y[0]!;
      const yi = y[1]!;
      if (aa >= 0) {
        matrixRe[aa] = matrixRe[aa]! + yr;
        matrixIm[aa] = matrixIm[aa]! + yi;
      }
      if (bb >= 0) {
        matrixRe[bb] = matrixRe[bb]! + yr;
        matrixIm[bb] = matrixIm[bb]! + yi;
      }
      if (ab >= 0) {
        matrixRe[ab] = matrixRe[ab]! - yr;
        matrixIm[ab] = matrixIm[ab]! - yi;
      }
      if (ba >= 0) {
        matrixRe[ba] = matrixRe[ba]! - yr;
        matrixIm[ba] = matrixIm[ba]! - yi;
      }
    },
  };
}

/** Admittance of a series impedance R + jωM (resistance and inertance/mass/inductance). */
export function seriesRmAdmittance(resistance: number, inertance: number): AdmittanceAt {
  return (omega, out) => {
    const x = omega * inertance;
    const denominator = resistance * resistance + x * x;
    out[0] = resistance / denominator;
    out[1] = -x / denominator;
  };
}

/** Admittance jωC of a capacitance-like element (capacitor, compliance, volume). */
export function capacitiveAdmittance(capacitance: number): AdmittanceAt {
  return (omega, out) => {
    out[0] = 0;
    out[1] = omega * capacitance;
  };
}

/** Admittance 1/(jωL) of an inductance-like element (inductor, mass, inertance). */
export function inductiveAdmittance(inductance: number): AdmittanceAt {
  return (omega, out) => {
    out[0] = 0;
    out[1] = -1 / (omega * inductance);
  };
}

/** Admittance 1/R of a resistance. */
export function resistiveAdmittance(resistance: number): AdmittanceAt {
  const g = 1 / resistance;
  return (_omega, out) => {
    out[0] = g;
    out[1] = 0;
  };
}

/**
 * An ideal potential source (voltage, pressure, force) of value `value` with optional series
 * impedance: p(first) − p(second) + Z·I = value, where the branch unknown I is the flow the source
 * delivers out of its first terminal into the network.
 */
export function potentialSourceStamp(
  context: StampContext,
  value: number,
  seriesResistance: number,
): PrimitiveRealization {
  const plus = context.node(0);
  const minus = context.node(1);
  const branch = context.branch();
  const plusBranch = context.entry(plus, branch);
  const minusBranch = context.entry(minus, branch);
  const branchPlus = context.entry(branch, plus);
  const branchMinus = context.entry(branch, minus);
  const branchBranch = seriesResistance > 0 ? context.entry(branch, branch) : -1;
  return {
    sourceBranch: branch,
    stamp(_omega, matrixRe, _matrixIm, rhsRe) {
      if (plusBranch >= 0) matrixRe[plusBranch] = matrixRe[plusBranch]! - 1;
      if (minusBranch >= 0) matrixRe[minusBranch] = matrixRe[minusBranch]! + 1;
      if (branchPlus >= 0) matrixRe[branchPlus] = matrixRe[branchPlus]! + 1;
      if (branchMinus >= 0) matrixRe[branchMinus] = matrixRe[branchMinus]! - 1;
      if (branchBranch >= 0) matrixRe[branchBranch] = matrixRe[branchBranch]! + seriesResistance;
      rhsRe[branch] = rhsRe[branch]! + value;
    },
  };
}

/** An ideal flow source (current, volume velocity) driving `value` into its first terminal. */
export function flowSourceStamp(context: StampContext, value: number): PrimitiveRealization {
  const into = context.node(0);
  const from = context.node(1);
  return {
    stamp(_omega, _matrixRe, _matrixIm, rhsRe) {
      if (into >= 0) rhsRe[into] = rhsRe[into]! + value;
      if (from >= 0) rhsRe[from] = rhsRe[from]! - value;
    },
  };
}

/**
 * A frequency-independent real stamp built from (row, col, value) triples; entries touching ground
 * are dropped.
 */
export function constantStamp(
  context: StampContext,
  triples: readonly (readonly [row: number, col: number, value: number])[],
): PrimitiveRealization {
  const kept = triples
    .map(([row, col, value]) => [context.entry(row, col), value] as const)
    .filter(([slot]) => slot >= 0);
  const slots = Int32Array.from(kept, ([slot]) => slot);
  const values = Float64Array.from(kept, ([, value]) => value);
  return {
    stamp(_omega, matrixRe) {
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[k]!;
        matrixRe[slot] = matrixRe[slot]! + values[k]!;
      }
    },
  };
}
